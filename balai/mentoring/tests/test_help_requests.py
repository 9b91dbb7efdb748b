"""A village admin asks for help, the mentor answers, the admin resolves it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.mentoring.models import HelpRequest
from balai.mentoring.tests.conftest import png_upload

NEW = reverse("mentoring_dashboard:help_new", kwargs={"slug": "dagan"})


def detail(pk: int) -> str:
    return reverse("mentoring_dashboard:help_detail", kwargs={"slug": "dagan", "pk": pk})


def test_an_admin_asks_with_a_screenshot_and_the_mentor_is_emailed(login, alice, maya):
    response = login(alice).post(
        NEW, {"topic": "import", "message": "Impor penduduk gagal.", "screenshots": [png_upload()]}
    )
    help_request = HelpRequest.objects.get()
    assert response.status_code == 302 and response.url == detail(help_request.pk)
    assert help_request.attachments.count() == 1
    assert help_request.escalated_at is None
    assert [m.to for m in mail.outbox] == [[maya.email]]
    assert "Impor penduduk gagal" not in mail.outbox[0].body  # the message stays in the dashboard


def test_the_mentor_answers_and_the_admin_resolves(client, login, help_request, alice, maya):
    mail.outbox.clear()
    login(maya).post(detail(help_request.pk), {"message": "Coba kecilkan fotonya."})
    help_request.refresh_from_db()
    assert help_request.status == "answered" and help_request.first_answer_at
    assert mail.outbox[0].to == [alice.email]
    page = login(alice).get(detail(help_request.pk))
    assert "Coba kecilkan fotonya." in page.content.decode()
    client.post(
        reverse("mentoring_dashboard:help_resolve", kwargs={"slug": "dagan", "pk": help_request.pk})
    )
    help_request.refresh_from_db()
    assert help_request.status == "resolved"


def test_a_request_from_a_village_without_mentor_goes_to_the_district(login, alice, dina):
    login(alice).post(NEW, {"topic": "domain", "message": "Domain desa belum aktif."})
    assert HelpRequest.objects.get().escalated_at is not None
    assert mail.outbox[0].to == [dina.email]


def test_unanswered_requests_are_escalated_after_the_set_time(help_request, dina):
    from balai.mentoring.services import ESCALATE_AFTER, help_requests_escalate

    mail.outbox.clear()
    assert help_requests_escalate() == 0
    later = help_request.created_at + ESCALATE_AFTER
    assert help_requests_escalate(now=later) == 1
    assert dina.email in mail.outbox[0].to
    assert help_requests_escalate(now=later) == 0  # once only


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("x.png", b"<?php system($_GET[1]); ?>"), "bukan"),
        (
            SimpleUploadedFile("besar.png", b"\x89PNG\r\n\x1a\n" + b"0" * (20 * 1024 * 1024 + 1)),
            "terlalu besar",
        ),
    ],
)
def test_a_fake_or_huge_screenshot_is_refused_and_nothing_is_saved(login, alice, upload, message):
    response = login(alice).post(
        NEW, {"topic": "other", "message": "Tolong", "screenshots": [upload]}
    )
    assert response.status_code == 400
    assert message in response.content.decode().lower()
    assert not HelpRequest.objects.exists()


def test_a_request_without_topic_or_message_says_what_is_missing(login, alice):
    response = login(alice).post(NEW, {})
    text = response.content.decode()
    assert (
        response.status_code == 400
        and "Pilih topik bantuan." in text
        and "Tulis pesan Anda." in text
    )


def test_a_mentor_cannot_open_a_village_not_assigned_to_them(login, maya, bojongsari):
    response = login(maya).get(
        reverse("mentoring_dashboard:help_list", kwargs={"slug": "bojongsari"})
    )
    assert response.status_code == 404


def test_screenshots_are_served_only_to_the_conversation(client, login, alice, charlie, maya):
    login(alice).post(NEW, {"topic": "news", "message": "Lihat", "screenshots": [png_upload()]})
    help_request = HelpRequest.objects.get()
    url = reverse(
        "mentoring_dashboard:help_attachment",
        kwargs={
            "slug": "dagan",
            "pk": help_request.pk,
            "attachment_id": help_request.attachments.get().pk,
        },
    )
    assert login(maya).get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302
    assert login(charlie).get(url).status_code == 404


def test_the_mentor_queue_shows_their_villages_with_response_times(login, help_request, maya, dina):
    queue = reverse("mentoring_district_dashboard:queue")
    assert help_request.reference in login(maya).get(queue).content.decode()
    assert help_request.reference in login(dina).get(queue).content.decode()


def test_the_queue_is_not_found_for_village_admins(login, alice):
    assert login(alice).get(reverse("mentoring_district_dashboard:queue")).status_code == 404


def test_the_district_queue_has_pinned_queries(
    login, dina, help_request, django_assert_max_num_queries
):
    client = login(dina)
    with django_assert_max_num_queries(12):
        client.get(reverse("mentoring_district_dashboard:queue"))


def test_the_asker_gets_a_whatsapp_link_to_the_mentor(login, help_request, maya):
    maya.phone = "0812-3456-7890"
    maya.save()
    page = login(help_request.author).get(detail(help_request.pk)).content.decode()
    assert "https://wa.me/6281234567890?text=" in page and help_request.reference in page


def test_the_village_help_list_has_pinned_queries(
    login, alice, help_request, django_assert_max_num_queries
):
    client = login(alice)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("mentoring_dashboard:help_list", kwargs={"slug": "dagan"}))
    assert help_request.reference in response.content.decode()
