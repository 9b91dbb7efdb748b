"""The village institutions' open datasets: the institutions (kind, name, decree, term and the
size of the board) and their boards, **names and positions only**, as /lembaga/ shows them;
never a member's link to the population register, nor anything else about a person. Both
come from `public_institutions()` (two queries for a village)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from balai.institutions.models import Institution, Member
from balai.institutions.selectors import public_institutions
from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.villages.models import Village

INSTITUTION_COLUMNS = (
    Column("jenis_kode", _("Kode jenis lembaga")),
    Column("jenis", _("Jenis lembaga")),
    Column("nama", _("Nama lembaga")),
    Column("nomor_sk", _("Nomor SK"), description=_("Surat keputusan pembentukan/pengurus.")),
    Column("tanggal_sk", _("Tanggal SK"), "date"),
    Column("masa_bakti_mulai", _("Masa bakti mulai"), "date"),
    Column("masa_bakti_selesai", _("Masa bakti selesai"), "date"),
    Column("jumlah_pengurus", _("Jumlah pengurus"), "integer"),
)
MEMBER_COLUMNS = (
    Column("lembaga", _("Nama lembaga")),
    Column("jenis_kode", _("Kode jenis lembaga")),
    Column("urutan", _("Urutan"), "integer", _("Urutan dalam susunan pengurus.")),
    Column("jabatan", _("Jabatan")),
    Column("nama", _("Nama"), description=_("Nama pengurus seperti tertulis di situs desa.")),
)
KIND_LABELS = dict(Institution.Kind.choices)


def institution_rows(village: Village) -> Iterable[Row]:
    for inst in public_institutions(village):
        yield [
            inst.kind,
            str(KIND_LABELS.get(inst.kind, inst.kind)),
            inst.name,
            inst.decree_number,
            inst.decree_date,
            inst.period_start,
            inst.period_end,
            len(inst.members.all()),  # prefetched
        ]


def member_rows(village: Village) -> Iterable[Row]:
    for inst in public_institutions(village):
        for n, member in enumerate(inst.members.all(), start=1):
            yield [inst.name, inst.kind, n, member.position, member.name]


def institution_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    # A board change does not touch the institution's updated_at: the figures are dated by the
    # village's last public change (modified None).
    found = Institution.objects.filter(village__in=villages).values_list("village_id", flat=True)
    return {pk: Coverage() for pk in set(found.order_by().distinct())}


def member_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    found = Member.objects.filter(village__in=villages).values_list("village_id", flat=True)
    return {pk: Coverage() for pk in set(found.order_by().distinct())}


DATASETS = [
    Dataset(
        "lembaga",
        _("Lembaga desa"),
        _(
            "Lembaga kemasyarakatan dan lembaga desa (BPD, LPM, PKK, Karang Taruna, RT/RW, "
            "Posyandu, BUMDes, …): jenis, nama, SK, masa bakti dan jumlah pengurus."
        ),
        INSTITUTION_COLUMNS,
        institution_rows,
        institution_coverage,
        theme="GOVE",
        keywords=("lembaga desa", "lembaga kemasyarakatan", "BPD", "pemerintahan desa"),
        frequency="IRREG",
        order=61,
        source=_("Lembaga Desa"),
    ),
    Dataset(
        "pengurus-lembaga",
        _("Pengurus lembaga desa"),
        _(
            "Susunan pengurus tiap lembaga desa: nama dan jabatan saja, seperti tampil di situs "
            "desa."
        ),
        MEMBER_COLUMNS,
        member_rows,
        member_coverage,
        theme="GOVE",
        keywords=("lembaga desa", "pengurus", "BPD"),
        frequency="IRREG",
        order=62,
        source=_("Lembaga Desa"),
    ),
]
