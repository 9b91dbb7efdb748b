"""Long dashboard lists come in pages with the one pagination bar (?halaman=): the objections a
village receives and the recipients of a programme."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from balai.welfare.models import Objection, Recipient


@pytest.mark.django_db
def test_objections_come_fifty_to_a_page(client, alice, dagan, blt):
    Objection.objects.bulk_create(
        Objection(village=dagan, programme=blt, kind="other", message=f"Sanggahan nomor {n:02d}.")
        for n in range(51)
    )
    client.force_login(alice)
    url = reverse("welfare_dashboard:objections", kwargs={"slug": "dagan"})
    first = client.get(url).content.decode()
    assert first.count('<article class="card">') == 50
    assert "Halaman 1 dari 2" in first and '?halaman=2" rel="next"' in first
    second = client.get(url, {"halaman": 2}).content.decode()
    assert second.count('<article class="card">') == 1


@pytest.mark.django_db
def test_recipients_come_a_hundred_to_a_page(client, alice, dagan, blt):
    Recipient.objects.bulk_create(
        Recipient(village=dagan, programme=blt, name=f"WARGA {n:03d}", start=date(2026, 1, 1))
        for n in range(101)
    )
    client.force_login(alice)
    url = reverse("welfare_dashboard:recipients", kwargs={"slug": "dagan", "pk": blt.pk})
    assert "WARGA 100" not in client.get(url).content.decode()
    last = client.get(url, {"halaman": 2}).content.decode()
    assert "WARGA 100" in last and "Halaman 2 dari 2" in last and 'rel="prev"' in last
