"""The public register: list with search and filters, a page per act with its JDIH metadata
and the acts around it, the JDIH feed; drafts and personal data never show; the menu entry
appears once an act is published."""

from __future__ import annotations

import json
from datetime import date

import pytest

from balai.audit.services import audit_record
from balai.legal.models import LegalAct
from balai.legal.services import act_status_refresh
from balai.legal.tests.conftest import make_act
from balai.villages.navigation import site_menu

pytestmark = pytest.mark.django_db
LIST = "/desa/dagan/produk-hukum/"


@pytest.fixture
def register(dagan):
    rpjm = make_act(
        dagan,
        number="3",
        title="Rencana Pembangunan Jangka Menengah Desa Tahun 2020–2026",
        enacted_on=date(2020, 3, 16),
        topic="rpjmdes",
        period_from=2020,
        period_to=2026,
        subjects="perencanaan, pembangunan desa",
        abstract="Visi dan misi desa enam tahun.",
    )
    change = make_act(
        dagan,
        number="2",
        title="Perubahan RPJM Desa",
        enacted_on=date(2023, 4, 10),
        relation="amends",
        target=rpjm,
    )
    levy = make_act(dagan, number="2", title="Pungutan Desa", enacted_on=date(2019, 2, 11))
    revoke = make_act(
        dagan,
        number="3",
        title="Pencabutan Perdes Pungutan Desa",
        enacted_on=date(2025, 6, 2),
        relation="revokes",
        target=levy,
        subjects="pungutan",
    )
    kepdes = make_act(
        dagan,
        kind="kepdes",
        number="141/3/2026",
        title="Pembentukan Tim Pelaksana Kegiatan",
        enacted_on=date(2026, 1, 6),
        promulgated_on=None,
        gazette_number="",
        external_url="https://jdih.purbalinggakab.go.id/dagan/tpk.pdf",
        with_file=False,
    )
    draft = make_act(dagan, number="9", title="Rancangan Pungutan Parkir", published=False)
    for act in (rpjm, levy):
        act_status_refresh(act)
    return {
        "rpjm": rpjm,
        "change": change,
        "levy": levy,
        "revoke": revoke,
        "kepdes": kepdes,
        "draft": draft,
    }


def _titles(response) -> list[str]:
    return [act.title for act in response.context["page"].object_list]


def test_the_list_shows_published_acts_newest_first_and_no_draft(client, register):
    response = client.get(LIST)
    assert response.status_code == 200
    assert _titles(response) == [
        "Pembentukan Tim Pelaksana Kegiatan",
        "Pencabutan Perdes Pungutan Desa",
        "Perubahan RPJM Desa",
        "Rencana Pembangunan Jangka Menengah Desa Tahun 2020–2026",
        "Pungutan Desa",
    ]
    body = response.content.decode()
    assert "Rancangan Pungutan Parkir" not in body
    assert "Dicabut dengan" in body and "Diubah dengan" in body


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?jenis=kepdes", ["Pembentukan Tim Pelaksana Kegiatan"]),
        ("?tahun=2019", ["Pungutan Desa"]),
        ("?status=dicabut", ["Pungutan Desa"]),
        ("?status=diubah", ["Rencana Pembangunan Jangka Menengah Desa Tahun 2020–2026"]),
        ("?subjek=pungutan", ["Pencabutan Perdes Pungutan Desa"]),
        ("?subjek=pembangunan+desa", ["Rencana Pembangunan Jangka Menengah Desa Tahun 2020–2026"]),
        ("?q=visi", ["Rencana Pembangunan Jangka Menengah Desa Tahun 2020–2026"]),
        ("?q=141%2F3%2F2026", ["Pembentukan Tim Pelaksana Kegiatan"]),
        ("?q=pungutan&jenis=perdes", ["Pencabutan Perdes Pungutan Desa", "Pungutan Desa"]),
        ("?q=parkir", []),
        ("?jenis=bukan&tahun=abc&status=x", None),  # unknown values are ignored
    ],
)
def test_search_and_filters(client, register, query, expected):
    response = client.get(LIST + query)
    assert response.status_code == 200
    if expected is None:
        assert len(_titles(response)) == 5
    else:
        assert _titles(response) == expected


def test_the_list_costs_a_bounded_number_of_queries(
    client, register, dagan, django_assert_max_num_queries
):
    for n in range(20, 40):
        make_act(
            dagan,
            number=str(n),
            title=f"Produk {n}",
            with_file=False,
            external_url="https://contoh.id/a.pdf",
        )
    client.get(LIST)  # warm the routing caches
    with django_assert_max_num_queries(12):
        response = client.get(LIST + "?q=produk")
    assert len(_titles(response)) == 20


