"""The legal acts register's open datasets: a village's published acts (the rows of its public
list and JDIH feed, with the address of each act's page), and for the district the APB Desa
Perdes of this year of every live desa (published or not yet). Only what `public_acts()` shows:
an act that is not published is in neither."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db.models import Max, Min, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.legal.models import KIND_LABELS, LegalAct
from balai.legal.selectors import district_apbdes, public_acts
from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.villages.models import Village

ACT_COLUMNS = (
    Column("jenis", _("Jenis peraturan")),
    Column("nomor", _("Nomor"), description=_("Seperti tertulis di naskah.")),
    Column("tahun", _("Tahun"), "integer"),
    Column("judul", _("Judul (tentang)")),
    Column("tanggal_penetapan", _("Tanggal penetapan"), "date"),
    Column(
        "tanggal_pengundangan",
        _("Tanggal pengundangan"),
        "date",
        _("Kosong bila tidak diundangkan (keputusan) atau belum dicatat."),
    ),
    Column(
        "lembaran",
        _("Diundangkan dalam"),
        description=_("Lembaran Desa (peraturan desa) atau Berita Desa (peraturan lain)."),
    ),
    Column("nomor_lembaran", _("Nomor Lembaran/Berita Desa")),
    Column("status", _("Status"), description=_("Berlaku, Diubah atau Dicabut.")),
    Column("subjek", _("Subjek"), description=_("Kata kunci dipisah koma.")),
    Column("tautan", _("Halaman produk hukum"), description=_("Alamat halamannya di situs desa.")),
)
APBDES_COLUMNS = (
    Column("kode_wilayah", _("Kode wilayah desa"), description=_("Kode Kemendagri.")),
    Column("desa", _("Desa")),
    Column("kecamatan", _("Kecamatan")),
    Column("tahun", _("Tahun anggaran"), "integer"),
    Column("perdes_tayang", _("Perdes APB Desa sudah tayang"), "boolean"),
    Column("nomor", _("Nomor Perdes"), description=_("Kosong bila belum tayang.")),
    Column("tanggal_penetapan", _("Tanggal penetapan"), "date"),
    Column("judul", _("Judul (tentang)")),
)
STATUS_LABELS = dict(LegalAct.Status.choices)


@functools.cache
def _list_path() -> str:
    """produk-hukum/ as it follows a village's home (the same under every slug and host form)."""
    kwargs = {"village_slug": "x"}
    path = reverse("site:legal_list", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)
    home = reverse("site:home", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)
    return path[len(home) :]


def act_rows(village: Village) -> Iterable[Row]:
    base = village.public_base_url() + _list_path()
    statuses = {k: str(v) for k, v in STATUS_LABELS.items()}
    acts = public_acts(village).only(
        "kind",
        "number",
        "year",
        "title",
        "slug",
        "enacted_on",
        "promulgated_on",
        "gazette_number",
        "status",
        "subjects",
    )  # newest first, as the public list
    for act in acts:
        gazette = act.gazette_name if act.gazette_number else ""
        yield [
            KIND_LABELS[act.kind],
            act.number,
            act.year,
            act.title,
            act.enacted_on,
            act.promulgated_on,
            gazette,
            act.gazette_number if gazette else "",
            statuses.get(act.status, act.status),
            ", ".join(act.subject_list),
            f"{base}{act.slug}/",
        ]


def act_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    # The filter of public_acts(), over many villages at once (one query).
    found = (
        LegalAct.objects.filter(village__in=villages, published=True)
        .values("village_id")
        .annotate(at=Max("updated_at"), first=Min("enacted_on"), last=Max("enacted_on"))
    )
    return {r["village_id"]: Coverage(r["at"], r["first"], r["last"]) for r in found}


def apbdes_rows(villages: QuerySet[Village]) -> Iterable[Row]:
    year = timezone.localdate().year
    live = set(villages.values_list("pk", flat=True))
    for row in district_apbdes(year=year):
        village, act = row.village, row.act
        if village.pk not in live:
            continue
        yield [
            village.region_id,
            village.region.name,
            village.region.parent_name,
            year,
            act is not None,
            act.number if act else None,
            act.enacted_on if act else None,
            act.title if act else None,
        ]


def apbdes_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    """The desa with a published APB Desa Perdes for this year (the filter of
    district_apbdes(), one query); the district dataset is listed while one has it."""
    year = timezone.localdate().year
    found = (
        LegalAct.objects.filter(
            published=True,
            kind=LegalAct.Kind.PERDES,
            topic=LegalAct.Topic.APBDES,
            period_from__lte=year,
            village__in=villages,
        )
        .filter(Q(period_to__gte=year) | Q(period_to__isnull=True, period_from=year))
        .exclude(status=LegalAct.Status.DICABUT)
        .values("village_id")
        .annotate(at=Max("updated_at"))
    )
    start, end = date(year, 1, 1), date(year, 12, 31)
    return {r["village_id"]: Coverage(r["at"], start, end) for r in found}


DATASETS = [
    Dataset(
        "produk-hukum",
        _("Produk hukum desa"),
        _(
            "Peraturan desa, peraturan bersama kepala desa, peraturan kepala desa dan keputusan "
            "kepala desa yang tayang di situs desa: jenis, nomor, judul, tanggal penetapan dan "
            "pengundangan, status dan alamat halamannya."
        ),
        ACT_COLUMNS,
        act_rows,
        act_coverage,
        theme="JUST",
        keywords=("peraturan desa", "produk hukum", "JDIH"),
        frequency="IRREG",
        order=60,
        source=_("Produk Hukum"),
    ),
    Dataset(
        "perdes-apbdes",
        _("Perdes APB Desa tahun ini per desa"),
        _(
            "Setiap desa yang sudah punya situs, dengan Peraturan Desa tentang APB Desa tahun "
            "berjalan bila sudah tayang: nomor, tanggal penetapan dan judul."
        ),
        APBDES_COLUMNS,
        apbdes_rows,
        apbdes_coverage,
        theme="JUST",
        keywords=("peraturan desa", "APBDes", "JDIH"),
        frequency="IRREG",
        scope="district",
        order=60,
        source=_("Produk Hukum"),
    ),
]
