"""Development projects: entered on the dashboard, reported with photos, shown publicly with a
timeline and a map link (no map tiles load)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from PIL import Image

from balai.budget.models import BudgetLine, ProgressReport, Project
from balai.budget.tests.conftest import make_year
from balai.villages.tests.conftest import image_upload, text_as_jpg

pytestmark = pytest.mark.django_db


def dash(name: str, **kw) -> str:
    return reverse(f"budget_dashboard:{name}", kwargs={"slug": "dagan", **kw})


def test_a_project_with_a_progress_photo_appears_on_the_public_page(login, alice, dagan_2025):
    client = login(alice)
    line = BudgetLine.objects.get(fiscal_year=dagan_2025, account__code="5.3.5.03")
    client.post(
        dash("project_add"),
        {
            "fiscal_year": dagan_2025.pk,
            "name": "Pengerasan Jalan Dusun II",
            "location": "RT 02 RW 03",
            "latitude": "-7,301234",
            "longitude": "109.365678",
            "volume": "450",
            "unit": "m",
            "implementer": "TPK Desa Dagan",
            "budget": "Rp 700.000.000",
            "lines": [line.pk],
            "is_published": "on",
        },
    )
    project = Project.objects.get()
    assert project.slug == "pengerasan-jalan-dusun-ii" and list(project.lines.all()) == [line]
    client.post(
        dash("report_add", pk=project.pk),
        {
            "date": "2025-07-10",
            "percentage": "40",
            "note": "Pemadatan selesai",
            "photo": image_upload(exif=True),
            "photo_alt": "Jalan dipadatkan",
        },
    )
    report = ProgressReport.objects.get()
    with Image.open(report.photo.path) as img:
        assert not img.getexif()  # EXIF (and GPS) stripped
    client.logout()
    url = reverse("site:budget_project", kwargs={"village_slug": "dagan", "slug": project.slug})
    page = client.get(url).content.decode()
    assert "Pengerasan Jalan Dusun II" in page and "40% selesai" in page
    assert 'alt="Jalan dipadatkan"' in page
    assert "openstreetmap.org/?mlat=-7.301234&amp;mlon=109.365678" in page
    assert "<script" not in page.split("<main")[1]
    listing = client.get(reverse("site:budget_projects", kwargs={"village_slug": "dagan"}))
    listing_html = listing.content.decode()
    assert "Pengerasan Jalan Dusun II" in listing_html
    assert '<svg class="chart chart-map" role="img"' in listing_html  # the map, without tiles


def test_a_text_file_posing_as_a_photo_is_refused(login, alice, dagan_2025):
    project = Project.objects.create(
        village=alice.memberships.get().village, fiscal_year=dagan_2025, name="Jalan", slug="jalan"
    )
    page = (
        login(alice)
        .post(
            dash("report_add", pk=project.pk),
            {"date": "2025-07-10", "percentage": "40", "photo": text_as_jpg(), "photo_alt": "x"},
        )
        .content.decode()
    )
    assert "bukan" in page
    assert not ProgressReport.objects.exists()


def test_a_percentage_above_100_is_refused(login, alice, dagan_2025):
    project = Project.objects.create(
        village=dagan_2025.village, fiscal_year=dagan_2025, name="Jalan", slug="jalan"
    )
    page = (
        login(alice)
        .post(dash("report_add", pk=project.pk), {"date": "2025-07-10", "percentage": "140"})
        .content.decode()
    )
    assert "Isi angka 0 sampai 100." in page
    assert not ProgressReport.objects.exists()


def test_projects_of_a_draft_year_stay_hidden(client, dagan):
    fy = make_year(dagan, 2026, status="draft")
    Project.objects.create(village=dagan, fiscal_year=fy, name="Jalan", slug="jalan")
    assert (
        client.get(reverse("site:budget_projects", kwargs={"village_slug": "dagan"})).status_code
        == 404
    )
    url = reverse("site:budget_project", kwargs={"village_slug": "dagan", "slug": "jalan"})
    assert client.get(url).status_code == 404


def _project_post(client, fy, **point) -> object:
    return client.post(
        dash("project_add"),
        {"fiscal_year": fy.pk, "name": "Talud Dusun I", "is_published": "on", **point},
    )


def test_a_project_takes_the_pair_copied_from_google_maps(login, alice, dagan_2025):
    client = login(alice)
    response = _project_post(client, dagan_2025, latitude="7°18'18.4\"S 109°22'06.6\"E")
    assert response.status_code == 302
    project = Project.objects.get()
    assert (str(project.latitude), str(project.longitude)) == ("-7.305111", "109.368500")


def test_a_project_far_from_the_village_office_is_refused(login, alice, dagan_2025):
    village = dagan_2025.village
    village.latitude, village.longitude = -7.3051, 109.3685
    village.save()
    client = login(alice)
    response = _project_post(client, dagan_2025, latitude="-6.2088, 106.8456")
    assert response.status_code == 200
    assert "km dari kantor desa" in response.content.decode()
    assert not Project.objects.exists()
