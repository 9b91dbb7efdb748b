"""Only district admins review: everyone else gets 404, and anonymous visitors the login."""

from __future__ import annotations

import pytest

from balai.registrations.models import Application

PATHS = [
    "",
    "{pk}/",
    "{pk}/surat/",
    "{pk}/setujui/",
    "{pk}/perbaikan/",
    "{pk}/tolak/",
    "{pk}/disetujui/",
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("person", ["alice", "bob", "charlie", "maya", "kiki"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_people_who_are_not_district_admins_get_404(
    request, login, application, path, person, method
):
    client = login(request.getfixturevalue(person))
    url = "/dasbor/kabupaten/pendaftaran/" + path.format(pk=application.pk)
    response = getattr(client, method)(url, {"message": "x", "reason": "x"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_visitors_are_sent_to_login(client, application, path):
    response = client.get("/dasbor/kabupaten/pendaftaran/" + path.format(pk=application.pk))
    assert response.status_code == 302
    assert response.url.startswith("/masuk/")


def test_the_district_admin_sees_contact_details_on_the_application(login, dina, application):
    page = login(dina).get(f"/dasbor/kabupaten/pendaftaran/{application.pk}/").content.decode()
    assert "slamet@example.com" in page
    assert "+6281234567890" in page
    assert "Setujui dan buat situs" in page


def test_an_unknown_application_is_a_404_for_the_district_admin(login, dina, db):
    assert login(dina).get("/dasbor/kabupaten/pendaftaran/999999/").status_code == 404
