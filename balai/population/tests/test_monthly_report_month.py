"""The monthly report's ?bulan= is typed by hand: a month at the edge of the calendar, or
nonsense, shows this month's report instead of an error page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "x"])
def test_a_month_without_a_neighbour_falls_back_to_this_month(client, alice, month):
    client.force_login(alice)
    url = reverse("population_dashboard:monthly", kwargs={"slug": "dagan"})
    response = client.get(url, {"bulan": month})
    assert response.status_code == 200
    today = timezone.localdate()
    assert response.context["report"].month == today.replace(day=1)


def test_a_real_month_is_shown(client, alice):
    client.force_login(alice)
    url = reverse("population_dashboard:monthly", kwargs={"slug": "dagan"})
    response = client.get(url, {"bulan": "2025-01"})
    assert response.context["report"].previous == "2024-12"
    assert response.context["report"].next == "2025-02"
