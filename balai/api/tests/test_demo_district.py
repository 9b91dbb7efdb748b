"""Against the demo district: budget and population figures, bounded queries, and no personal
data of residents, requesters, buyers, commenters or applicants in any response."""

from __future__ import annotations

import re

import pytest

from balai.budget.models import FiscalYear
from balai.population import selectors as population
from balai.population.models import PopulationFigure
from balai.villages.models import Village

pytestmark = pytest.mark.django_db
PERSONAL_APPS = [
    "accounts",
    "population",
    "welfare",
    "disclosure",
    "market",
    "news",
    "registrations",
    "mentoring",
    "watch",
    "backups",
]


@pytest.fixture
def district(db) -> list[Village]:
    from balai.portal.demo import demo_build

    demo_build(villages=5)
    return list(Village.objects.filter(status=Village.Status.LIVE).order_by("slug"))


def _urls(villages: list[Village]) -> list[str]:
    urls = ["/api/v1/villages", "/api/v1/openapi.json"]
    for v in villages:
        base = f"/api/v1/villages/{v.slug}"
        urls += [base, f"{base}/news", f"{base}/news?page=2", f"{base}/population"]
        urls += [f"{base}/products", f"{base}/products?page=2", f"{base}/apbdes"]
    return urls


def _personal_data() -> set[str]:
    """Every NIK, No. KK, birth date, home address, phone and e-mail of a person the demo
    wrote, in any module (the village office's own published contact is not a person's)."""
    from django.apps import apps

    from balai.population.models import Family

    found: set[str] = set(Family.objects.values_list("number", flat=True))
    personal = re.compile(r"nik|phone|email|whatsapp|address|birth_date")
    for label in PERSONAL_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.concrete_fields:
                if personal.search(field.name) and not field.is_relation:
                    for value in model.objects.values_list(field.name, flat=True):
                        if hasattr(value, "isoformat"):
                            # Recent dates coincide with publication dates; older ones cannot.
                            value = value.isoformat() if value.year < 2015 else ""
                        if value and len(str(value)) >= 6:
                            found.add(str(value))
    return found


def test_no_personal_data_appears_in_any_response(client, district):
    from balai.population.models import Resident

    assert Resident.objects.exclude(nik="").count() > 100, "the demo should have residents"
    personal = _personal_data()
    bodies = []
    for url in _urls(district):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        bodies.append(response.content.decode())
    text = "\n".join(bodies)
    leaked = [v for v in personal if v in text]
    assert not leaked, f"personal data leaked: {leaked[:5]}"
    assert not re.search(r"(?<!\d)\d{16}(?!\d)", text), "a 16-digit number (NIK/KK) appeared"


def test_population_returns_the_public_download_of_each_published_category(client, district):
    dagan = next(v for v in district if v.slug == "dagan")
    assert PopulationFigure.objects.for_village(dagan).exists()
    data = client.get("/api/v1/villages/dagan/population").json()
    keys = [c.key for c in population.published_categories(dagan)]
    assert [c["key"] for c in data["categories"]] == keys
    for category in data["categories"]:
        download = client.get(f"/desa/dagan/statistik/{category['key']}/data.json").json()
        assert {k: v for k, v in category.items() if k != "key"} == download


def test_apbdes_lists_public_years_with_their_totals(client, district):
    dagan = next(v for v in district if v.slug == "dagan")
    public = FiscalYear.objects.for_village(dagan).exclude(status=FiscalYear.Status.DRAFT)
    data = client.get("/api/v1/villages/dagan/apbdes").json()
    assert [y["year"] for y in data] == sorted((fy.year for fy in public), reverse=True)
    assert data, "the demo should give Dagan a public APBDes"
    first = public.order_by("-year").first()
    assert data[0]["spending_budget"] == first.spending_budget
    assert data[0]["url"].endswith(f"/desa/dagan/apbdes/{first.year}/")


@pytest.mark.parametrize("suffix", ["", "/news", "/products", "/apbdes", "/population"])
def test_list_endpoints_need_a_bounded_number_of_queries(
    client, district, suffix, django_assert_max_num_queries
):
    if not suffix:
        with django_assert_max_num_queries(3):
            assert len(client.get("/api/v1/villages").json()) == len(district)
        return
    for village in district:
        url = f"/api/v1/villages/{village.slug}{suffix}"
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code in (200, 404)


def test_a_repeated_request_is_answered_from_the_cache(
    client, district, django_assert_max_num_queries
):
    client.get("/api/v1/villages/dagan/population")
    with django_assert_max_num_queries(2):  # host routing, then the village for its version
        assert client.get("/api/v1/villages/dagan/population").json()["categories"]
