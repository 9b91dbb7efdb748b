"""The district's alert list: open alerts by default, all of them on request, fifty a page;
a handled alert leaves the open list. Only district admins see it."""

from __future__ import annotations

from django.urls import reverse

from balai.watch.models import IntegrityAlert

ALERTS = reverse("watch_district_dashboard:alerts")


def _alerts(n: int, dagan) -> list[IntegrityAlert]:
    return IntegrityAlert.objects.bulk_create(
        IntegrityAlert(
            village=dagan,
            kind=IntegrityAlert.Kind.BURST,
            message=f"Peringatan nomor {i:03d}.",
            dedupe_key=f"test:{i}",
        )
        for i in range(n)
    )


def test_a_long_list_is_paged(login, dina, dagan, django_assert_max_num_queries):
    _alerts(55, dagan)
    client = login(dina)
    with django_assert_max_num_queries(10):
        first = client.get(ALERTS).content.decode()
    second = client.get(ALERTS, {"halaman": 2}).content.decode()
    assert first.count("Peringatan nomor") == 50 and second.count("Peringatan nomor") == 5
    assert "Halaman 1 dari 2" in first


def test_a_handled_alert_leaves_the_open_list(login, dina, dagan):
    alert = _alerts(1, dagan)[0]
    client = login(dina)
    client.post(reverse("watch_district_dashboard:alert_handle", kwargs={"pk": alert.pk}))
    alert.refresh_from_db()
    assert alert.is_handled
    assert "Peringatan nomor 000" not in client.get(ALERTS).content.decode()
    assert "Peringatan nomor 000" in client.get(ALERTS, {"semua": "1"}).content.decode()


def test_the_alert_list_is_not_found_for_a_village_admin_or_a_mentor(login, alice, maya, dagan):
    alert = _alerts(1, dagan)[0]
    handle = reverse("watch_district_dashboard:alert_handle", kwargs={"pk": alert.pk})
    for person in (alice, maya):
        assert login(person).get(ALERTS).status_code == 404
        assert login(person).post(handle).status_code == 404
    alert.refresh_from_db()
    assert not alert.is_handled
