"""Cached public budget pages change as soon as the admin's write commits: saving a year or a
project bumps the village's content version through the models, with no hand-made bump.
Real commits (transaction=True): the bump runs on commit, as in production."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.budget import services
from balai.budget.models import Project
from balai.budget.tests.conftest import make_year

# transactional_db (not the marker): the cast fixtures reload the regions after a flush.
pytestmark = pytest.mark.usefixtures("transactional_db")


def site(name: str, **kw) -> str:
    return reverse(f"site:{name}", kwargs={"village_slug": "dagan", **kw})


def test_a_new_project_and_a_revision_show_on_the_cached_pages(client, alice, dagan):
    fy = make_year(dagan, 2025)
    Project.objects.create(village=dagan, fiscal_year=fy, name="Talud Dusun I", slug="talud")
    assert "Talud Dusun I" in client.get(site("budget_projects")).content.decode()
    assert (
        "Perdes Nomor 3 Tahun 2025" in client.get(site("budget_year", tahun=2025)).content.decode()
    )
    client.force_login(alice)
    client.post(
        reverse("budget_dashboard:project_add", kwargs={"slug": "dagan"}),
        {"fiscal_year": fy.pk, "name": "Jembatan Kali Klawing", "is_published": "on"},
    )
    services.fiscal_year_revise(
        fiscal_year=fy,
        revision_number="8 Tahun 2025",
        revision_date=fy.perdes_date,
        actor=alice,
        imbalance_accepted=True,
    )
    client.logout()
    assert "Jembatan Kali Klawing" in client.get(site("budget_projects")).content.decode()
    year = client.get(site("budget_year", tahun=2025)).content.decode()
    assert "Perdes Nomor 8 Tahun 2025" in year
