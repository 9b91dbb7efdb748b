"""Demo legal acts: Dagan's register tells a real story — its RPJM Desa 2020–2026 and the
Perdes that amended it, the RKP Desa and APB Desa Perdes of 2025 and 2026, a Perdes on levies
revoked by a later one, a Perkades, a Keputusan and a Peraturan Bersama with a neighbour —
each with a small real PDF (reportlab). About two thirds of the other desa publish their APB
Desa Perdes for this year (most also last year's), so the district view has both lists."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from balai.legal.models import LegalAct, act_slug
from balai.legal.services import act_status_refresh
from balai.villages.models import Village

K = LegalAct.Kind


@dataclass(frozen=True)
class Plan:
    key: str
    kind: str
    number: str
    title: str
    enacted: date
    topic: str = ""
    period: tuple[int, int] | None = None
    subjects: str = ""
    field: str = ""
    relation: str = ""
    target: str = ""
    abstract: str = ""


def dagan_plans(year: int) -> list[Plan]:
    """Dagan's acts; `year` is this year, so the APB Desa of this year and last year exist."""
    last = year - 1
    return [
        Plan(
            "rpjm",
            K.PERDES,
            "3",
            "Rencana Pembangunan Jangka Menengah Desa Tahun 2020–2026",
            date(2020, 3, 16),
            "rpjmdes",
            (2020, 2026),
            "perencanaan, pembangunan desa",
            "Perencanaan Pembangunan",
            abstract="Visi, misi, arah kebijakan dan daftar kegiatan pembangunan desa selama "
            "masa jabatan kepala desa, sebagai dasar penyusunan RKP Desa setiap tahun.",
        ),
        Plan(
            "rpjm_change",
            K.PERDES,
            "2",
            "Perubahan atas Peraturan Desa Nomor 3 Tahun 2020 tentang Rencana Pembangunan "
            "Jangka Menengah Desa Tahun 2020–2026",
            date(2023, 4, 10),
            "rpjmdes",
            (2023, 2026),
            "perencanaan, pembangunan desa",
            "Perencanaan Pembangunan",
            relation="amends",
            target="rpjm",
            abstract="Menyesuaikan prioritas RPJM Desa dengan penanganan stunting dan "
            "ketahanan pangan; menambah kegiatan irigasi Dusun II.",
        ),
        Plan(
            "levy",
            K.PERDES,
            "2",
            "Pungutan Desa",
            date(2019, 2, 11),
            subjects="pungutan, pendapatan desa",
            field="Keuangan Desa",
        ),
        Plan(
            "levy_revoke",
            K.PERDES,
            "3",
            "Pencabutan Peraturan Desa Nomor 2 Tahun 2019 tentang Pungutan Desa",
            date(last, 6, 2),
            subjects="pungutan, pendapatan desa",
            field="Keuangan Desa",
            relation="revokes",
            target="levy",
            abstract="Pungutan desa dihapus karena tidak sesuai dengan kewenangan desa menurut "
            "hasil pembinaan kabupaten.",
        ),
        Plan(
            "rkp_last",
            K.PERDES,
            "4",
            f"Rencana Kerja Pemerintah Desa Tahun {last}",
            date(last - 1, 10, 14),
            "rkpdes",
            (last, last),
            "perencanaan",
            "Perencanaan Pembangunan",
        ),
        Plan(
            "apb_last",
            K.PERDES,
            "6",
            f"Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {last}",
            date(last - 1, 12, 27),
            "apbdes",
            (last, last),
            "anggaran, keuangan desa",
            "Keuangan Desa",
            abstract="Pendapatan, belanja per bidang dan pembiayaan desa selama satu tahun "
            "anggaran, termasuk Dana Desa dan Alokasi Dana Desa.",
        ),
        Plan(
            "rkp",
            K.PERDES,
            "5",
            f"Rencana Kerja Pemerintah Desa Tahun {year}",
            date(last, 10, 13),
            "rkpdes",
            (year, year),
            "perencanaan",
            "Perencanaan Pembangunan",
        ),
        Plan(
            "apb",
            K.PERDES,
            "7",
            f"Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {year}",
            date(last, 12, 22),
            "apbdes",
            (year, year),
            "anggaran, keuangan desa",
            "Keuangan Desa",
            abstract="Pendapatan, belanja per bidang dan pembiayaan desa selama satu tahun "
            "anggaran, termasuk Dana Desa, Alokasi Dana Desa dan bagi hasil pajak daerah.",
        ),
        Plan(
            "apb_detail",
            K.PERKADES,
            "1",
            f"Penjabaran Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {year}",
            date(last, 12, 29),
            subjects="anggaran, keuangan desa",
            field="Keuangan Desa",
        ),
        Plan(
            "tpk",
            K.KEPDES,
            f"141/3/{year}",
            f"Pembentukan Tim Pelaksana Kegiatan Tahun {year}",
            date(year, 1, 6),
            subjects="pengadaan, pembangunan desa",
            field="Pemerintahan Desa",
        ),
        Plan(
            "water",
            K.PERBERSAMA,
            "1",
            "Kerja Sama Antar-Desa Pengelolaan Air Bersih",
            date(last, 8, 19),
            subjects="kerja sama desa, air bersih",
            field="Pemerintahan Desa",
        ),
    ]


