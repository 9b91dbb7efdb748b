"""The remaining kinds from OpenSID v2410's backup (MANIFEST.md): public information and legal
acts into the PPID's DIP, aid programmes with their participants linked to the moved register,
the APBDes to the rupiah, development projects with their photos, and the lapak; all shown on
the public pages, and a second run adding nothing."""

from __future__ import annotations

import pytest

from balai.budget.models import BudgetLine, BudgetVersion, FiscalYear, ProgressReport, Project
from balai.disclosure.models import DipItem
from balai.market.models import Product, ProductPhoto, Seller
from balai.moving.models import Move, MovedItem
from balai.moving.tests.test_content_move import move
from balai.population.models import Family, Resident
from balai.welfare.models import Programme, Recipient

pytestmark = pytest.mark.django_db

KINDS_COUNTS = {
    "berkala": 2,
    "serta_merta": 1,
    "setiap_saat": 2,
    "dikecualikan": 0,
    "documents": 5,
    "legal": 3,
    "programmes": 2,
    "recipients": 15,
    "recipients_unlinked": 0,
    "budget_years": 1,
    "budget_lines": 14,
    "budget_empty_rows": 14,
    "projects": 2,
    "project_photos": 8,
    "sellers": 2,
    "products": 5,
    "product_photos": 5,
}


def _counts() -> dict[str, int]:
    return {
        "dip": DipItem.objects.count(),
        "programmes": Programme.objects.count(),
        "recipients": Recipient.objects.count(),
        "lines": BudgetLine.objects.count(),
        "years": FiscalYear.objects.count(),
        "projects": Project.objects.count(),
        "reports": ProgressReport.objects.count(),
        "sellers": Seller.objects.count(),
        "products": Product.objects.count(),
        "photos": ProductPhoto.objects.count(),
    }


