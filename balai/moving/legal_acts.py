"""OpenSID's legal products (`dokumen` kategori 3 "Buku Peraturan di Desa" and 2 "SK Kades")
into Balai's legal acts register (`balai/legal`, docs/jdih.md), with their PDF or link.

Kind: kategori 3's `attr.jenis_peraturan` (Peraturan Desa / Peraturan Kepala Desa / Peraturan
Bersama Kepala Desa); kategori 2 is a Keputusan Kepala Desa. Number and date of enactment from
`no_ditetapkan`/`tgl_ditetapkan` (or `no_kep_kades`/`tgl_kep_kades`), the Lembaran Desa number
for a Perdes and the Berita Desa number for the others, the date of promulgation, `uraian` as
the abstract. The title is the act's subject (what follows "tentang" in OpenSID's name). An
APBDes, RKPDes or RPJMDes Perdes gets its topic and years, so the DIP links it by itself. An act
without a readable date or number is a report line and stays in the archive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from balai.imports.registry import Issues
from balai.moving.content import DesaFolder, _remember_one, moved_ids
from balai.moving.documents import LEGAL_KINDS, _attr, _file, _rows, _text
from balai.moving.opensid import Backup

KINDS = {
    "peraturan desa": "perdes",
    "peraturan kepala desa": "perkades",
    "peraturan bersama kepala desa": "perbersama",
}
_ABOUT = re.compile(r"\btentang\s+(.+)$", re.I | re.S)
_YEARS = re.compile(r"(20\d\d)(?:\s*[-–]\s*(20\d\d))?")


@dataclass
class ActsPlan:
    items: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _day(text: str) -> date | None:
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip()[:10], pattern).date()
        except ValueError:
            continue
    return None


def _topic(text: str) -> tuple[str, int | None, int | None]:
    lowered = text.lower()
    topic = ""
    if "apbdes" in lowered or "anggaran pendapatan dan belanja" in lowered or "apb desa" in lowered:
        topic = "apbdes"
    elif "rkpdes" in lowered or "rencana kerja pemerintah" in lowered or "rkp desa" in lowered:
        topic = "rkpdes"
    elif "rpjmdes" in lowered or "jangka menengah" in lowered or "rpjm desa" in lowered:
        topic = "rpjmdes"
    if not topic:
        return "", None, None
    subject = _ABOUT.search(text)
    found = _YEARS.findall(subject.group(1) if subject else text)
    if not found:
        return topic, None, None
    first, last = found[-1]
    return topic, int(first), int(last or first)


def plan_acts(backup: Backup, folder: DesaFolder | None, issues: Issues) -> ActsPlan:
    plan = ActsPlan()
    for ref, row in _rows(backup, issues, LEGAL_KINDS):
        attr = _attr(row)
        name = _text(row["nama"])
        if str(row["kategori"]) == "2":
            kind = "kepdes"
            number, day = _text(attr.get("no_kep_kades")), _day(_text(attr.get("tgl_kep_kades")))
            gazette, promulgated = "", None
        else:
            kind = KINDS.get(_text(attr.get("jenis_peraturan")).lower(), "perdes")
            number, day = _text(attr.get("no_ditetapkan")), _day(_text(attr.get("tgl_ditetapkan")))
            key = "lembaran_desa" if kind == "perdes" else "berita_desa"
            gazette = _text(attr.get(f"no_{key}"))
            promulgated = _day(_text(attr.get(f"tgl_{key}")))
        if not number or day is None:
            issues.warn(
                ref,
                "attr",
                _("Produk hukum tanpa nomor atau tanggal penetapan; tidak dipindahkan."),
            )
            continue
        subject = _ABOUT.search(name)
        topic, start, end = _topic(name)
        data, link = _file(row, ref, folder, issues)
        plan.items.append(
            {
                "id": str(row["id"]),
                "kind": kind,
                "number": number[:40],
                "title": (subject.group(1) if subject else name)[:300] or name[:300],
                "enacted_on": day,
                "promulgated_on": promulgated if promulgated and promulgated >= day else None,
                "gazette": gazette[:40] if kind != "kepdes" else "",
                "abstract": _text(attr.get("uraian")),
                "topic": topic,
                "period": (start, end),
                "file": data,
                "link": link,
            }
        )
    plan.counts["legal"] = len(plan.items)
    return plan


def write_acts(village: Any, plan: ActsPlan, stored: Any) -> dict[str, int]:
    """Inside the caller's transaction. A kelurahan has no legal acts register."""
    from balai.legal.models import LegalAct

    if not plan.items:
        return {"added": 0, "updated": 0}
    if village.is_kelurahan:
        return {"added": 0, "updated": 0, "skipped": len(plan.items)}
    done = moved_ids(village, "produk_hukum")
    added = updated = 0
    for item in plan.items:
        act = None
        if item["id"] in done:
            act = LegalAct.objects.for_village(village).filter(pk=done[item["id"]]).first()
        if act is None:
            # An act the village already entered by hand (same kind, number and year) is kept.
            act = (
                LegalAct.objects.for_village(village)
                .filter(kind=item["kind"], number=item["number"], year=item["enacted_on"].year)
                .first()
            )
            if act is not None:
                _remember_one(village, "produk_hukum", item["id"], act.pk)
                continue
            act = LegalAct(village=village, import_key=f"opensid:{item['id']}")
            added += 1
        else:
            updated += 1
        act.kind, act.number, act.title = item["kind"], item["number"], item["title"]
        act.enacted_on, act.promulgated_on = item["enacted_on"], item["promulgated_on"]
        act.gazette_number, act.abstract = item["gazette"], item["abstract"]
        act.enacted_place = act.enacted_place or village.name
        if item["topic"] and item["kind"] == "perdes":
            act.topic = item["topic"]
            act.period_from, act.period_to = item["period"]
        act.external_url = item["link"] or act.external_url
        act.published = True
        if item["file"] is not None and not act.file:
            act.file.save("naskah.pdf", ContentFile(item["file"]), save=False)
            stored.names.append(act.file.name or "")
        act.save()
        _remember_one(village, "produk_hukum", item["id"], act.pk)
    return {"added": added, "updated": updated}
