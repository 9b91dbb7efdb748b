"""Another village's admin gets 404 on every backup URL of Dagan, GET and POST; the archive is
the village's personal data, so its editor and its mentor are outsiders too."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.backups.models import VillageExport

ALL = ["backup", "backup_create", "backup_download"]


@pytest.fixture
def export(dagan):
    return VillageExport.objects.create(village=dagan, status=VillageExport.Status.DONE)


def url(name: str, export: VillageExport) -> str:
    kwargs = {"slug": "dagan", **({"pk": export.pk} if name == "backup_download" else {})}
    return reverse(f"backups_dashboard:{name}", kwargs=kwargs)


def test_every_backups_dashboard_url_is_covered_here():
    from balai.backups.urls.dashboard import urlpatterns

    assert {p.name for p in urlpatterns} == set(ALL)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", ALL)
def test_another_villages_admin_gets_404(login, charlie, export, name, method):
    response = getattr(login(charlie), method)(url(name, export))
    assert response.status_code == 404
    assert VillageExport.objects.count() == 1


@pytest.mark.parametrize("name", ALL)
def test_backup_pages_are_for_village_admins_only(login, bob, maya, export, name):
    for outsider in (bob, maya):
        assert login(outsider).post(url(name, export)).status_code == 404
    assert VillageExport.objects.count() == 1
