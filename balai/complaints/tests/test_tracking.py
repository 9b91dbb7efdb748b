"""Tracking: a code opens the complaint through a signed link; a wrong code, another village's
code and a tampered link all get the same answer; guessing is refused after ten tries, right
code or not; the page is never stored and the complainant may add a follow-up until it closes."""

from __future__ import annotations

import pytest

from balai.complaints import selectors, services
from balai.complaints.models import ComplaintEvent
from balai.complaints.tests.conftest import make_complaint

pytestmark = pytest.mark.django_db
LOOKUP = "/desa/dagan/pengaduan/lacak/"
NOT_FOUND = "Kode lacak tidak ditemukan"


def _answer(response) -> tuple[int, str]:
    html = response.content.decode()
    return response.status_code, NOT_FOUND if NOT_FOUND in html else html


def test_the_code_opens_the_complaint_by_its_signed_link(client, dagan):
    complaint = make_complaint(dagan)
    response = client.post(LOOKUP, {"code": complaint.code.lower()[:5] + " " + complaint.code[5:]})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert complaint.number in page.content.decode()
    assert "no-store" in page["Cache-Control"] and page["Referrer-Policy"] == "same-origin"


def test_wrong_foreign_and_tampered_all_get_the_same_answer(client, dagan, bojongsari):
    mine = make_complaint(dagan)
    theirs = make_complaint(bojongsari)
    wrong = client.post(LOOKUP, {"code": "ACDEFGHJKM"})
    foreign = client.post(LOOKUP, {"code": theirs.code})
    token = selectors.tracking_token(mine)
    tampered = client.get(f"{LOOKUP}{mine.pk}:{token.split(':')[1][:-2]}xx/")
    other_villages_link = client.get(f"{LOOKUP}{selectors.tracking_token(theirs)}/")
    answers = {_answer(r) for r in (wrong, foreign, tampered, other_villages_link)}
    assert answers == {(200, NOT_FOUND)}
    assert "no-store" in wrong["Cache-Control"]


def test_guessing_is_refused_after_ten_tries_even_with_the_right_code(client, dagan):
    complaint = make_complaint(dagan)
    for n in range(10):
        assert client.post(LOOKUP, {"code": f"ACDEFGHJK{n}"}).status_code == 200
    refused = client.post(LOOKUP, {"code": complaint.code})
    assert refused.status_code == 429 and "Terlalu banyak percobaan" in refused.content.decode()


def test_the_tracking_page_shows_state_reply_and_no_staff_notes(client, dagan, alice):
    complaint = make_complaint(dagan)
    services.complaint_note_add(complaint=complaint, text="Cek ke Pak RT dulu", actor=alice)
    services.complaint_answer(
        complaint=complaint,
        reply="Lampu diganti Kamis.",
        public_summary="",
        public_reply="",
        actor=alice,
    )
    html = client.get(f"{LOOKUP}{selectors.tracking_token(complaint)}/").content.decode()
    assert "Dijawab" in html and "Lampu diganti Kamis." in html
    assert "Cek ke Pak RT" not in html and "Alice" not in html


def test_a_follow_up_reopens_an_answered_complaint_until_it_is_closed(client, dagan, alice):
    complaint = make_complaint(dagan)
    services.complaint_answer(
        complaint=complaint, reply="Sudah.", public_summary="", public_reply="", actor=alice
    )
    url = f"{LOOKUP}{selectors.tracking_token(complaint)}/"
    assert client.post(url, {"text": "Belum menyala, Pak."}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "in_progress"
    assert complaint.events.filter(kind=ComplaintEvent.Kind.FOLLOW_UP).count() == 1
    services.complaint_status_set(complaint=complaint, status="closed", actor=alice)
    closed = client.post(url, {"text": "Lagi."})
    assert "sudah selesai" in closed.content.decode()
    assert complaint.events.filter(kind=ComplaintEvent.Kind.FOLLOW_UP).count() == 1
