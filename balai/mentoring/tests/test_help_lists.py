"""Help request lists grow for years: the district queue shows fifty a page and the village
list thirty, while the queue's figures still count every request."""

from __future__ import annotations

from django.urls import reverse

from balai.mentoring.models import HelpRequest

QUEUE = reverse("mentoring_district_dashboard:queue")


def _requests(n: int, dagan, alice) -> None:
    HelpRequest.objects.bulk_create(
        HelpRequest(village=dagan, author=alice, topic=HelpRequest.Topic.NEWS, message="Tolong")
        for _ in range(n)
    )


def test_the_district_queue_is_paged_and_its_figures_count_every_request(
    login, dina, dagan, alice, django_assert_max_num_queries
):
    _requests(60, dagan, alice)
    client = login(dina)
    with django_assert_max_num_queries(12):
        first = client.get(QUEUE)
    second = client.get(QUEUE, {"halaman": 2}).content.decode()
    assert first.content.decode().count("BTN-") == 50 and second.count("BTN-") == 10
    assert first.context["summary"]["total"] == 60 and first.context["summary"]["open"] == 60


def test_the_village_help_list_is_paged(login, alice, dagan):
    _requests(35, dagan, alice)
    url = reverse("mentoring_dashboard:help_list", kwargs={"slug": "dagan"})
    client = login(alice)
    assert client.get(url).content.decode().count("BTN-") == 30
    assert client.get(url, {"halaman": 2}).content.decode().count("BTN-") == 5
