"""The village at a glance: under the village's name its figures (residents and families, the
APBDes and its realisation, projects running, products on sale, PPID answers on time), each
linking to its section, only for sections with data; the same for the kabupaten on the portal."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from balai.budget.models import FiscalYear, Project
from balai.conftest import make_village
from balai.disclosure.models import PpidProfile
from balai.disclosure.register_models import InfoRequest
from balai.market.models import Product, Seller
from balai.population.models import PopulationFigure
from balai.villages import glance
from balai.villages.models import Village

THIS_YEAR = timezone.localdate().year


def add_population(village: Village, men: int = 410, women: int = 390, families: int = 202) -> None:
    PopulationFigure.objects.create(village=village, category="umur", code=3, sex=1, count=men - 10)
    PopulationFigure.objects.create(village=village, category="umur", code=9, sex=1, count=10)
    PopulationFigure.objects.create(village=village, category="umur", code=3, sex=2, count=women)
    PopulationFigure.objects.create(
        village=village, category="keluarga", code=1, label="Dusun I", sex=1, count=families
    )
    # Another category counts the same people again: never added to the total.
    PopulationFigure.objects.create(village=village, category="agama", code=1, sex=1, count=men)


def add_budget(village: Village, year: int = THIS_YEAR, status: str = "approved") -> FiscalYear:
    return FiscalYear.objects.create(
        village=village,
        year=year,
        status=status,
        spending_budget=1_930_000_000,
        spending_realised=1_206_250_000,
    )


def add_projects(village: Village, fy: FiscalYear) -> None:
    for n, progress in enumerate((100, 100, 40, 0)):
        Project.objects.create(
            village=village, fiscal_year=fy, name=f"Jalan {n}", slug=f"jalan-{n}", progress=progress
        )
    Project.objects.create(
        village=village, fiscal_year=fy, name="Rahasia", slug="rahasia", is_published=False
    )


def add_products(village: Village) -> None:
    sekar = Seller.objects.create(
        village=village, name="Batik Sekar", whatsapp="+6281327001122", status="approved"
    )
    waiting = Seller.objects.create(
        village=village, name="Gula Semut", whatsapp="+6281327001133", status="pending"
    )
    for n, (seller, status) in enumerate(
        [(sekar, "published"), (sekar, "published"), (sekar, "draft"), (waiting, "published")]
    ):
        Product.objects.create(
            village=village, seller=seller, name=f"Produk {n}", slug=f"produk-{n}",
            status=status, price_min=10000, category="batik", published_at=timezone.now(),
        )  # fmt: skip


def add_ppid(village: Village, on_time: int = 6, late: int = 1, open_: int = 2) -> None:
    PpidProfile.objects.create(village=village, ppid_name="Sekretaris Desa")
    received = date(THIS_YEAR, 1, 10)
    due = received + timedelta(days=14)
    rows = [due - timedelta(days=1)] * on_time + [due + timedelta(days=3)] * late
    rows += [None] * open_
    for n, decided in enumerate(rows):
        InfoRequest.objects.create(
            village=village, number=f"{n}/PPID/{THIS_YEAR}", channel="web", name="Wartini",
            address="Jl. Melati", id_number="3303094501900012", information="APBDes",
            purpose="Pengawasan", obtain="copy", format="soft", delivery="email",
            received_on=received, due_on=due, decided_on=decided,
            decision="granted" if decided else "",
        )  # fmt: skip


def fill_everything(village: Village) -> None:
    add_population(village)
    fy = add_budget(village)
    add_projects(village, fy)
    add_products(village)
    add_ppid(village)


def panel(html: str) -> str:
    start = html.index('<section class="glance')
    return html[start : html.index("</section>", start)]


def test_an_empty_village_shows_no_panel(client, dagan):
    html = client.get("/desa/dagan/").content.decode()
    assert 'class="glance' not in html


def test_each_section_with_data_shows_its_figure_linking_to_the_section(client, dagan):
    fill_everything(dagan)
    html = panel(client.get("/desa/dagan/").content.decode())
    assert 'href="/desa/dagan/statistik/"' in html
    assert "800" in html and "202 keluarga" in html
    assert f'href="/desa/dagan/apbdes/{THIS_YEAR}/"' in html
    assert f"APBDes {THIS_YEAR}" in html and "Rp 1,93 M" in html and "realisasi 62,5%" in html
    # Two of the four published projects are still running; the unpublished one is not counted.
    assert 'href="/desa/dagan/pembangunan/"' in html and "berjalan dari 4 kegiatan" in html
    assert '<strong class="glance-value">2</strong>' in html
    # Two products on sale: the draft and the pending seller's product are not.
    assert 'href="/desa/dagan/lapak/"' in html and "dari 1 penjual" in html
    assert f'href="/desa/dagan/ppid/laporan/{THIS_YEAR}/"' in html
    assert "85,7%" in html and f"6 dari 7 permohonan {THIS_YEAR}" in html
    assert html.index("Penduduk") < html.index("APBDes") < html.index("Produk dijual")


def test_only_sections_with_data_appear(client, dagan):
    add_products(dagan)
    add_budget(dagan, status="draft")  # a draft APBDes is not public
    html = panel(client.get("/desa/dagan/").content.decode())
    assert "Produk dijual" in html
    for absent in ("Penduduk", "APBDes", "Pembangunan", "PPID"):
        assert absent not in html


def test_the_budget_is_this_years_or_the_latest_before_it_never_next_years(client, dagan):
    add_budget(dagan, year=THIS_YEAR - 1)
    add_budget(dagan, year=THIS_YEAR + 1)  # approved in December for the coming year
    html = panel(client.get("/desa/dagan/").content.decode())
    assert f"APBDes {THIS_YEAR - 1}" in html and f"APBDes {THIS_YEAR + 1}" not in html


def test_a_kelurahan_has_no_apbdes_figure(client, db):
    from balai.regions.models import Region

    region = Region.objects.filter(type="kelurahan").order_by("code").first()
    kelurahan = make_village(region.code, "kelurahan-uji")
    add_budget(kelurahan)
    add_population(kelurahan)
    html = panel(client.get("/desa/kelurahan-uji/").content.decode())
    assert "Penduduk" in html and "APBDes" not in html


def test_the_links_follow_the_host_form(client, dagan):
    fill_everything(dagan)
    dagan.domains.create(domain="dagan.desa.id")
    html = panel(client.get("/", HTTP_HOST="dagan.desa.id").content.decode())
    assert 'href="/statistik/"' in html and 'href="/lapak/"' in html
    assert "/desa/dagan/" not in html


def test_the_panel_costs_a_bounded_number_of_queries(client, dagan, bojongsari):
    fill_everything(dagan)
    client.get("/desa/dagan/")  # the routes, the menu and the row cached as for any visitor
    dagan.refresh_from_db()
    items = glance.village_glance(dagan)
    assert len(items) == 5
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        glance.village_glance(dagan)
    # One query per figure (the PPID's set-up check is cached with the menu).
    assert len(queries) <= 5


def test_the_home_page_does_not_grow_with_the_data(client, dagan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fill_everything(dagan)
    with CaptureQueriesContext(connection) as small:
        client.get("/desa/dagan/")
    fy = FiscalYear.objects.get(village=dagan)
    for n in range(30):
        Project.objects.create(village=dagan, fiscal_year=fy, name=f"Parit {n}", slug=f"parit-{n}")
    add_products(make_village("33.03.09.2001", "lain"))
    InfoRequest.objects.filter(village=dagan).update(decision="granted", decided_on=date.today())
    with CaptureQueriesContext(connection) as large:
        html = client.get("/desa/dagan/").content.decode()
    assert (
        "berjalan dari 34 kegiatan" in html
    )  # the page was drawn again, not served from the cache
    assert len(large) <= len(small)


def test_the_district_panel_sums_live_villages_only(client, dagan, bojongsari):
    fill_everything(dagan)
    add_population(bojongsari, men=100, women=100, families=50)
    add_budget(bojongsari)
    draft = make_village("33.03.09.2001", "draf-uji", status=Village.Status.DRAFT)
    add_population(draft, men=5000, women=5000, families=3000)
    add_products(draft)
    html = panel(client.get("/").content.decode())
    assert "Kabupaten Purbalingga dalam angka" in html
    assert '<strong class="glance-value">1.000</strong>' in html  # 800 + 200, not the draft
    assert "252 keluarga" in html
    assert 'href="/statistik/"' in html
    assert f'href="/anggaran/?tahun={THIS_YEAR}"' in html and "Rp 3,86 M" in html
    assert (
        '<strong class="glance-value">2</strong> <span class="glance-detail">dari 1 penjual' in html
    )
    assert 'href="/lapak/"' in html and 'href="/ppid/"' in html
    # The district has no list of projects: that figure stands without a link.
    assert '<span class="glance-item"><span class="glance-label">Pembangunan<' in html


def test_the_district_panel_queries_do_not_grow_with_villages(client, dagan, bojongsari):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fill_everything(dagan)
    with CaptureQueriesContext(connection) as one:
        glance.district_glance()
    fill_everything(bojongsari)
    with CaptureQueriesContext(connection) as two:
        items = glance.district_glance()
    assert len(items) == 5
    assert len(two) == len(one) <= 5


def test_the_map_thumbnail_slot_shows_what_its_provider_draws(client, dagan):
    from django.core.cache import cache

    svg = '<svg role="img" viewBox="0 0 10 10"><title>Batas Desa Dagan</title></svg>'
    installed = list(glance._thumbnail)  # the maps module's provider, put back afterwards
    glance.register_thumbnail(lambda village: svg if village.slug == "dagan" else None)
    try:
        html = panel(client.get("/desa/dagan/").content.decode())
        assert svg in html and "has-map" in html
    finally:
        glance.register_thumbnail(None)
    cache.clear()  # the provider is set once at start-up; here the cached page must go
    assert 'class="glance' not in client.get("/desa/dagan/").content.decode()
    glance.register_thumbnail(installed[0] if installed else None)


def test_a_registered_figure_joins_the_panel_in_its_order(client, dagan):
    add_population(dagan)
    item = glance.GlanceItem("Sekolah", "3", "SD dan SMP", "profile")
    glance.register("schools", 5, lambda village: item)
    try:
        html = panel(client.get("/desa/dagan/").content.decode())
    finally:
        glance.unregister("schools")
    assert 'href="/desa/dagan/profil/"' in html
    assert html.index("Sekolah") < html.index("Penduduk")


def test_the_menu_marks_the_open_page_and_the_section_a_page_lies_in(client, dagan):
    add_budget(dagan)
    nav = client.get(f"/desa/dagan/apbdes/{THIS_YEAR}/").content.decode()
    nav = nav[nav.index('<nav class="village-nav"') : nav.index("</nav>", nav.index("village-nav"))]
    assert '<a href="/desa/dagan/apbdes/" aria-current="true">APBDes</a>' in nav
    assert nav.count("aria-current") == 1  # not Beranda, though every path starts with it
    home = client.get("/desa/dagan/").content.decode()
    assert '<a href="/desa/dagan/" aria-current="page">Beranda</a>' in home
    assert home.count("aria-current") == 1
