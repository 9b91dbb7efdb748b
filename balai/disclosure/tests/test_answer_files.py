"""Files: the answer's file is private (staff and the holder of the tracking link only); the
Perdes on information service is a public PDF."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.disclosure.models import PpidProfile
from balai.disclosure.tests.conftest import make_request
from balai.registrations.demo import tiny_pdf

pytestmark = pytest.mark.django_db


def _pdf(name="jawaban.pdf"):
    return SimpleUploadedFile(name, tiny_pdf(), content_type="application/pdf")


def test_the_answer_file_reaches_the_requester_and_no_one_else(client, dagan, alice, charlie):
    info = make_request(dagan)
    client.force_login(alice)
    client.post(
        f"/dasbor/dagan/ppid/permohonan/{info.pk}/jawab/",
        {"decision": "granted", "answer": "Terlampir.", "answer_file": _pdf()},
    )
    info.refresh_from_db()
    assert info.answer_file and "/media/" not in info.answer_file.name
    staff = client.get(f"/dasbor/dagan/ppid/permohonan/{info.pk}/berkas/")
    assert b"".join(staff.streaming_content).startswith(b"%PDF-")
    client.logout()
    public = client.get(f"/desa/dagan/ppid/permohonan/lacak/{info.token}/berkas/")
    assert public["Content-Disposition"].startswith("attachment")
    assert b"".join(public.streaming_content).startswith(b"%PDF-")
    assert client.get("/desa/dagan/ppid/permohonan/lacak/salah/berkas/").status_code == 404
    client.force_login(charlie)
    assert client.get(f"/dasbor/dagan/ppid/permohonan/{info.pk}/berkas/").status_code == 404


def test_the_perdes_must_be_a_real_pdf(client, dagan, alice):
    client.force_login(alice)
    data = {
        "ppid_position": "Sekretaris Desa",
        "atasan_position": "Kepala Desa",
        "perdes_number": "Perkades 3/2024",
    }
    bad = client.post(
        "/dasbor/dagan/ppid/profil/",
        {**data, "perdes_file": SimpleUploadedFile("p.pdf", b"GIF89a....")},
    )
    assert "bukan PDF yang sah" in bad.content.decode()
    assert not PpidProfile.objects.exists()
    good = client.post("/dasbor/dagan/ppid/profil/", {**data, "perdes_file": _pdf("perdes.pdf")})
    assert good.status_code == 302
    profile = PpidProfile.objects.get(village=dagan)
    assert (
        profile.perdes_file.name.startswith("ppid/perdes/")
        and "perdes.pdf" not in profile.perdes_file.name
    )
