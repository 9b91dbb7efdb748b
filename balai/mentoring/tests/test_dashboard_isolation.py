"""Another village's admin gets 404 on every mentoring URL of Dagan, GET and POST; a mentor not
assigned to a village is as much an outsider as charlie."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from balai.mentoring.models import Event, EventRegistration, HelpRequest
from balai.mentoring.services import help_request_create
from balai.mentoring.tests.conftest import png_upload

ALL = [
    "help_list",
    "help_new",
    "help_detail",
    "help_resolve",
    "help_attachment",
    "events",
    "event_register",
]


@pytest.fixture
def things(dagan, alice, maya):
    help_request = help_request_create(
        village=dagan, author=alice, topic="news", message="Tolong", images=[png_upload()]
    )
    event = Event.objects.create(
        kind="juguran",
        title="Juguran",
        starts_at=timezone.now() + timezone.timedelta(days=3),
        place="Aula",
    )
    return {"help": help_request, "event": event}


def url(name: str, things: dict) -> str:
    kwargs = {"slug": "dagan"}
    if name.startswith("help_") and name not in ("help_list", "help_new"):
        kwargs["pk"] = things["help"].pk
    if name == "help_attachment":
        kwargs["attachment_id"] = things["help"].attachments.get().pk
    if name == "event_register":
        kwargs["pk"] = things["event"].pk
    return reverse(f"mentoring_dashboard:{name}", kwargs=kwargs)


def test_every_mentoring_dashboard_url_is_covered_here():
    from balai.mentoring.urls.dashboard import urlpatterns

    assert {p.name for p in urlpatterns} == set(ALL)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", ALL)
def test_another_villages_admin_gets_404(login, charlie, things, name, method):
    client = login(charlie)
    response = getattr(client, method)(url(name, things), {"message": "Diretas", "topic": "other"})
    assert response.status_code == 404
    assert HelpRequest.objects.count() == 1
    assert things["help"].replies.count() == 0
    assert not EventRegistration.objects.exists()
