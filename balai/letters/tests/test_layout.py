"""The signature block stays on the first page with its closing text, even for the longest
template filled with the longest data the forms allow; F4 is 215 × 330 mm."""

from __future__ import annotations

import datetime

import pytest

from balai.letters.catalogue import TEMPLATES
from balai.letters.models import LetterSettings
from balai.letters.selectors import letter_pdf
from balai.letters.services import issue_letter
from balai.letters.tests.conftest import make_family, make_resident, pdf_pages

LONG_WORDS = ("Kabupaten Banjarnegara Provinsi Jawa Tengah keperluan administrasi " * 4)[:200]


def _longest_values(spec: dict) -> dict:
    values = {}
    for field in spec["fields"]:
        if field["kind"] == "tanggal":
            values[field["name"]] = "2026-09-30"
        elif field["kind"] == "angka":
            values[field["name"]] = 999_999_999_999
        elif field["kind"] == "pilihan":
            values[field["name"]] = max(field["choices"], key=len)
        else:
            values[field["name"]] = LONG_WORDS
    return values


def _long_resident(village):
    family = make_family(village, number="3303090101100777")
    family.address = ("Jalan Raya Bobotsari Karangreja Gang Mawar Merah " * 5)[:200]
    family.save()
    return make_resident(
        village,
        family,
        nik="3303091203850007",
        name=("MUHAMMAD ABDURRAHMAN WAHYUDI KUSUMANEGARA PRAWIROATMOJO " * 3)[:120],
        birth_place=("PURBALINGGA WETAN KIDUL " * 4)[:80],
        father_name=("SASTRODIHARJO KUSUMOWARDOYO " * 5)[:120],
        mother_name=("SITI MARYAM KUSUMAWARDANI " * 5)[:120],
        status=1,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_signature_on_page_one_for_every_template_with_longest_data(dagan, officials, paper):
    LetterSettings.objects.create(village=dagan, paper=paper)
    person = _long_resident(dagan)
    for spec in TEMPLATES:
        letter = issue_letter(
            village=dagan,
            template=spec["key"],
            resident=person,
            values=_longest_values(spec),
            signer=officials[1],
            on_behalf=True,
            user=None,
            day=datetime.date(2026, 12, 7),
        )
        pages = [p for p in pdf_pages(letter_pdf(letter)) if p.strip()]
        assert len(pages) == 1, spec["key"]
        first = " ".join(pages[0].split())
        assert "Rina Wulandari" in first, spec["key"]
        closing = letter.text.strip().split("\n")[-1].split()
        assert " ".join(closing[-4:]) in first, spec["key"]


@pytest.mark.django_db
def test_f4_pages_are_215_by_330_mm(dagan, resident, officials):
    LetterSettings.objects.create(village=dagan, paper="f4")
    letter = issue_letter(
        village=dagan,
        template="skck",
        resident=resident,
        values={"keperluan": "melamar kerja"},
        signer=officials[0],
        on_behalf=False,
        user=None,
    )
    data = letter_pdf(letter)
    # 215 mm = 609.45 pt, 330 mm = 935.43 pt
    assert b"/MediaBox [ 0 0 609.4488 935.4331 ]" in data
    assert b"/FontFile2" in data  # the font is embedded
