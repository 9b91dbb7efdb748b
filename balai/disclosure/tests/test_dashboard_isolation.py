"""Charlie (admin of Bojongsari) gets 404 on every PPID dashboard URL of Dagan, GET and POST;
Dagan's editor and mentor have no PPID access either (requesters' identities are personal)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from balai.disclosure import services
from balai.disclosure.calendar import add_working_days
from balai.disclosure.models import DipItem, EmergencyNotice, InfoRequest
from balai.disclosure.tests.conftest import make_request

pytestmark = pytest.mark.django_db

NAMES = [
    ("index", {}),
    ("request_add", {}),
    ("request", {"pk": "request"}),
    ("request_extend", {"pk": "request"}),
    ("request_decide", {"pk": "request"}),
    ("request_file", {"pk": "request"}),
    ("objection", {"pk": "objection"}),
    ("profile", {}),
    ("dip", {}),
    ("dip_seed", {}),
    ("dip_add", {}),
    ("dip_edit", {"pk": "dip"}),
    ("dip_delete", {"pk": "dip"}),
    ("notices", {}),
    ("notice_end", {"pk": "notice"}),
    ("register", {"kind": "permohonan", "fmt": "xlsx"}),
]


@pytest.fixture
def dagan_rows(dagan):
    info = make_request(dagan, received_on=timezone.localdate().replace(month=1, day=5))
    objection = services.objection_file(
        info=info,
        grounds=["c"],
        statement="Belum dijawab.",
        filed_on=add_working_days(info.due_on, 2),
    )
    services.dip_seed(village=dagan, year=2026)
    notice = EmergencyNotice.objects.create(
        village=dagan,
        title="Banjir",
        hazard="a",
        affected="b",
        evacuation="c",
        avoidance="d",
        help="e",
        announcer="f",
        channel="g",
        authority_actions="h",
        started_at=timezone.now(),
    )
    return {
        "request": info.pk,
        "objection": objection.pk,
        "dip": DipItem.objects.for_village(dagan).first().pk,
        "notice": notice.pk,
    }


def _url(name, kwargs, rows):
    kw = {k: rows.get(v, v) for k, v in kwargs.items()}
    return reverse(f"disclosure_dashboard:{name}", kwargs={"slug": "dagan", **kw})


@pytest.mark.parametrize(("name", "kwargs"), NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_villages_admin_gets_404(client, charlie, dagan_rows, name, kwargs, method):
    client.force_login(charlie)
    response = getattr(client, method)(_url(name, kwargs, dagan_rows))
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["bob", "maya"])
def test_editors_and_mentors_do_not_see_requests(client, dagan_rows, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url("request", {"pk": "request"}, dagan_rows)).status_code == 404


def test_nothing_changed_after_charlies_posts(client, charlie, dagan_rows):
    client.force_login(charlie)
    for name, kwargs in NAMES:
        client.post(_url(name, kwargs, dagan_rows), {"decision": "granted", "answer": "x"})
    info = InfoRequest.objects.get(pk=dagan_rows["request"])
    assert info.is_open and not info.is_extended
    assert EmergencyNotice.objects.get(pk=dagan_rows["notice"]).is_active


@pytest.mark.parametrize(("name", "kwargs"), [(n, kw) for n, kw in NAMES if "pk" in kw])
@pytest.mark.parametrize("method", ["get", "post"])
def test_dagans_row_ids_under_charlies_own_village_give_404(
    client, charlie, dagan_rows, name, kwargs, method
):
    # Charlie passes the role check on his own village: only the scoped lookup stops him.
    client.force_login(charlie)
    pk = dagan_rows[kwargs["pk"]]
    path = reverse(f"disclosure_dashboard:{name}", kwargs={"slug": "bojongsari", "pk": pk})
    post_only = {"request_extend", "dip_delete", "notice_end"}
    expected = 405 if method == "get" and name in post_only else 404
    assert getattr(client, method)(path).status_code == expected
