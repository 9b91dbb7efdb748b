"""While a dry run is running the page shows its progress: htmx polls a partial every second,
and with JS off a refresh link does the same; when done, htmx reloads the whole page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.welfare.models import WelfareImport


@pytest.mark.django_db
def test_progress_is_shown_polled_and_refreshable(client, alice, dagan):
    imp = WelfareImport.objects.create(
        village=dagan,
        uploaded_by=alice,
        kind="xlsx",
        target="ranking",
        status="checking",
        progress=40,
    )
    url = reverse("welfare_dashboard:import", kwargs={"slug": "dagan", "pk": imp.pk})
    client.force_login(alice)
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in page and "40%" in page and "Muat ulang" in page
    partial = client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode() and "40%" in partial.content.decode()
    imp.status = "checked"
    imp.save()
    done = client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == 204 and done["HX-Refresh"] == "true"
