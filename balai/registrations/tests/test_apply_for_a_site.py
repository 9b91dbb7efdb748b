from __future__ import annotations

from django.core import mail

from balai.registrations.models import Application, ApplicationEvent
from balai.registrations.tests.conftest import APPLICANT, BOKOL, pdf_upload


def test_start_page_explains_what_is_needed_and_starts_the_flow(client, db):
    response = client.get("/daftar/")
    assert response.status_code == 200
    assert "Daftarkan website desa" in response.content.decode()
    assert 'href="/daftar/desa/"' in response.content.decode()


def test_each_step_leads_to_the_next_and_the_answers_are_kept(client, db):
    response = client.post("/daftar/desa/", {"region": BOKOL})
    assert response.url == "/daftar/pemohon/"
    response = client.post("/daftar/pemohon/", APPLICANT)
    assert response.url == "/daftar/alamat/"
    page = client.get("/daftar/alamat/").content.decode()
    assert 'value="bokol"' in page  # suggested from the region name
    response = client.post("/daftar/alamat/", {"wanted_slug": "bokol", "existing_domain": ""})
    assert response.url == "/daftar/surat/"
    response = client.post("/daftar/surat/", {"letter": pdf_upload()})
    assert response.url == "/daftar/periksa/"
    assert client.get("/daftar/pemohon/").context["form"]["applicant_name"].value() == "Sri Wahyuni"


def test_a_later_question_sends_you_back_to_the_first_unanswered_one(client, db):
    assert client.get("/daftar/alamat/").url == "/daftar/desa/"
    client.post("/daftar/desa/", {"region": BOKOL})
    assert client.get("/daftar/surat/").url == "/daftar/pemohon/"
    assert client.get("/daftar/periksa/").url == "/daftar/pemohon/"


def test_check_answers_shows_everything_with_change_links(walk):
    client = walk()
    page = client.get("/daftar/periksa/").content.decode()
    for text in [
        "Desa Bokol",
        "Kemangkon",
        "Sri Wahyuni",
        "Kepala desa / lurah",
        "+6281234567890",
        "sri.wahyuni@example.com",
        "/desa/bokol/",
        "PDF",
    ]:
        assert text in page
    assert page.count("?ubah=1") >= 6
    assert Application.objects.count() == 0  # nothing is saved before the applicant submits


def test_changing_an_answer_returns_to_the_check_page(walk):
    client = walk()
    answers = dict(APPLICANT, applicant_name="Sri Wahyuningsih")
    response = client.post("/daftar/pemohon/?ubah=1", answers)
    assert response.url == "/daftar/periksa/"
    assert "Sri Wahyuningsih" in client.get("/daftar/periksa/").content.decode()


def test_choosing_another_village_asks_for_its_address_again(walk):
    client = walk()
    response = client.post("/daftar/desa/?ubah=1", {"region": "33.03.01.2003"})
    assert response.url == "/daftar/alamat/?ubah=1"
    page = client.get("/daftar/alamat/?ubah=1").content.decode()
    assert 'value="pelumutan"' in page
    response = client.post("/daftar/alamat/?ubah=1", {"wanted_slug": "pelumutan"})
    assert response.url == "/daftar/periksa/"


def test_submitting_files_the_application_and_shows_the_tracking_code(walk):
    client = walk()
    response = client.post("/daftar/periksa/", follow=True)
    application = Application.objects.get()
    page = response.content.decode()
    assert application.code in page
    assert "Apa selanjutnya" in page
    assert application.status == Application.Status.SUBMITTED
    assert application.region_id == BOKOL
    assert application.whatsapp == "+6281234567890"
    assert application.email == "sri.wahyuni@example.com"
    assert application.letter_content_type == "application/pdf"
    assert application.letter.read().startswith(b"%PDF-")
    assert list(application.events.values_list("kind", flat=True)) == [
        ApplicationEvent.Kind.SUBMITTED
    ]
    # The wizard is over: its answers are gone from the session.
    assert client.get("/daftar/periksa/").url == "/daftar/desa/"


def test_the_temporary_letter_is_moved_not_copied(walk):
    client = walk()
    temporary = client.session["registration"]["letter_path"]
    client.post("/daftar/periksa/")
    application = Application.objects.get()
    storage = application.letter.storage
    assert not storage.exists(temporary)
    assert storage.exists(application.letter.name)
    assert application.letter.name.startswith("surat-permohonan/")


def test_the_applicant_gets_an_email_with_the_tracking_code(walk, dina):
    walk().post("/daftar/periksa/")
    application = Application.objects.get()
    to_applicant = [m for m in mail.outbox if m.to == ["sri.wahyuni@example.com"]]
    assert len(to_applicant) == 1
    assert application.code in to_applicant[0].body
    assert f"/daftar/status/{application.code}/" in to_applicant[0].body
    # District admins hear of it too, with a link to review it.
    to_district = [m for m in mail.outbox if m.to == [dina.email]]
    assert f"/dasbor/kabupaten/pendaftaran/{application.pk}/" in to_district[0].body


def test_the_confirmation_page_is_only_for_who_just_submitted(client, db):
    assert client.get("/daftar/terkirim/").url == "/daftar/"
