from __future__ import annotations

from django.urls import reverse

from balai.audit.services import audit_record
from balai.portal.tests.conftest import make_application


def test_district_home_shows_counts_open_applications_and_recent_changes(login, dina, dagan):
    application = make_application("33.03.09.2003")
    audit_record(actor=dina, village=dagan, action="village.status", target="dagan")
    html = login(dina).get(reverse("district:home")).content.decode()
    assert "1 dari 239" in html
    assert reverse("review:detail", args=[application.pk]) in html
    assert "Karangmalang" in html
    assert reverse("review:queue") in html
    assert "mengubah status situs Desa Dagan" in html and "village.status" not in html


def test_district_home_query_count_is_bounded(login, dina, dagan, django_assert_max_num_queries):
    for code in ["33.03.09.2003", "33.03.09.2004", "33.03.09.2005"]:
        make_application(code)
        audit_record(actor=dina, village=dagan, action="test", target=code)
    client = login(dina)
    # 12 + the work counts in aggregates (+ complaints, + service requests)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("district:home")).status_code == 200
