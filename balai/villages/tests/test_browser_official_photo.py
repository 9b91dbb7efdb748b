"""An official's photo from a phone camera: the browser sends it scaled (the same script as
every image field) and the server crops it square; the flash message shows on the list."""

from __future__ import annotations

import pytest

from balai.conftest import PASSWORD
from balai.lib.tests import files
from balai.villages.models import Official

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_officials_camera_photo_is_sent_small_and_stored_square(phone, alice, tmp_path):
    photo = tmp_path / "kades.jpg"
    photo.write_bytes(files.camera_jpeg())
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/perangkat/tambah/")
    phone.fill("[name=name]", "Slamet Riyadi")
    phone.fill("[name=position]", "Kepala Desa")
    phone.set_input_files("[name=photo]", str(photo))
    phone.get_by_text("Foto diperkecil dari").wait_for()
    sent: list[int] = []
    phone.on(
        "requestfinished",
        lambda r: (
            sent.append(int(r.all_headers().get("content-length", -1)))
            if r.method == "POST"
            else None
        ),
    )
    phone.get_by_role("button", name="Tambah perangkat").click()
    phone.get_by_text("Slamet Riyadi tersimpan.").wait_for()
    assert phone.url.endswith("/dasbor/dagan/perangkat/")
    assert len(sent) == 1 and sent[0] < 400 * 1024
    official = Official.objects.get(name="Slamet Riyadi")
    assert (official.photo.width, official.photo.height) == (600, 600)
