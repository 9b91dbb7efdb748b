"""The page a letter's QR code opens: the letter's metadata and the resident's name masked;
never the NIK, No. KK, address or birth date, of any letter type; "cancelled" once revoked;
nothing of another village's letters."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from balai.letters.catalogue import TEMPLATES
from balai.letters.services import issue_letter, revoke_letter
from balai.letters.tests.conftest import make_officials, make_resident
from balai.letters.tests.test_layout import _longest_values
from balai.letters.views.site import masked_name

pytestmark = pytest.mark.django_db


def verify_path(letter, slug="dagan"):
    return reverse("site:letters_verify", kwargs={"village_slug": slug, "code": letter.verify_code})


def _issue(village, resident, signer, key):
    spec = next(t for t in TEMPLATES if t["key"] == key)
    return issue_letter(
        village=village,
        template=key,
        resident=resident,
        values=_longest_values(spec),
        signer=signer,
        on_behalf=False,
        user=None,
    )


def test_every_verification_page_shows_no_personal_data(client, dagan, resident, officials):
    letters = [_issue(dagan, resident, officials[0], spec["key"]) for spec in TEMPLATES]
    # The crawl: follow the QR of every letter, read the whole page.
    secrets = [
        resident.nik,
        resident.family.number,
        "Melati",  # the address
        "1990",  # the birth year
        "15 Agustus",
        "15/08",
        "Agustus 1990",
        resident.name,  # only masked
    ]
    for letter in letters:
        response = client.get(verify_path(letter))
        html = response.content.decode()
        assert response.status_code == 200
        assert letter.number in html and letter.title in html
        assert "SI** RA****" in html and officials[0].name in html
        for secret in secrets:
            assert secret not in html, (letter.title, secret)
        assert not re.search(r"\d{16}", html)
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_a_revoked_letter_says_so_at_once(client, dagan, resident, officials):
    letter = _issue(dagan, resident, officials[0], "skck")
    assert "asli" in client.get(verify_path(letter)).content.decode()
    revoke_letter(letter=letter, reason="Salah nama", user=None)
    html = client.get(verify_path(letter)).content.decode()
    assert "DIBATALKAN" in html and "Salah nama" not in html


def test_unknown_code_and_other_villages_letters_are_not_found(
    client, dagan, bojongsari, resident, officials
):
    letter = _issue(dagan, resident, officials[0], "skck")
    assert client.get(verify_path(letter, slug="bojongsari")).status_code == 404
    missing = reverse("site:letters_verify", kwargs={"village_slug": "dagan", "code": "x" * 24})
    assert client.get(missing).status_code == 404
    # The QR's address is the village's own public one.
    from balai.letters.pdf import verification_url

    assert verification_url(letter, dagan).endswith(verify_path(letter))


def test_verification_code_is_not_the_id_and_not_guessable(dagan, officials):
    one = make_resident(dagan)
    a = _issue(dagan, one, officials[0], "skck")
    b = _issue(dagan, one, officials[0], "skck")
    assert a.verify_code != str(a.pk) and len(a.verify_code) >= 24  # 18 random bytes
    assert a.verify_code != b.verify_code


def test_masked_name():
    assert masked_name("SITI RAHAYU") == "SI** RA****"
    assert masked_name("A B") == "A* B*"


def test_other_village_issues_its_own_sequence(dagan, bojongsari, officials):
    theirs = make_officials(bojongsari)
    ours = make_resident(dagan)
    other = make_resident(bojongsari, nik="3303140101800003")
    day = datetime.date(2026, 5, 5)
    kw = {"values": {"keperluan": "x"}, "on_behalf": False, "user": None, "day": day}
    a = issue_letter(village=dagan, template="skck", resident=ours, signer=officials[0], **kw)
    b = issue_letter(village=bojongsari, template="skck", resident=other, signer=theirs[0], **kw)
    assert a.number == b.number == "300/001/V/2026"
