"""The staff side of a programme's recipients: a district admin reads and exports them (and both
are logged), the list runs a fixed number of queries, ending a recipient needs a reason, and a
district-wide programme reaches every live village. (Who is refused these pages is tried by the
project's tenant-isolation harness, balai/tests/test_tenant_isolation.py.)"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.welfare.models import Programme, Recipient

pytestmark = pytest.mark.django_db


@pytest.fixture
def things(dagan, register, blt):
    person = Recipient.objects.create(
        village=dagan,
        programme=blt,
        family=register[1][0].family,
        name="WARGA 1-0",
        start=date(2026, 1, 1),
    )
    return {"programme": blt, "recipient": person}


def _url(name: str, things: dict) -> str:
    kwargs = {"slug": "dagan"}
    if name != "programmes":
        kwargs["pk"] = things["programme"].pk
    if name == "recipient_status":
        kwargs["rid"] = things["recipient"].pk
    return reverse(f"welfare_dashboard:{name}", kwargs=kwargs)


def test_a_district_admin_sees_recipients_and_the_view_is_logged(client, dina, things):
    client.force_login(dina)
    assert client.get(_url("recipients", things)).status_code == 200
    assert AuditEntry.objects.filter(action="welfare.recipients_view", actor=dina).exists()
    response = client.post(_url("export", things))
    assert "WARGA 1-0" in response.content.decode()
    assert AuditEntry.objects.filter(action="welfare.recipients_export").exists()
    assert client.get(reverse("welfare_district_dashboard:overview")).status_code == 200


def test_the_recipient_list_runs_a_fixed_number_of_queries(
    client, alice, dagan, register, things, django_assert_max_num_queries
):
    for n in (2, 3, 4):
        Recipient.objects.create(
            village=dagan,
            programme=things["programme"],
            family=register[n][0].family,
            name=f"W{n}",
            start=date(2026, 1, 1),
        )
    client.force_login(alice)
    with django_assert_max_num_queries(16):
        assert client.get(_url("recipients", things)).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(_url("programmes", things)).status_code == 200


def test_ending_a_recipient_needs_a_reason_and_updates_the_public_figures(client, alice, things):
    from balai.welfare.models import WelfareFigure

    client.force_login(alice)
    url = _url("recipient_status", things)
    response = client.post(url, {"status": "ended", "status_reason": "", "end": "2026-03-31"})
    assert "Tulis alasan" in response.content.decode()
    response = client.post(
        url, {"status": "ended", "status_reason": "Pindah domisili", "end": "2026-03-31"}
    )
    assert response.status_code == 302
    assert Recipient.objects.get().status == "ended"
    assert not WelfareFigure.objects.filter(category="dusun").exists()
    assert AuditEntry.objects.filter(action="welfare.recipient_status").exists()


def test_a_district_admin_adds_a_programme_to_every_live_village(
    client, dina, alice, dagan, bojongsari
):
    url = reverse("welfare_district_dashboard:programme_add")
    data = {
        "name": "PKH",
        "kind": "pkh",
        "source": "pusat",
        "unit": "family",
        "period_start": "2026-01-01",
        "amount": "750000",
    }
    client.force_login(alice)
    assert client.post(url, data).status_code == 404
    client.force_login(dina)
    assert client.post(url, data).status_code == 302
    assert sorted(
        Programme.objects.filter(district_wide=True).values_list("village__slug", flat=True)
    ) == ["bojongsari", "dagan"]
    client.post(url, data)
    assert Programme.objects.count() == 2