def act_pdf(village: Village, act: LegalAct) -> bytes:
    """A short, readable naskah: heading, considerations, the decision, the signature block."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        title=act.citation,
        author=village.display_name,
    )
    styles = getSampleStyleSheet()
    centre = ParagraphStyle("c", parent=styles["Heading3"], alignment=1)
    body = styles["BodyText"]
    name = village.name.upper()
    lines = [
        Paragraph(f"{act.get_kind_display().upper()} {name}", centre),
        Paragraph(f"NOMOR {act.number} TAHUN {act.year}", centre),
        Paragraph("TENTANG", centre),
        Paragraph(act.title.upper(), centre),
        Spacer(1, 6 * mm),
        Paragraph(f"KEPALA DESA {name},", centre),
        Paragraph(
            "Menimbang: bahwa untuk melaksanakan kewenangan desa perlu menetapkan "
            f"{act.get_kind_display()} tentang {act.title};",
            body,
        ),
        Paragraph(
            "Mengingat: Undang-Undang Nomor 6 Tahun 2014 tentang Desa sebagaimana telah "
            "diubah terakhir dengan Undang-Undang Nomor 3 Tahun 2024; Peraturan Menteri "
            "Dalam Negeri Nomor 111 Tahun 2014 tentang Pedoman Teknis Peraturan di Desa;",
            body,
        ),
        Paragraph("MEMUTUSKAN:", centre),
        Paragraph(f"Menetapkan: {act.get_kind_display()} tentang {act.title}.", body),
        Paragraph(act.abstract or "Ketentuan lebih lanjut tercantum dalam lampiran.", body),
        Spacer(1, 8 * mm),
        Paragraph(
            f"Ditetapkan di {village.name} pada tanggal {act.enacted_on.strftime('%d-%m-%Y')}", body
        ),
        Paragraph(f"KEPALA DESA {name}", body),
    ]
    if act.source:
        lines.append(Paragraph(act.source.upper(), body))
    doc.build(lines)
    return out.getvalue()


def _act(village: Village, plan: Plan, acts: dict[str, LegalAct]) -> LegalAct:
    promulgated = plan.kind != K.KEPDES
    act = LegalAct(
        village=village,
        kind=plan.kind,
        number=plan.number,
        title=plan.title,
        enacted_on=plan.enacted,
        enacted_place=village.name,
        promulgated_on=plan.enacted if promulgated else None,
        gazette_number=plan.number if promulgated else "",
        signer=f"Kepala Desa {village.name}",
        initiator="Pemerintah Desa",
        topic=plan.topic,
        period_from=plan.period[0] if plan.period else None,
        period_to=plan.period[1] if plan.period else None,
        subjects=plan.subjects,
        legal_field=plan.field,
        relation=plan.relation,
        target=acts.get(plan.target),
        abstract=plan.abstract,
    )
    act.year = act.enacted_on.year
    act.slug = act_slug(act.kind, act.year, act.number)
    act.village = village
    act.file.save("naskah.pdf", ContentFile(act_pdf(village, act)), save=False)
    return act


def _apbdes(village: Village, year: int, number: int, rng: random.Random) -> LegalAct:
    plan = Plan(
        "apb",
        K.PERDES,
        str(number),
        f"Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {year}",
        date(year - 1, 12, rng.randint(15, 31)),
        "apbdes",
        (year, year),
        "anggaran, keuangan desa",
        "Keuangan Desa",
    )
    return _act(village, plan, {})


def demo_build(*, rng: random.Random, villages: list[Village], users: dict) -> dict[str, int]:
    desa = [v for v in villages if not v.is_kelurahan]
    if not desa:
        return {}
    year = timezone.localdate().year
    dagan, made = desa[0], 0
    acts: dict[str, LegalAct] = {}
    for plan in dagan_plans(year):
        act = _act(dagan, plan, acts)
        act.save()
        acts[plan.key] = act
        made += 1
    for act in acts.values():
        act_status_refresh(act)
    others = []
    for village in desa[1:]:
        if rng.random() < 0.85:
            others.append(_apbdes(village, year - 1, rng.randint(3, 9), rng))
        if rng.random() < 0.65:
            others.append(_apbdes(village, year, rng.randint(3, 9), rng))
    LegalAct.objects.bulk_create(others)
    return {"legal_acts": made + len(others)}


def demo_clear(*, village_ids: set[int]) -> None:
    acts = LegalAct.objects.filter(village__in=village_ids)
    for act in acts.exclude(file=""):
        act.file.delete(save=False)
    acts.update(target=None)  # the links are PROTECT: cut them, then delete every act
    acts.delete()
