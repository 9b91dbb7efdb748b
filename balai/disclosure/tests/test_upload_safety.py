"""PPID files are what their bytes say: stored under a random name with the extension of their
real type, downloaded (never rendered), and refused when they are pages or scripted PDFs."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.disclosure.models import PpidProfile
from balai.disclosure.tests.conftest import make_request
from balai.lib.tests import files

pytestmark = pytest.mark.django_db
PROFILE = {
    "ppid_position": "Sekretaris Desa",
    "atasan_position": "Kepala Desa",
    "perdes_number": "Perkades 3/2024",
}


def _profile(client, upload):
    return client.post("/dasbor/dagan/ppid/profil/", {**PROFILE, "perdes_file": upload})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (files.HTML_AS_PDF, "rusak atau tidak lengkap"),
        (files.PHP_AS_PDF, "rusak atau tidak lengkap"),
        (files.pdf_open_action_javascript(), "skrip, tindakan otomatis atau lampiran"),
        (files.pdf_javascript_in_object_stream(), "skrip, tindakan otomatis atau lampiran"),
        (files.SVG, "bukan PDF yang sah"),
    ],
    ids=["html-as-pdf", "php-as-pdf", "javascript", "javascript-in-object-stream", "svg"],
)
def test_a_public_perdes_that_is_a_page_or_has_scripts_is_refused(client, alice, data, message):
    client.force_login(alice)
    response = _profile(client, SimpleUploadedFile("perdes.pdf", data, "application/pdf"))
    assert message in response.content.decode()
    assert not PpidProfile.objects.exists()


def test_a_pdf_named_html_is_stored_and_served_as_a_pdf_download(client, alice, dagan):
    client.force_login(alice)
    upload = SimpleUploadedFile("page.html", files.reportlab_pdf(), "text/html")
    assert _profile(client, upload).status_code == 302
    name = PpidProfile.objects.get(village=dagan).perdes_file.name
    assert re.fullmatch(r"ppid/perdes/[0-9a-f]{32}\.pdf", name)
    served = client.get(f"/media/{name}")
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("attachment")


def test_an_answer_file_named_php_is_kept_as_the_pdf_it_is(client, alice, dagan):
    info = make_request(dagan)
    client.force_login(alice)
    client.post(
        f"/dasbor/dagan/ppid/permohonan/{info.pk}/jawab/",
        {
            "decision": "granted",
            "answer": "Terlampir.",
            "answer_file": SimpleUploadedFile("jawaban.php", files.reportlab_pdf()),
        },
    )
    info.refresh_from_db()
    assert re.fullmatch(r"ppid/jawaban/[0-9a-f]{32}\.pdf", info.answer_file.name)


def test_a_photographed_answer_is_re_encoded_without_what_hid_in_it(client, alice, dagan):
    info = make_request(dagan)
    client.force_login(alice)
    polyglot = files.png_bytes(text="<?php system($_GET['c']); ?>")
    client.post(
        f"/dasbor/dagan/ppid/permohonan/{info.pk}/jawab/",
        {
            "decision": "granted",
            "answer": "Terlampir.",
            "answer_file": SimpleUploadedFile("shell.php.png", polyglot),
        },
    )
    info.refresh_from_db()
    assert re.fullmatch(r"ppid/jawaban/[0-9a-f]{32}\.png", info.answer_file.name)
    assert b"<?php" not in info.answer_file.read()
