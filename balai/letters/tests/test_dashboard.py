"""The counter on the dashboard: find a resident by POST, pick a letter, preview, issue, open
the PDF, revoke; who may do it; the archive and its register."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.letters.models import Letter
from balai.letters.services import issue_letter
from balai.letters.tests.conftest import make_resident
from balai.villages.models import Membership

pytestmark = pytest.mark.django_db


def url(name, **kw):
    return reverse(f"letters_dashboard:{name}", kwargs={"slug": "dagan", **kw})


def _issue(dagan, resident, officials, key="skck", values=None):
    return issue_letter(
        village=dagan,
        template=key,
        resident=resident,
        values=values or {"keperluan": "melamar kerja"},
        signer=officials[0],
        on_behalf=False,
        user=None,
    )


def test_search_by_nik_is_posted_and_finds_the_resident(login, alice, resident):
    client = login(alice)
    response = client.post(url("home"), {"q": resident.nik})
    assert response.status_code == 200
    assert resident.name in response.content.decode()
    # Only the search box repeats it; the list shows it masked.
    assert response.content.decode().count(resident.nik) == 1
    assert (
        response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]
    )


def test_issue_flow_preview_then_issue(login, alice, dagan, resident, officials):
    client = login(alice)
    page = client.get(url("choose", resident=resident.pk))
    assert "Surat Keterangan Domisili" in page.content.decode()
    form = {"isian_keperluan": "melamar pekerjaan", "isian_sejak": "", "signer": officials[1].pk}
    preview = client.post(url("issue", resident=resident.pk, key="domisili"), form)
    body = preview.content.decode()
    assert "Pratinjau" in body and "melamar pekerjaan" in body
    assert not Letter.objects.exists()
    done = client.post(
        url("issue", resident=resident.pk, key="domisili"), {**form, "terbitkan": "1"}
    )
    letter = Letter.objects.get()
    assert done.status_code == 302 and done["Location"] == url("letter", pk=letter.pk)
    assert letter.on_behalf and letter.signer_name == officials[1].name
    pdf = client.get(url("pdf", pk=letter.pk))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "no-store" in pdf["Cache-Control"]
    assert AuditEntry.objects.filter(action="letters.pdf", target=letter.number).exists()


def test_missing_operator_field_is_asked_again(login, alice, resident, officials):
    client = login(alice)
    response = client.post(
        url("issue", resident=resident.pk, key="domisili"),
        {"isian_keperluan": "", "signer": officials[0].pk, "terbitkan": "1"},
    )
    assert "Isi Keperluan." in response.content.decode()
    assert not Letter.objects.exists()


def test_dead_resident_sees_the_reason(login, alice, dagan, officials):
    person = make_resident(dagan, status=2)
    client = login(alice)
    page = client.get(url("issue", resident=person.pk, key="skck"))
    assert "tercatat mati" in page.content.decode()
    posted = client.post(
        url("issue", resident=person.pk, key="skck"),
        {"isian_keperluan": "x", "signer": officials[0].pk, "terbitkan": "1"},
    )
    assert posted.status_code == 200 and not Letter.objects.exists()


def test_revoke_from_the_letter_page(login, alice, dagan, resident, officials):
    letter = _issue(dagan, resident, officials)
    client = login(alice)
    empty = client.post(url("revoke", pk=letter.pk), {"reason": ""})
    assert empty.status_code == 400 and "Tulis alasan pembatalan." in empty.content.decode()
    client.post(url("revoke", pk=letter.pk), {"reason": "Data salah"})
    letter.refresh_from_db()
    assert letter.is_revoked


def test_editor_needs_the_service_permission(login, bob, dagan):
    client = login(bob)
    assert client.get(url("home")).status_code == 404
    Membership.objects.filter(user=bob).update(can_serve=True)
    assert client.get(url("home")).status_code == 200


def test_members_page_grants_the_service_permission(login, alice, bob):
    client = login(alice)
    membership = Membership.objects.get(user=bob)
    edit = reverse("members:edit", kwargs={"slug": "dagan", "pk": membership.pk})
    client.post(edit, {"role": "editor", "can_serve": "on"})
    membership.refresh_from_db()
    assert membership.can_serve
    assert AuditEntry.objects.filter(action="membership.role_change").exists()


def test_archive_search_by_number_and_name_and_register(login, alice, dagan, resident, officials):
    other = make_resident(dagan, nik="3303091111900002", name="BUDI SANTOSO")
    first = _issue(dagan, resident, officials)
    _issue(dagan, other, officials)
    client = login(alice)
    by_name = client.post(url("archive"), {"q": "budi"}).content.decode()
    assert "BUDI SANTOSO" in by_name and first.number not in by_name
    by_number = client.post(url("archive"), {"q": first.number}).content.decode()
    assert resident.name in by_number and "BUDI SANTOSO" not in by_number
    by_type = client.get(url("archive") + "?jenis=domisili").content.decode()
    assert "Belum ada surat." in by_type
    xlsx = client.get(url("register", fmt="xlsx"))
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    assert "no-store" in xlsx["Cache-Control"]
    pdf = client.get(url("register", fmt="pdf"))
    assert pdf.content.startswith(b"%PDF")
    assert client.get(url("register", fmt="csv")).status_code == 404


def test_archive_queries_are_bounded(
    login, alice, dagan, resident, officials, django_assert_max_num_queries
):
    for _ in range(8):
        _issue(dagan, resident, officials)
    client = login(alice)
    with django_assert_max_num_queries(14):
        client.get(url("archive"))


def test_local_copy_and_back_to_the_district(login, alice, dagan, resident, officials):
    client = login(alice)
    bad = client.post(
        url("template", key="skck"),
        {
            "title": "Pengantar SKCK",
            "code": "300",
            "fields_text": "",
            "body": "Baris satu\n{{ penduduk.gaji }}",
        },
    )
    assert "Baris 2" in bad.content.decode()
    client.post(
        url("template", key="skck"),
        {
            "title": "Pengantar SKCK Desa",
            "code": "331",
            "fields_text": "",
            "body": "Untuk {{ penduduk.nama }}.\n\nDemikian.",
        },
    )
    letter = _issue(dagan, resident, officials, values={})
    assert letter.title == "Pengantar SKCK Desa" and letter.local_version is not None
    assert letter.number.startswith("331/")
    client.post(url("template_district", key="skck"))
    back = _issue(dagan, resident, officials)
    assert back.title == "Surat Pengantar SKCK"


def test_settings_pattern_is_checked(login, alice, dagan, resident, officials):
    client = login(alice)
    bad = client.post(url("settings"), {"number_pattern": "{nomor}/{tahun}", "paper": "a4"})
    assert "tidak dikenal" in bad.content.decode()
    client.post(
        url("settings"), {"number_pattern": "{kode}/{urut}/{kode_desa}/{tahun}", "paper": "f4"}
    )
    letter = _issue(dagan, resident, officials)
    assert letter.number.endswith("/3303092013/" + str(letter.year)) and letter.paper == "f4"


def test_no_officials_no_letter_with_the_reason(login, alice, resident):
    response = login(alice).get(url("issue", resident=resident.pk, key="skck"))
    assert "Belum ada perangkat desa" in response.content.decode()


def test_archive_finds_by_name_through_the_register_and_without_it(login, alice, dagan, officials):
    person = make_resident(dagan, nik="3303091111900009", name="Zulkarnaen Hadi")
    kept = _issue(dagan, person, officials)
    orphan = _issue(dagan, person, officials)
    Letter.objects.filter(pk=orphan.pk).update(resident=None)  # the register row is gone
    Letter.objects.filter(pk=kept.pk).update(resident_key="OLD NAME")  # found via the register
    html = login(alice).post(url("archive"), {"q": "zulkar"}).content.decode()
    assert kept.number in html and orphan.number in html
