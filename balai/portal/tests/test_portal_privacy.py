from __future__ import annotations

import pytest
from django.urls import reverse

from balai.portal.tests.conftest import make_application
from balai.registrations.models import Application


@pytest.mark.parametrize(
    "url, params",
    [("portal:home", {}), ("portal:directory", {}), ("portal:search", {"q": "bobotsari"})],
)
def test_portal_pages_never_show_applicants_or_members(client, alice, url, params):
    make_application("33.03.09.2003")
    make_application("33.03.09.2004", Application.Status.REVISION, applicant_name="Wartini")
    html = client.get(reverse(url), params).content.decode()
    assert "Karangmalang" in html  # the application is visible as a status...
    for personal in ["Sutrisno", "Wartini", "sutrisno.pemohon", "812345", "Alice", "alice@"]:
        assert personal not in html  # ...but not who filed it, nor the site's members
