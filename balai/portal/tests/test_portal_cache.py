from __future__ import annotations

from django.urls import reverse

from balai.portal.services import village_status_set
from balai.villages.models import Village


def test_anonymous_home_is_served_from_cache(client, dagan):
    assert "1 dari 239" in client.get(reverse("portal:home")).content.decode()
    # A change that bypasses the services (no version bump) is not seen: the page was cached.
    Village.objects.filter(pk=dagan.pk).update(status=Village.Status.SUSPENDED)
    assert "1 dari 239" in client.get(reverse("portal:home")).content.decode()


def test_suspending_a_village_refreshes_the_cached_portal(client, dagan, dina):
    assert "1 dari 239" in client.get(reverse("portal:home")).content.decode()
    village_status_set(village=dagan, status=Village.Status.SUSPENDED, reason="Uji", actor=dina)
    assert "0 dari 239" in client.get(reverse("portal:home")).content.decode()


def test_a_village_going_live_refreshes_the_cached_directory(client, dagan, dina):
    dagan.status = Village.Status.DRAFT
    dagan.save()
    url = reverse("portal:directory") + "?status=live"
    assert "Dagan" not in client.get(url).content.decode()
    village_status_set(village=dagan, status=Village.Status.LIVE, actor=dina)
    assert "Dagan" in client.get(url).content.decode()


def test_logged_in_people_are_not_served_the_cache(client, dagan, alice):
    client.get(reverse("portal:home"))
    Village.objects.filter(pk=dagan.pk).update(status=Village.Status.SUSPENDED)
    client.force_login(alice)
    assert "0 dari 239" in client.get(reverse("portal:home")).content.decode()
