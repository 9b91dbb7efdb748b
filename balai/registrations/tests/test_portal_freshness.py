from __future__ import annotations

import pytest

from balai.registrations import services
from balai.registrations.tests.conftest import file_application


def bokol_row(client) -> str:
    html = client.get("/desa/?kecamatan=33.03.01").content.decode()
    start = html.index("Bokol")
    return html[start : start + 600]


@pytest.mark.django_db
def test_a_new_application_shows_as_applied_on_the_cached_portal_at_once(client):
    assert "Sedang mendaftar" not in bokol_row(client)  # now cached
    file_application()
    assert "Sedang mendaftar" in bokol_row(client)


@pytest.mark.django_db
def test_a_rejected_village_is_free_again_on_the_cached_portal(client, dina):
    application = file_application()
    assert "Sedang mendaftar" in bokol_row(client)
    services.application_reject(
        application=application, admin=dina, reason="Surat belum ditandatangani."
    )
    assert "Sedang mendaftar" not in bokol_row(client)
