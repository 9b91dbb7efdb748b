"""Another village's admin gets 404 on every welfare dashboard URL of Dagan, GET and POST;
editors and mentors see no recipient; district admins do; views and exports are logged."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.imports.models import ImportJob
from balai.imports.tests.jobs import make_job
from balai.welfare.models import Objection, Programme, Recipient

PROGRAMME_URLS = {"programme_edit", "recipients", "publish", "export", "recipient_status"}


def _names():
    from balai.welfare.urls.dashboard import urlpatterns

    return sorted(p.name for p in urlpatterns)


@pytest.fixture
def things(dagan, alice, register, blt):
    person = Recipient.objects.create(
        village=dagan,
        programme=blt,
        family=register[1][0].family,
        name="WARGA 1-0",
        start=date(2026, 1, 1),
    )
    imp = make_job(dagan, "welfare.ranking", uploaded_by=alice)
    objection = Objection.objects.create(village=dagan, programme=blt, kind="other", message="Cek.")
    return {"programme": blt, "import": imp, "objection": objection, "recipient": person}


def _url(name: str, things: dict) -> str:
    kwargs = {"slug": "dagan"}
    if name in PROGRAMME_URLS:
        kwargs["pk"] = things["programme"].pk
        if name == "recipient_status":
            kwargs["rid"] = things["recipient"].pk
    elif name in ("import", "import_confirm", "import_report"):
        kwargs["pk"] = things["import"].pk
    elif name == "objection_done":
        kwargs["pk"] = things["objection"].pk
    elif name == "template":
        kwargs["target"] = "penerima"
    return reverse(f"welfare_dashboard:{name}", kwargs=kwargs)


@pytest.mark.parametrize("name", _names())
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_village_admin_gets_404_everywhere(client, charlie, things, name, method):
    client.force_login(charlie)
    data = {
        "name": "X",
        "kind": "pkh",
        "source": "pusat",
        "unit": "family",
        "period_start": "2026-01-01",
        "tayang": "1",
    }
    response = getattr(client, method)(_url(name, things), data)
    assert response.status_code == 404
    programme = Programme.objects.get()
    assert programme.name == "BLT Dana Desa 2026" and not programme.list_published
    assert not Objection.objects.get().handled
    assert ImportJob.objects.get().status == "checked"
    assert Recipient.objects.get().status == "active"


@pytest.mark.parametrize("name", _names())
def test_editor_and_mentor_get_404(client, bob, maya, things, name):
    for user in (bob, maya):
        client.force_login(user)
        assert client.get(_url(name, things)).status_code == 404


@pytest.mark.django_db
def test_a_district_admin_sees_recipients_and_the_view_is_logged(client, dina, things):
    client.force_login(dina)
    assert client.get(_url("recipients", things)).status_code == 200
    assert AuditEntry.objects.filter(action="welfare.recipients_view", actor=dina).exists()
    response = client.post(_url("export", things))
    assert "WARGA 1-0" in response.content.decode()
    assert AuditEntry.objects.filter(action="welfare.recipients_export").exists()
    assert client.get(reverse("welfare_district_dashboard:overview")).status_code == 200


@pytest.mark.django_db
def test_the_district_overview_is_for_district_admins_only(client, alice):
    client.force_login(alice)
    assert client.get(reverse("welfare_district_dashboard:overview")).status_code == 404


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_ending_a_recipient_needs_a_reason_and_updates_the_public_figures(
    client, alice, things, dagan
):
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


@pytest.mark.django_db
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