def test_an_act_page_shows_its_jdih_metadata_and_links(client, register):
    response = client.get(LIST + "perdes-2020-3/")
    body = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Peraturan Desa Nomor 3 Tahun 2020",
        "Tempat dan tanggal penetapan",
        "Dagan, 16 Maret 2020",
        "Lembaran Desa Dagan Tahun 2020 Nomor 1",
        "Desa Dagan, Kabupaten Purbalingga",
        "Sudah diubah.",
        'href="/desa/dagan/produk-hukum/perdes-2023-2/"',
        "Unduh naskah (PDF)",
        "RPJM Desa 2020–2026",
        "Indonesia",
    ):
        assert text in body, text


def test_an_act_page_carries_schema_org_legislation(client, register):
    body = client.get(LIST + "perdes-2019-2/").content.decode()
    block = body.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "Peraturan Desa Nomor 2 Tahun 2019"
    assert data["legislationLegalForce"] == "NotInForce"
    assert data["encoding"]["contentUrl"].startswith("http://testserver/media/produk-hukum/")


def test_a_revoked_act_says_by_which_act(client, register):
    body = client.get(LIST + "perdes-2019-2/").content.decode()
    assert "Tidak berlaku lagi." in body
    assert 'Dicabut dengan <a href="/desa/dagan/produk-hukum/perdes-2025-3/">' in body


def test_a_draft_has_no_page(client, register):
    assert client.get(LIST + "perdes-2025-9/").status_code == 404


def test_no_personal_data_on_the_public_pages(client, register, alice, dagan):
    audit_record(actor=alice, action="legal.act_save", target="x", village=dagan)
    for url in (LIST, LIST + "perdes-2020-3/", LIST + "jdih.json"):
        body = client.get(url).content.decode()
        assert alice.email not in body and alice.name not in body
        assert "naskah.pdf" not in body  # the uploader's file name is never kept


def test_the_jdih_feed_maps_every_published_act(client, register):
    response = client.get(LIST + "jdih.json")
    assert response["Content-Type"].startswith("application/json")
    records = {r["idData"]: r for r in json.loads(response.content)}
    assert set(records) == {
        "dagan-perdes-2020-3",
        "dagan-perdes-2023-2",
        "dagan-perdes-2019-2",
        "dagan-perdes-2025-3",
        "dagan-kepdes-2026-141-3-2026",
    }
    rpjm = records["dagan-perdes-2020-3"]
    assert rpjm["jenis"] == "Peraturan Desa" and rpjm["singkatanJenis"] == "PERDES"
    assert rpjm["noPeraturan"] == "3" and rpjm["tahun_pengundangan"] == "2020"
    assert rpjm["status"] == "Diubah"
    assert rpjm["keteranganStatus"] == "Diubah dengan Peraturan Desa Nomor 2 Tahun 2023"
    assert rpjm["sumber"] == "Lembaran Desa Dagan Tahun 2020 Nomor 1"
    assert rpjm["teuBadan"] == "Desa Dagan, Kabupaten Purbalingga"
    assert rpjm["subjek"] == "PERENCANAAN, PEMBANGUNAN DESA"
    assert rpjm["urlDownload"].startswith("http://testserver/media/produk-hukum/")
    assert rpjm["urlDetailPeraturan"] == "http://testserver/desa/dagan/produk-hukum/perdes-2020-3/"
    kepdes = records["dagan-kepdes-2026-141-3-2026"]
    assert kepdes["urlDownload"] == "https://jdih.purbalinggakab.go.id/dagan/tpk.pdf"
    assert kepdes["sumber"] == "" and kepdes["tanggal_pengundangan"] == ""


def test_the_menu_shows_the_register_only_once_an_act_is_published(dagan):
    assert not any(item.key == "legal" for item in site_menu(dagan))
    act = make_act(dagan, published=False)
    dagan.refresh_from_db()
    assert not any(item.key == "legal" for item in site_menu(dagan))
    act.published = True
    act.save()
    dagan.refresh_from_db()
    assert any(item.key == "legal" for item in site_menu(dagan))


def test_an_empty_register_has_no_public_page(client, dagan):
    assert client.get(LIST).status_code == 404


def test_the_pdf_is_served_as_a_download_with_safe_headers(client, register):
    url = register["rpjm"].file.url
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_saving_an_act_moves_the_content_version(dagan):
    before = dagan.content_version
    act = make_act(dagan)
    dagan.refresh_from_db()
    assert dagan.content_version != before
    assert LegalAct.public_content is True
    assert act.pk


def test_the_jdih_feed_stays_indonesian_for_an_english_visitor(client, register):
    client.cookies["django_language"] = "en"
    records = json.loads(client.get(LIST + "jdih.json").content)
    assert {r["jenis"] for r in records} == {"Peraturan Desa", "Keputusan Kepala Desa"}
    assert {r["status"] for r in records} == {"Berlaku", "Diubah", "Dicabut"}
