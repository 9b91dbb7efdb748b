"""Issuing a letter: numbered, printed from the register, snapshotted, refused when it may not
be issued, and never altered by a later template change."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest

from balai.audit.models import AuditEntry
from balai.letters import services
from balai.letters.models import Letter, LetterCounter, LetterType
from balai.letters.selectors import letter_pdf
from balai.letters.services import IssueError, issue_letter
from balai.letters.tests.conftest import make_resident, pdf_text

DAY = datetime.date(2026, 12, 7)
VALUES = {"keperluan": "melamar pekerjaan", "sejak": "2015-03-01"}


def _issue(dagan, resident, signer, key="domisili", values=VALUES, **kw):
    return issue_letter(
        village=dagan,
        template=key,
        resident=resident,
        values=values,
        signer=signer,
        on_behalf=kw.pop("on_behalf", False),
        user=None,
        day=kw.pop("day", DAY),
    )


@pytest.mark.django_db
def test_numbered_per_year_in_the_permendagri_pattern(dagan, resident, officials):
    first = _issue(dagan, resident, officials[0])
    second = _issue(dagan, resident, officials[0], key="skck", values={"keperluan": "kerja"})
    assert first.number == "470/001/XII/2026"
    assert second.number == "300/002/XII/2026"
    next_year = _issue(dagan, resident, officials[0], day=datetime.date(2027, 1, 2))
    assert next_year.number == "470/001/I/2027"
    assert AuditEntry.objects.filter(action="letters.issue", village=dagan).count() == 3


@pytest.mark.django_db
def test_pdf_text_is_the_data(dagan, resident, officials):
    letter = _issue(dagan, resident, officials[1], on_behalf=True)
    text = " ".join(pdf_text(letter_pdf(letter)).split())
    for value in (
        "SURAT KETERANGAN DOMISILI",
        "Nomor: 470/001/XII/2026",
        "SITI RAHAYU",
        "3303095508900001",
        "Purbalingga, 15 Agustus 1990",
        "Perempuan",
        "Jl. Melati No. 12, RT 004 / RW 003, Dusun II",
        "1 Maret 2015",
        "melamar pekerjaan",
        "DESA DAGAN",
        "KECAMATAN BOBOTSARI",
        "a.n. Kepala Desa Dagan",
        "Sekretaris Desa",
        "Rina Wulandari",
        "Dagan, 7 Desember 2026",
    ):
        assert value in text, value
    # The snapshot holds what was printed.
    assert letter.data["penduduk.nik"] == "3303095508900001"
    assert letter.data["isian.sejak"] == "1 Maret 2015"
    assert "melamar pekerjaan" in letter.text


@pytest.mark.django_db
def test_a_template_change_never_alters_an_issued_letter(dagan, resident, officials):
    letter = _issue(dagan, resident, officials[0])
    pdf_before = letter_pdf(letter)
    letter_type = LetterType.objects.get(key="domisili")
    services.template_save(
        letter_type=letter_type,
        title="Surat Keterangan Domisili Baru",
        code="471",
        body="Isi baru untuk {{ penduduk.nama }}.",
        fields_text="",
        needs_living=True,
        publish=True,
        user=None,
    )
    letter.refresh_from_db()
    assert letter.title == "Surat Keterangan Domisili"
    assert letter.district_version.number == 1
    assert letter_pdf(letter) == pdf_before
    newer = _issue(dagan, resident, officials[0], values={})
    assert newer.title == "Surat Keterangan Domisili Baru"
    assert newer.number == "471/002/XII/2026"


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "word"), [(2, "mati"), (3, "pindah")])
def test_a_dead_or_moved_resident_is_refused_with_the_reason(dagan, officials, status, word):
    person = make_resident(dagan, status=status)
    with pytest.raises(IssueError) as caught:
        _issue(dagan, person, officials[0])
    assert word in str(caught.value)
    assert not Letter.objects.exists()
    assert not LetterCounter.objects.filter(last__gt=0).exists()
    # A death certificate referral still works.
    death = _issue(
        dagan,
        person,
        officials[0],
        key="kematian",
        values={
            "tanggal_meninggal": "2026-12-01",
            "tempat_meninggal": "Rumah",
            "sebab": "Sakit biasa / tua",
            "pelapor": "Budi",
            "hubungan_pelapor": "Anak",
        },
    )
    assert death.number == "474.3/001/XII/2026"


@pytest.mark.django_db
def test_missing_required_field_is_refused(dagan, resident, officials):
    with pytest.raises(IssueError, match="Keperluan"):
        _issue(dagan, resident, officials[0], values={})
    assert not Letter.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_issue_uses_no_number(dagan, resident, officials):
    with (
        mock.patch("balai.letters.pdf.letter_pdf_bytes", side_effect=RuntimeError("printer")),
        pytest.raises(RuntimeError),
    ):
        _issue(dagan, resident, officials[0])
    assert not Letter.objects.exists()
    assert _issue(dagan, resident, officials[0]).number == "470/001/XII/2026"


@pytest.mark.django_db
def test_revoke_needs_a_reason_and_is_audited(dagan, resident, officials):
    letter = _issue(dagan, resident, officials[0])
    with pytest.raises(IssueError):
        services.revoke_letter(letter=letter, reason="  ", user=None)
    services.revoke_letter(letter=letter, reason="Salah tulis keperluan", user=None)
    letter.refresh_from_db()
    assert letter.is_revoked and letter.revoked_reason == "Salah tulis keperluan"
    assert AuditEntry.objects.filter(action="letters.revoke", target=letter.number).exists()
    with pytest.raises(IssueError):
        services.revoke_letter(letter=letter, reason="lagi", user=None)
