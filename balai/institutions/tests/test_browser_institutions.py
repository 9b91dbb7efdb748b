"""On a 360 px phone and a desktop: the government page's chart fits without sideways
scrolling and reads as a tree; an admin adds an institution and its chair on the phone."""

from __future__ import annotations

import os

import pytest

from balai.conftest import PASSWORD
from balai.institutions.models import Institution
from balai.institutions.tests.conftest import add_members, make_institution
from balai.tests.phone_fit import OVERFLOW
from balai.villages.tests.conftest import add_officials

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("BALAI_SHOTS", "")  # a folder to keep screenshots in, when set
SOTK = (
    ("H. Sugeng Riyadi, S.Pd.", "Kepala Desa"),
    ("Siti Aminah", "Sekretaris Desa"),
    ("Budi Santoso", "Kaur Keuangan"),
    ("Citra Lestari", "Kaur Perencanaan"),
    ("Dedi Prasetyo", "Kaur Tata Usaha dan Umum"),
    ("Eko Wibowo", "Kasi Pemerintahan"),
    ("Fitri Handayani", "Kasi Kesejahteraan"),
    ("Gunawan", "Kasi Pelayanan"),
    ("Hadi Susanto", "Kepala Dusun I"),
    ("Ika Purwanti", "Kepala Dusun II"),
    ("Joko Nugroho", "Kepala Dusun III"),
)


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def _boxes(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.org-chart .org-box')].map(b => {
             const r = b.getBoundingClientRect(), text = b.querySelector('strong').innerText;
             return {text, left: r.left, top: r.top, right: r.right};
           })"""
    )


def test_the_chart_fits_a_phone_and_spreads_out_on_a_desktop(phone, desktop, dagan):
    add_officials(dagan, *SOTK)
    bpd = make_institution(dagan)
    add_members(bpd, ("Slamet Riyadi", "Ketua"), ("Sri Lestari", "Wakil Ketua"))
    make_institution(dagan, "Posyandu Melati", kind="posyandu")
    phone.goto("/desa/dagan/pemerintahan/")
    assert phone.evaluate(OVERFLOW) == []
    boxes = {b["text"]: b for b in _boxes(phone)}
    head, secretary, kaur = (
        boxes[n] for n in ("H. Sugeng Riyadi, S.Pd.", "Siti Aminah", "Budi Santoso")
    )
    # A tree reading downwards: each level further right than the one above it.
    assert head["top"] < secretary["top"] < kaur["top"]
    assert head["left"] < secretary["left"] < kaur["left"]
    assert phone.get_by_role("link", name="BPD Desa Dagan").is_visible()
    _shot(phone, "government-360")

    desktop.goto("/desa/dagan/pemerintahan/")
    assert desktop.evaluate(OVERFLOW) == []
    boxes = {b["text"]: b for b in _boxes(desktop)}
    units = [boxes[n] for n in ("Siti Aminah", "Pelaksana teknis", "Pelaksana kewilayahan")]
    # The units stand side by side under the head, which is centred above them.
    assert len({round(u["top"]) for u in units}) == 1
    assert units[0]["right"] <= units[1]["left"] and units[1]["right"] <= units[2]["left"]
    head = boxes["H. Sugeng Riyadi, S.Pd."]
    assert units[0]["left"] < head["left"] and head["right"] < units[2]["right"]
    _shot(desktop, "government-desktop")


def test_an_admin_adds_an_institution_and_its_chair_on_a_phone(phone, alice, dagan):
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.wait_for_url("**/dasbor/**")
    phone.goto("/dasbor/dagan/lembaga/")
    phone.get_by_role("link", name="Tambah lembaga").click()
    phone.get_by_label("Jenis").select_option("posyandu")
    phone.get_by_label("Nama", exact=True).fill("Posyandu Melati")
    phone.get_by_label("Masa bakti mulai").fill("2023-01-01")
    phone.get_by_label("Masa bakti berakhir").fill("2022-01-01")
    _shot(phone, "institution-form-360")
    phone.get_by_role("button", name="Tambah lembaga").click()
    # The error is summarised at the top and stated beside the field; nothing was saved.
    phone.get_by_text("Tanggal akhir masa bakti harus sesudah tanggal mulainya.").first.wait_for()
    assert not Institution.objects.exists()
    phone.get_by_label("Masa bakti berakhir").fill("2028-01-01")
    phone.get_by_role("button", name="Tambah lembaga").click()
    phone.get_by_role("heading", level=1, name="Posyandu Melati").wait_for()
    phone.get_by_role("link", name="Tambah pengurus").click()
    phone.get_by_label("Nama", exact=True).fill("Bu Kustini")
    phone.get_by_label("Jabatan").fill("Ketua")
    phone.get_by_role("button", name="Tambah pengurus").click()
    phone.get_by_text("Bu Kustini tersimpan.").wait_for()
    assert phone.evaluate(OVERFLOW) == []
    _shot(phone, "institution-detail-360")
    phone.goto("/desa/dagan/lembaga/posyandu-melati/")
    phone.get_by_text("Bu Kustini").wait_for()
    assert phone.evaluate(OVERFLOW) == []
    _shot(phone, "institution-public-360")


def test_the_list_and_a_page_with_its_activities_fit_a_phone(phone, desktop, dagan):
    from balai.institutions import services
    from balai.news.tests.conftest import publish

    bpd = make_institution(
        dagan, decree_number="141/05/2021", address="Balai Desa Dagan, Jl. Raya Dagan 1"
    )
    add_members(
        bpd, ("Slamet Riyadi", "Ketua"), ("Sri Lestari", "Wakil Ketua"), ("Agus", "Anggota")
    )
    for kind, name in (
        ("lpm", "LPM Desa Dagan"),
        ("pkk", "Tim Penggerak PKK Desa Dagan"),
        ("karang_taruna", "Karang Taruna Tunas Muda"),
        ("posyandu", "Posyandu Melati"),
        ("posyandu", "Posyandu Mawar"),
        ("bumdes", "BUMDes Dagan Makmur"),
    ):
        add_members(make_institution(dagan, name, kind=kind), ("Wahyu Nugroho", "Ketua"))
    news = [publish(dagan, title=f"Musyawarah desa bahas RKPDes tahap {i}") for i in range(3)]
    services.institution_activities_set(
        village=dagan, institution=bpd, article_ids=[a.pk for a in news]
    )
    for page, size in ((phone, "360"), (desktop, "desktop")):
        page.goto("/desa/dagan/lembaga/")
        assert page.evaluate(OVERFLOW) == []
        _shot(page, f"institutions-{size}")
        page.get_by_role("link", name="BPD Desa Dagan").click()
        page.get_by_role("heading", level=2, name="Kegiatan").wait_for()
        assert page.evaluate(OVERFLOW) == []
        _shot(page, f"institution-bpd-{size}")
    phone.get_by_role("link", name="Musyawarah desa bahas RKPDes tahap 0").click()
    phone.get_by_role("link", name="Kegiatan BPD Desa Dagan").wait_for()
    _shot(phone, "article-with-institution-360")
