"""Each desa's DIP: the Perki 1/2018 checklist seeded, missing items shown, items that Balai
already holds linked to the live page, exempt items listed without their content, CSV."""

from __future__ import annotations

import csv
import io

import pytest

from balai.disclosure import services
from balai.disclosure.checklist import BERKALA
from balai.disclosure.models import DipItem
from balai.villages.models import Official

pytestmark = pytest.mark.django_db


def test_seeding_adds_the_checklist_once(dagan):
    assert services.dip_seed(village=dagan, year=2026) == len(BERKALA)
    assert services.dip_seed(village=dagan, year=2026) == 0
    assert DipItem.objects.for_village(dagan).filter(year=2026).count() == len(BERKALA)


def test_the_dashboard_lists_what_is_still_missing(client, dagan, alice):
    services.dip_seed(village=dagan, year=2026)
    client.force_login(alice)
    body = client.get("/dasbor/dagan/ppid/dip/?tahun=2026").content.decode()
    assert "Belum tersedia (wajib diumumkan berkala" in body
    assert "Peraturan Desa tentang RPJM Desa" in body


def test_officials_page_counts_once_the_village_has_officials(client, dagan, alice):
    services.dip_seed(village=dagan, year=2026)
    client.force_login(alice)
    before = client.get("/dasbor/dagan/ppid/dip/?tahun=2026").context["missing"]
    assert any(r.item.checklist_key == "struktur" for r in before)
    Official.objects.create(village=dagan, name="Sugeng", position="Kepala Desa")
    after = client.get("/dasbor/dagan/ppid/dip/?tahun=2026").context
    assert not any(r.item.checklist_key == "struktur" for r in after["missing"])
    row = next(r for r in after["rows"] if r.item.checklist_key == "struktur")
    assert row.href == "/desa/dagan/pemerintahan/"


def test_a_page_another_module_has_not_shipped_is_not_linked(dagan):
    from django.urls import NoReverseMatch

    from balai.disclosure.selectors import dip_rows

    services.dip_seed(village=dagan, year=2026)

    def reverse_page(name):
        raise NoReverseMatch(name)

    rows = dip_rows(dagan, 2026, reverse_page)
    assert all(r.href == "" for r in rows)


def test_an_exempt_item_shows_its_ground_and_never_a_file(client, dagan, alice):
    client.force_login(alice)
    response = client.post(
        "/dasbor/dagan/ppid/dip/tambah/",
        {
            "year": 2026,
            "category": "dikecualikan",
            "title": "Data pribadi penerima bantuan",
            "legal_ground": "Pasal 17 huruf h UU 14/2008",
            "consequence_test": "Merugikan privasi.",
            "link": "https://contoh.id/data.pdf",
            "format": "x",
            "retention": "5 tahun",
        },
    )
    assert response.status_code == 302
    item = DipItem.objects.get(village=dagan)
    assert item.link == ""
    client.logout()
    body = client.get("/desa/dagan/ppid/").content.decode()
    assert "Pasal 17 huruf h UU 14/2008" in body and "contoh.id/data.pdf" not in body


def test_an_exempt_item_without_its_ground_is_refused(client, dagan, alice):
    client.force_login(alice)
    response = client.post(
        "/dasbor/dagan/ppid/dip/tambah/",
        {"year": 2026, "category": "dikecualikan", "title": "Data pribadi"},
    )
    assert "Wajib diisi untuk informasi yang dikecualikan." in response.content.decode()
    assert not DipItem.objects.exists()


def test_a_dip_file_that_is_not_a_pdf_is_refused(client, dagan, alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(alice)
    response = client.post(
        "/dasbor/dagan/ppid/dip/tambah/",
        {
            "year": 2026,
            "category": "berkala",
            "title": "RKP Desa",
            "file": SimpleUploadedFile("rkp.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert "bukan PDF yang sah" in response.content.decode()
    assert not DipItem.objects.exists()


def test_the_dip_is_published_per_year_as_a_page_and_a_csv(client, dagan):
    services.dip_seed(village=dagan, year=2025)
    services.dip_seed(village=dagan, year=2026)
    assert client.get("/desa/dagan/ppid/dip/2025/").status_code == 200
    assert client.get("/desa/dagan/ppid/dip/2019/").status_code == 404
    response = client.get("/desa/dagan/ppid/dip/2026.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Golongan"
    assert len(rows) == 1 + len(BERKALA)
    assert any("Laporan realisasi APB Desa" in r[1] for r in rows)


def test_a_new_year_carries_over_the_villages_own_items_but_not_their_files(dagan):
    services.dip_seed(village=dagan, year=2026)
    DipItem.objects.create(
        village=dagan,
        year=2026,
        category="dikecualikan",
        title="Data pribadi penerima",
        legal_ground="Pasal 17 huruf h",
        consequence_test="Merugikan privasi.",
    )
    DipItem.objects.create(
        village=dagan,
        year=2026,
        category="setiap_saat",
        title="Aset desa",
        file="ppid/dip/lama.pdf",
    )
    added = services.dip_seed(village=dagan, year=2027)
    assert added == len(BERKALA) + 2
    exempt = DipItem.objects.get(village=dagan, year=2027, category="dikecualikan")
    assert exempt.legal_ground == "Pasal 17 huruf h"
    assert not DipItem.objects.get(village=dagan, year=2027, title="Aset desa").file
    assert services.dip_seed(village=dagan, year=2027) == 0


def test_a_saved_dip_item_shows_on_the_cached_ppid_page_at_once(client, dagan, alice):
    from balai.disclosure.models import PpidProfile

    PpidProfile.objects.create(village=dagan, ppid_name="Taufik")
    services.dip_seed(village=dagan, year=services.today().year)
    assert "Peta rawan banjir" not in client.get("/desa/dagan/ppid/").content.decode()  # cached
    client.force_login(alice)
    client.post(
        "/dasbor/dagan/ppid/dip/tambah/",
        {"title": "Peta rawan banjir", "category": "setiap_saat", "year": services.today().year},
    )
    client.logout()
    assert "Peta rawan banjir" in client.get("/desa/dagan/ppid/").content.decode()
