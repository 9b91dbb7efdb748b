"""Staff work a request on the statutory clock: one extension, one answer, reasons required;
the requester may object in the window and the Atasan PPID answers."""

from __future__ import annotations

from datetime import date

import pytest

from balai.disclosure import services
from balai.disclosure.models import InfoRequest
from balai.disclosure.services import DisclosureError
from balai.disclosure.tests.conftest import make_request

pytestmark = pytest.mark.django_db


def test_the_answer_is_due_ten_working_days_after_receipt(dagan):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    assert info.due_on == date(2026, 4, 7)


def test_one_extension_of_seven_working_days_with_a_reason(dagan, alice):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    services.request_extend(info=info, reason="Arsip di gudang desa.", actor=alice)
    assert info.due_on == date(2026, 4, 16)
    with pytest.raises(DisclosureError, match="hanya boleh sekali"):
        services.request_extend(info=info, reason="Lagi.", actor=alice)
    info.refresh_from_db()
    assert info.due_on == date(2026, 4, 16)


def test_an_extension_needs_a_reason(dagan, alice):
    info = make_request(dagan)
    with pytest.raises(DisclosureError, match="alasan"):
        services.request_extend(info=info, reason="  ", actor=alice)


def test_an_answer_posted_twice_is_refused_and_the_first_stays(dagan, alice):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    services.request_decide(
        info=info,
        decision="granted",
        answer="Terlampir.",
        actor=alice,
        decided_on=date(2026, 3, 26),
    )
    with pytest.raises(DisclosureError, match="sudah dijawab"):
        services.request_decide(
            info=info, decision="refused", answer="Tidak.", actor=alice, exemption_ground="Pasal 17"
        )
    info.refresh_from_db()
    assert info.decision == "granted" and info.response_days == 3


def test_a_partial_answer_needs_the_redaction_reason(client, dagan, alice):
    info = make_request(dagan)
    url = f"/dasbor/dagan/ppid/permohonan/{info.pk}/jawab/"
    client.force_login(alice)
    response = client.post(url, {"decision": "partly", "answer": "Sebagian."})
    assert response.status_code == 400
    assert "Tulis bagian yang dihitamkan dan alasannya." in response.content.decode()
    info.refresh_from_db()
    assert info.is_open


def test_an_unsafe_answer_file_is_refused(client, dagan, alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    info = make_request(dagan)
    client.force_login(alice)
    fake = SimpleUploadedFile("jawaban.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(
        f"/dasbor/dagan/ppid/permohonan/{info.pk}/jawab/",
        {"decision": "granted", "answer": "Terlampir.", "answer_file": fake},
    )
    assert "bukan JPG, PDF, PNG atau WebP yang sah" in response.content.decode()
    info.refresh_from_db()
    assert info.is_open


def test_an_answer_after_the_deadline_is_marked_late(dagan, alice):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    services.request_decide(
        info=info,
        decision="not_held",
        answer="Bukan di desa.",
        holder="Dinas PUPR",
        actor=alice,
        decided_on=date(2026, 4, 8),
    )
    assert info.was_late and info.response_days == 11


def test_an_objection_inside_the_window_gets_a_thirty_day_clock(dagan, alice):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    services.request_decide(
        info=info,
        decision="refused",
        answer="Ditolak.",
        exemption_ground="Pasal 17 huruf h",
        actor=alice,
        decided_on=date(2026, 3, 26),
    )
    objection = services.objection_file(
        info=info, grounds=["a"], statement="Ini dana publik.", filed_on=date(2026, 4, 1)
    )
    # 30 working days from 1 April 2026: Good Friday, 1 May, Ascension + cuti on the way.
    assert objection.due_on == date(2026, 5, 19)
    services.objection_decide(
        objection=objection,
        decision="upheld",
        answer="Informasi diberikan.",
        decided_by="Sugeng",
        actor=alice,
        decided_on=date(2026, 4, 20),
    )
    assert objection.dispute_by == date(2026, 5, 11)  # 14 working days, 1 May skipped
    with pytest.raises(DisclosureError, match="sudah ditanggapi"):
        services.objection_decide(
            objection=objection, decision="rejected", answer="x", decided_by="Sugeng", actor=alice
        )


def test_an_objection_after_its_window_is_refused(dagan, alice):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    services.request_decide(
        info=info, decision="granted", answer="Ya.", actor=alice, decided_on=date(2026, 3, 26)
    )
    # The window ends 30 working days after 26 March 2026 (Good Friday, 1 May skipped).
    assert services.objection_window_end(info) == date(2026, 5, 11)
    with pytest.raises(DisclosureError, match="sudah lewat"):
        services.objection_file(info=info, grounds=["d"], statement="x", filed_on=date(2026, 5, 18))
    assert not info.objections.exists()


def test_an_objection_before_any_answer_or_deadline_is_refused(dagan):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    with pytest.raises(DisclosureError, match="setelah permohonan dijawab"):
        services.objection_file(info=info, grounds=["c"], statement="x", filed_on=date(2026, 3, 20))


def test_silence_past_the_deadline_can_be_objected_to(dagan):
    info = make_request(dagan, received_on=date(2026, 3, 16))
    objection = services.objection_file(
        info=info, grounds=["c"], statement="Belum dijawab.", filed_on=date(2026, 4, 8)
    )
    assert objection.number.startswith("KEB-2026-")


def test_the_queue_puts_late_requests_first_and_warns_near_the_deadline(dagan):
    late = make_request(dagan, received_on=date(2026, 3, 2))
    soon = make_request(dagan, received_on=date(2026, 3, 9))
    calm = make_request(dagan, received_on=date(2026, 3, 16))
    from balai.disclosure.selectors import request_queue

    rows = request_queue(dagan, today=date(2026, 3, 26))
    assert [r.info for r in rows] == [late, soon, calm]
    assert rows[0].is_late and rows[1].is_warned and not rows[2].is_warned
    assert InfoRequest.objects.count() == 3


def test_staff_enter_a_walk_in_request_dated_the_day_it_came(client, dagan, alice):
    from balai.disclosure.tests.conftest import request_data

    client.force_login(alice)
    data = request_data(email="", delivery="pickup")
    response = client.post(
        "/dasbor/dagan/ppid/permohonan/baru/",
        {**data, "channel": "walk_in", "received_on": "2026-02-13"},
    )
    info = InfoRequest.objects.get(village=dagan)
    assert response.status_code == 302
    assert info.channel == "walk_in" and info.due_on == date(2026, 3, 3)  # Imlek + cuti


def test_a_second_answer_through_the_dashboard_is_refused_with_a_message(client, dagan, alice):
    info = make_request(dagan)
    client.force_login(alice)
    url = f"/dasbor/dagan/ppid/permohonan/{info.pk}/jawab/"
    client.post(url, {"decision": "granted", "answer": "Pertama."})
    response = client.post(url, {"decision": "granted", "answer": "Kedua."}, follow=True)
    assert "sudah dijawab" in response.content.decode()
    info.refresh_from_db()
    assert info.answer == "Pertama."
