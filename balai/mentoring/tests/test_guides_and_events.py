"""Guides the district writes and other pages link to; juguran with registration and
attendance; mentor coverage."""

from __future__ import annotations

from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from balai.mentoring.models import Event, EventRegistration, Guide
from balai.mentoring.tests.conftest import png_upload


def test_the_district_writes_a_guide_with_a_screenshot_and_scripts_are_cleaned(login, dina):
    response = login(dina).post(
        reverse("mentoring_district_dashboard:guide_add"),
        {
            "title": "Cara impor data penduduk",
            "slug": "impor-penduduk",
            "context_key": "population_import",
            "body": "Unduh templat.<script>alert(1)</script>",
            "is_published": "on",
            "screenshot": png_upload(),
            "screenshot_alt": "Tombol impor di dasbor",
        },
    )
    assert response.status_code == 302
    guide = Guide.objects.get()
    assert "<script>" not in guide.body and guide.images.count() == 1


def test_guide_link_points_to_the_guide_for_its_place(db):
    Guide.objects.create(
        title="Cara impor data penduduk", slug="impor", body="x", context_key="population_import"
    )
    html = Template(
        '{% load guides %}{% guide_link "population_import" %}|{% guide_link "tidak_ada" %}'
    ).render(Context())
    assert 'href="/dasbor/kabupaten/bantuan/panduan/impor/"' in html
    assert html.endswith("|")


def test_guides_are_searchable_by_signed_in_people(login, bob):
    Guide.objects.create(title="Menulis berita", slug="berita", body="Tulis judul yang jelas")
    Guide.objects.create(title="Mengisi APBDes", slug="apbdes", body="Unggah")
    page = (
        login(bob)
        .get(reverse("mentoring_district_dashboard:guides"), {"q": "judul"})
        .content.decode()
    )
    assert "Menulis berita" in page and "Mengisi APBDes" not in page


def test_a_village_admin_registers_and_the_mentor_sees_attendance(login, alice, maya, dina, dagan):
    event = Event.objects.create(
        kind="juguran",
        title="Juguran Bobotsari",
        starts_at=timezone.now() + timezone.timedelta(days=5),
        place="Aula",
    )
    events = reverse("mentoring_dashboard:events", kwargs={"slug": "dagan"})
    login(alice).post(
        reverse("mentoring_dashboard:event_register", kwargs={"slug": "dagan", "pk": event.pk})
    )
    registration = EventRegistration.objects.get()
    login(dina).post(
        reverse("mentoring_district_dashboard:event", kwargs={"pk": event.pk}),
        {"hadir": [registration.pk]},
    )
    page = login(maya).get(events).content.decode()
    assert "Juguran Bobotsari" in page and "Alice Rahayu" in page and "Hadir" in page


def test_an_event_needs_a_place_or_a_link(login, dina):
    response = login(dina).post(
        reverse("mentoring_district_dashboard:event_add"),
        {"kind": "training", "title": "Pelatihan", "starts_at": "2026-12-10T09:00"},
    )
    assert (
        response.status_code == 400
        and "Isi tempat atau tautan daring." in response.content.decode()
    )


def test_coverage_lists_villages_without_mentor(login, dina, dagan, bojongsari, maya):
    page = login(dina).get(reverse("mentoring_district_dashboard:coverage")).content.decode()
    uncovered = page.split("Desa tanpa pendamping")[1].split("Beban pendamping")[0]
    assert "Bojongsari" in uncovered and "Dagan" not in uncovered
    assert "Maya Lestari" in page


def test_attendance_is_saved_in_a_fixed_number_of_queries(
    login, dina, dagan, django_assert_max_num_queries
):
    from balai.accounts.models import User

    event = Event.objects.create(
        kind="juguran", title="Juguran", starts_at=timezone.now(), place="Aula"
    )
    rows = [
        EventRegistration.objects.create(
            event=event, village=dagan, user=User.objects.create_user(f"p{i}@desa.id", None)
        )
        for i in range(8)
    ]
    client = login(dina)
    url = reverse("mentoring_district_dashboard:event", kwargs={"pk": event.pk})
    with django_assert_max_num_queries(8):  # one UPDATE per row would be 15
        client.post(url, {"hadir": [rows[0].pk, rows[1].pk, "x"]})
    attended = [r.attended for r in EventRegistration.objects.order_by("pk")]
    assert attended == [True, True] + [False] * 6
