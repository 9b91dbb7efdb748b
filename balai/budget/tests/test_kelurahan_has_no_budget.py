"""A kelurahan has no APBDes and no Dana Desa projects: its dashboard home explains why, every
other budget page of its dashboard and site does not exist (404), even for its own admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.budget.models import Project
from balai.conftest import make_user, make_village
from balai.regions.models import Region
from balai.villages.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def lurah_client(client):
    region = Region.objects.filter(type="kelurahan").first()
    village = make_village(region.code, "kelurahan-uji")
    admin = make_user("lurah@example.id", "Lurah")
    Membership.objects.create(user=admin, village=village, role="admin")
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("year", {"year": 2026}),
        ("approve", {"year": 2026}),
        ("line_add", {"year": 2026}),
        ("projects", {}),
        ("project_add", {}),
        ("project_edit", {"pk": 1}),
        ("report_add", {"pk": 1}),
    ],
)
def test_every_budget_page_but_the_home_is_404_for_a_kelurahan(lurah_client, name, kwargs):
    url = reverse(f"budget_dashboard:{name}", kwargs={"slug": "kelurahan-uji", **kwargs})
    assert lurah_client.get(url).status_code == 404
    assert lurah_client.post(url, {"name": "Jalan"}).status_code == 404
    assert not Project.objects.exists()


def test_the_home_explains_and_the_public_pages_do_not_exist(lurah_client):
    home = lurah_client.get(reverse("budget_dashboard:years", kwargs={"slug": "kelurahan-uji"}))
    assert home.status_code == 200 and "adalah kelurahan" in home.content.decode()
    lurah_client.logout()
    for name, kwargs in [
        ("budget_index", {}),
        ("budget_year", {"tahun": 2026}),
        ("budget_year_csv", {"tahun": 2026}),
        ("budget_projects", {}),
    ]:
        url = reverse(f"site:{name}", kwargs={"village_slug": "kelurahan-uji", **kwargs})
        assert lurah_client.get(url).status_code == 404, name
