"""A cached announced list follows the admin at once: a recipient who stops leaves it, and a
withdrawn list disappears. Programmes and recipients are public content, so saving them bumps
the village's version on commit (real commits here, as in production)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from balai.welfare.models import Recipient

# transactional_db (not the marker): the cast fixtures reload the regions after a flush.
pytestmark = pytest.mark.usefixtures("transactional_db")


def test_a_stopped_recipient_and_a_withdrawn_list_leave_the_cached_page(
    client, alice, dagan, register, blt
):
    for n in (1, 2):
        head = register[n][0]
        Recipient.objects.create(
            village=dagan,
            programme=blt,
            family=head.family,
            name=head.name,
            area=head.area,
            start=date(2026, 1, 1),
        )
    blt.list_published = True
    blt.save()
    url = f"/desa/dagan/bantuan-sosial/daftar/{blt.pk}/"
    assert "WARGA 2**" in client.get(url).content.decode()
    second = Recipient.objects.get(name="WARGA 2-0")
    client.force_login(alice)
    client.post(
        reverse(
            "welfare_dashboard:recipient_status",
            kwargs={"slug": "dagan", "pk": blt.pk, "rid": second.pk},
        ),
        {"status": "ended", "status_reason": "Pindah ke Jakarta", "end": "2026-03-31"},
    )
    client.logout()
    page = client.get(url).content.decode()
    assert "WARGA 1**" in page and "WARGA 2**" not in page
    client.force_login(alice)
    client.post(reverse("welfare_dashboard:publish", kwargs={"slug": "dagan", "pk": blt.pk}))
    client.logout()
    assert client.get(url).status_code == 404
