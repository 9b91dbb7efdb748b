from __future__ import annotations

from balai.registrations.services import application_reject, application_request_revision
from balai.registrations.tests.conftest import file_application

CODES = ["33.03.01.2001", "33.03.01.2002", "33.03.01.2003", "33.03.01.2004", "33.03.01.2005"]


def _fill(dina):
    apps = [file_application(code, wanted_slug=f"desa-{i}") for i, code in enumerate(CODES)]
    application_reject(application=apps[0], admin=dina, reason="Ganda.")
    application_request_revision(application=apps[1], admin=dina, message="Surat buram.")
    return apps


def test_the_queue_shows_open_applications_first_oldest_first(login, dina):
    apps = _fill(dina)
    response = login(dina).get("/dasbor/kabupaten/pendaftaran/")
    listed = list(response.context["applications"])
    assert [a.pk for a in listed] == [apps[2].pk, apps[3].pk, apps[4].pk, apps[1].pk, apps[0].pk]


def test_the_queue_filters_by_status_and_counts_each(login, dina):
    apps = _fill(dina)
    response = login(dina).get("/dasbor/kabupaten/pendaftaran/", {"status": "revision"})
    assert [a.pk for a in response.context["applications"]] == [apps[1].pk]
    assert response.context["counts"] == {
        "submitted": 3,
        "revision": 1,
        "approved": 0,
        "rejected": 1,
    }
    page = response.content.decode()
    assert "Desa Kedungbenda" not in page
    assert "Desa Bokol" in page


def test_the_queue_never_shows_contact_details(login, dina):
    _fill(dina)
    page = login(dina).get("/dasbor/kabupaten/pendaftaran/").content.decode()
    assert "slamet@example.com" not in page


def test_the_queue_runs_a_fixed_number_of_queries(login, dina, django_assert_max_num_queries):
    _fill(dina)
    client = login(dina)
    with django_assert_max_num_queries(8):
        assert client.get("/dasbor/kabupaten/pendaftaran/").status_code == 200
    for code in ["33.03.02.2001", "33.03.02.2002", "33.03.02.2003"]:
        file_application(code, wanted_slug=f"x-{code[-4:]}")
    with django_assert_max_num_queries(8):
        assert client.get("/dasbor/kabupaten/pendaftaran/").status_code == 200