def test_ppid_aid_apbdes_projects_and_lapak_move(login, alice, dagan, client):
    job = move(login(alice))
    content = job.report["summary"]["content"]
    assert {key: content[key] for key in KINDS_COUNTS} == KINDS_COUNTS

    # PPID: 5 public information items by golongan, 3 legal acts, each with its PDF or link
    dip = DipItem.objects.for_village(dagan)
    moved_dip = MovedItem.objects.for_village(dagan).filter(kind="dokumen")
    assert moved_dip.count() == 8
    by_category = {c: dip.filter(category=c).count() for c in ("berkala", "serta_merta")}
    assert by_category == {"berkala": 2, "serta_merta": 1}
    legal = dip.filter(summary__contains="ditetapkan")
    assert legal.count() == 3
    assert dip.filter(category="setiap_saat").count() == 2 + 3
    assert dip.exclude(file="").count() == 7
    decree = dip.get(title__startswith="Keputusan Kepala Desa Nomor 12")
    assert decree.link.startswith("http") and not decree.file
    assert "Nomor 12" in decree.summary
    assert dip.get(title="Laporan Realisasi APBDes Tahun 2023").year == 2023
    assert dip.get(title__startswith="Peraturan Desa Nomor 2").file.read(5) == b"%PDF-"

    # Aid: 2 programmes, 10 families + 5 residents, linked to the moved register
    blt = Programme.objects.for_village(dagan).get(name="BLT Dana Desa 2024")
    assert (blt.unit, blt.kind, blt.source) == ("family", "blt_dd", "desa")
    lansia = Programme.objects.for_village(dagan).get(name="Bantuan Sembako Lansia 2024")
    assert (lansia.unit, lansia.source, str(lansia.period_start)) == (
        "person",
        "kabupaten",
        "2024-03-01",
    )
    families = Recipient.objects.filter(programme=blt)
    assert families.count() == 10 and families.filter(family__isnull=True).count() == 0
    first = families.get(card_number="BLTDD-2024-001")
    assert first.family == Family.objects.for_village(dagan).get(number="5201142505137907")
    assert first.name == Resident.objects.for_village(dagan).get(nik="5201141308867068").name
    people = Recipient.objects.filter(programme=lansia)
    assert people.count() == 5 and people.filter(resident__isnull=True).count() == 0
    assert people.get(card_number="SBK-LANSIA-001").resident.nik == "5201140407414407"

    # APBDes 2024 to the rupiah, public
    year = FiscalYear.objects.for_village(dagan).get(year=2024)
    assert (year.income_budget, year.income_realised) == (1_782_500_000, 1_743_050_000)
    assert (year.spending_budget, year.spending_realised) == (1_842_500_000, 1_677_550_000)
    assert (year.financing_in, year.financing_out) == (85_000_000, 25_000_000)
    assert year.dana_desa_budget == 1_020_000_000
    page = client.get("/desa/dagan/apbdes/2024/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Rp 1,78 M" in html and "Rp 1.020.000.000" in html
    assert "Perdes Nomor 2 Tahun 2023" in html

    # Projects: 2 with their main photo and 6 documentation photos, progress 100 %
    projects = Project.objects.for_village(dagan)
    assert projects.count() == 2
    assert ProgressReport.objects.filter(project__in=projects).exclude(photo="").count() == 8
    assert ProgressReport.objects.exclude(note="Foto utama").count() == 6
    road = projects.get(name__startswith="Rabat Beton")
    assert road.budget == 185_000_000 and road.progress == 100
    assert road.location == "RT 001 RW 001 KLUI"
    drain = projects.get(name__startswith="Pembangunan Saluran")
    assert drain.location.startswith("Jalan Raya Mangsit") and drain.budget == 96_500_000
    assert (drain.volume, drain.unit) == (180, "meter")
    listing = client.get("/desa/dagan/pembangunan/").content.decode()
    assert "Rabat Beton Jalan Lingkungan Dusun Klui" in listing
    assert client.get(f"/desa/dagan/pembangunan/{road.slug}/").status_code == 200

    # Lapak: 2 sellers named from the register, 5 products with photos, prices sum 1,245,000
    sellers = Seller.objects.for_village(dagan)
    assert sellers.count() == 2 and not sellers.filter(user__isnull=False).exists()
    assert set(sellers.values_list("whatsapp", flat=True)) == {"+6281917654321", "+6287865432100"}
    products = Product.objects.for_village(dagan)
    assert sum(products.values_list("price_min", flat=True)) == 1_245_000
    assert products.filter(status="published").count() == 5
    assert ProductPhoto.objects.filter(product__in=products).count() == 5
    dodol = products.get(name="Dodol Rumput Laut")
    assert "10%" in dodol.description and "<p>" not in dodol.description
    assert "Rp 5.000" in products.get(name__startswith="Kopi").description
    lapak = client.get("/desa/dagan/lapak/").content.decode()
    assert "Kain Tenun Songket Sasak" in lapak
    assert client.get(f"/desa/dagan/lapak/{dodol.slug}/").status_code == 200

    # PPID's DIP page of 2024 lists the moved items
    dip_page = client.get("/desa/dagan/ppid/dip/2024/").content.decode()
    assert "Profil Desa Senggigi 2024" in dip_page
    perdes = dip.get(title__startswith="Peraturan Desa Nomor 2")
    perdes_page = client.get(f"/desa/dagan/ppid/dip/{perdes.year}/").content.decode()
    assert "Peraturan Desa Nomor 2 Tahun 2023" in perdes_page


def test_a_second_run_adds_no_kind_again(login, alice, dagan):
    client = login(alice)
    move(client)
    before = _counts()
    job = move(client)
    assert _counts() == before
    assert job.report["summary"]["content"]["products"] == 5
    finance = Move.objects.latest("pk").report["kinds"]["finance"]
    assert (finance["years_unchanged"], finance["years"]) == (1, 0)
    assert not BudgetVersion.objects.exists()


def test_a_moved_year_changed_since_is_replaced_keeping_the_old_lines(login, alice, dagan):
    client = login(alice)
    move(client)
    year = FiscalYear.objects.for_village(dagan).get(year=2024)
    line = BudgetLine.objects.filter(fiscal_year=year, kind="income").first()
    line.original_amount += 1
    line.save()
    road = Project.objects.for_village(dagan).get(name__startswith="Rabat Beton")
    road.lines.add(line)
    move(client)
    year.refresh_from_db()
    assert year.income_budget == 1_782_500_000
    assert BudgetVersion.objects.filter(fiscal_year=year).count() == 1
    assert road.lines.count() == 1  # the project stays linked to the same account


def test_a_year_the_village_keeps_in_balai_is_not_replaced(login, alice, dagan):
    from balai.budget import tree

    year = FiscalYear.objects.create(village=dagan, year=2024)
    BudgetLine.objects.create(
        village=dagan,
        fiscal_year=year,
        kind="income",
        account_id=tree.account_index()[("ekonomi", "4.2.1.01")].id,
        source="DDS",
        original_amount=1_000,
    )
    year.line_count = 1
    year.save()
    move(login(alice))
    assert BudgetLine.objects.filter(fiscal_year=year).count() == 1
    # the projects still move, under the village's own year
    assert Project.objects.for_village(dagan).filter(fiscal_year=year).count() == 2


def _edited(sql: bytes, marker: bytes, old: bytes, new: bytes) -> bytes:
    lines = sql.split(b"\n")
    hits = [i for i, line in enumerate(lines) if marker in line]
    assert len(hits) == 1 and old in lines[hits[0]]
    lines[hits[0]] = lines[hits[0]].replace(old, new, 1)
    return b"\n".join(lines)


def test_unlinked_participants_and_hidden_documents_are_report_lines(login, alice, dagan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from balai.imports.models import ImportJob
    from balai.moving.tests.test_content_move import FOLDER, SQL

    sql = _edited(SQL, b"'BLTDD-2024-003'", b"'5201140606077952'", b"'9999999999999999'")
    sql = _edited(
        sql, b"sop_pelayanan_administrasi", b"', 0, NULL, NULL, '", b"', 1, NULL, NULL, '"
    )
    sql = _edited(sql, b"'Daftar Aset Desa per Juni 2024', 1,", b"2024', 1,", b"2024', 0,")
    sql = _edited(sql, b"'Profil Desa Senggigi 2024', 1,", b", 0, 1, 'null'", b", 0, 9, 'null'")
    # a kelompok programme: its participants are the residents holding the cards
    sql = _edited(sql, b"'Bantuan Sembako Lansia 2024', NULL, 1,", b"NULL, 1,", b"NULL, 4,")
    client = login(alice)
    client.post(
        reverse("moving_dashboard:start", kwargs={"slug": "dagan"}),
        {
            "file": SimpleUploadedFile("backup.sql", sql),
            "uploads": SimpleUploadedFile("desa.zip", FOLDER),
            "allow_other_village": "on",
        },
    )
    job = ImportJob.objects.get(importer="moving.opensid")
    assert job.status == ImportJob.Status.CHECKED, job.failure
    warnings = {(column, reason) for _, column, reason in job.report["warnings"]}
    assert any(c == "peserta" and "tidak cocok dengan keluarga" in r for c, r in warnings)
    assert any(c == "deleted" and "dihapus" in r for c, r in warnings)
    assert any(c == "enabled" and "tidak aktif" in r for c, r in warnings)
    content = job.report["summary"]["content"]
    assert (content["recipients"], content["recipients_unlinked"]) == (14, 1)
    assert any(c == "kategori" and "kategori 9" in r for c, r in warnings)
    assert (content["documents"], content["berkala"], content["setiap_saat"]) == (2, 1, 0)
    client.post(reverse("moving_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk}))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.failure
    assert Recipient.objects.count() == 14
    group = Programme.objects.get(name="Bantuan Sembako Lansia 2024")
    assert group.unit == "group"
    assert Recipient.objects.filter(programme=group, resident__isnull=False).count() == 5
    assert not DipItem.objects.filter(title__startswith="SOP Pelayanan").exists()
    assert not DipItem.objects.filter(title__startswith="Daftar Aset").exists()
