"""OpenSID's aid programmes (`program`) and their participants (`program_peserta`) into the
welfare register, each participant linked to the resident, family or household the move made
of the same OpenSID row (through `MovedItem`: `penduduk`, `keluarga`, `rtm`).

`peserta` is a NIK for sasaran 1 (penduduk), a No. KK for 2 (keluarga), an RTM number for 3
(rumah tangga); `kartu_id_pend` names the card holder. A participant who matches nobody in the
backup is a report line and is not moved. Kelompok programmes (sasaran 4) move as programmes
for groups, each participant as Balai's own import records a group's recipient: the resident
who holds the card (`kartu_id_pend`, else the group's chair `kelompok.id_ketua`). Moved lists
stay unpublished: the village publishes after checking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.moving.content import DesaFolder, _remember_one, _text, _when, moved_ids
from balai.moving.opensid import Backup

UNITS = {"1": "person", "2": "family", "3": "household", "4": "group"}
SOURCES = {
    "pusat": "pusat",
    "provinsi": "provinsi",
    "kab/kota": "kabupaten",
    "kabupaten": "kabupaten",
    "kota": "kabupaten",
    "dana desa": "desa",
    "apbdes": "desa",
    "desa": "desa",
}
KINDS = (
    (re.compile(r"\bBLT\b", re.I), "blt_dd"),
    (re.compile(r"\bPKH\b", re.I), "pkh"),
    (re.compile(r"\bBPNT\b", re.I), "bpnt"),
    (re.compile(r"\bPBI\b", re.I), "pbi"),
    (re.compile(r"\bBST\b", re.I), "bst"),
)


@dataclass
class AidPlan:
    programmes: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _date(value: Any) -> date | None:
    text = _text(value)[:10]
    if not text or text.startswith("0000"):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _kind(name: str, source: str) -> str:
    for pattern, kind in KINDS:
        if pattern.search(name):
            return "blt_dd" if kind == "blt_dd" and source == "desa" else kind
    return "local"


def plan_aid(backup: Backup, folder: DesaFolder | None, issues: Issues) -> AidPlan:
    plan = AidPlan()
    if not backup.tables.get("program"):
        return plan
    staged = backup.staged
    residents = {str(r["id"]): _text(r["nik"]) for r in staged.rows("tweb_penduduk")}
    by_nik = {nik: pk for pk, nik in residents.items() if nik}
    families = {_text(r["no_kk"]): str(r["id"]) for r in staged.rows("tweb_keluarga")}
    households = {_text(r["no_kk"]) for r in staged.rows("tweb_rtm")}
    chairs = {str(r["id"]): str(r["id_ketua"] or "") for r in staged.rows("kelompok")}
    members: dict[str, list[Any]] = {}
    if backup.tables.get("program_peserta"):
        for row in staged.rows("program_peserta"):
            members.setdefault(str(row["program_id"]), []).append(row)
    linked = unlinked = 0
    for row in staged.rows("program"):
        ref: RowRef = (0, "program", int(row["id"]))
        name = _text(row["nama"])[:120]
        unit = UNITS.get(str(row["sasaran"] or ""))
        if not name or unit is None:
            issues.warn(ref, "sasaran", _("Program tanpa nama atau sasaran dikenal; dilewati."))
            unlinked += len(members.get(str(row["id"]), []))
            continue
        raw_source = _text(row["asaldana"])
        source = SOURCES.get(raw_source.lower())
        if source is None:
            issues.warn(
                ref,
                "asaldana",
                _("Asal dana “%(s)s” tidak ada di daftar Balai; dicatat sebagai Desa.")
                % {"s": raw_source or "-"},
            )
            source = "desa"
        start = _date(row["sdate"])
        if start is None:
            created = _when(row["created_at"]) if "created_at" in row.keys() else None
            start = created.date() if created else timezone.localdate()
        if _text(row["ndesc"]):
            issues.warn(
                ref,
                "ndesc",
                _(
                    "Keterangan program tidak dipindahkan (Balai belum punya kolomnya); isi "
                    "nilai dan barang per periode di Balai: “%(d)s”."
                )
                % {"d": _text(row["ndesc"])[:200]},
            )
        recipients: list[dict[str, Any]] = []
        programme = {
            "id": str(row["id"]),
            "name": name,
            "kind": _kind(name, source),
            "source": source,
            "unit": unit,
            "start": start,
            "end": _date(row["edate"]),
            "recipients": recipients,
        }
        for member in members.get(str(row["id"]), []):
            mref: RowRef = (0, "program_peserta", int(member["id"]))
            peserta = _text(member["peserta"])
            holder = str(member["kartu_id_pend"] or "")
            target = None
            if unit == "person":
                target = holder if residents.get(holder) == peserta else by_nik.get(peserta)
                target = target or (holder if holder in residents else None)
            elif unit == "family":
                target = families.get(peserta)
            elif unit == "household":
                target = peserta if peserta in households else None
            else:  # a group: its card holder, else its chair
                target = next((p for p in (holder, chairs.get(peserta)) if p in residents), None)
            if target is None:
                issues.warn(
                    mref,
                    "peserta",
                    _(
                        "Peserta “%(n)s” program %(p)s tidak cocok dengan %(what)s di cadangan; "
                        "tidak dipindahkan."
                    )
                    % {
                        "n": _text(member["kartu_nama"]) or "-",
                        "p": name,
                        "what": {
                            "person": _("penduduk"),
                            "family": _("keluarga"),
                            "household": _("rumah tangga"),
                            "group": _("ketua atau pemegang kartu kelompok"),
                        }[unit],
                    },
                )
                unlinked += 1
                continue
            recipients.append(
                {
                    "id": str(member["id"]),
                    "target": target,
                    "holder": holder if holder in residents else "",
                    "name": _text(member["kartu_nama"])[:120],
                    "card": _text(member["no_id_kartu"])[:40],
                }
            )
            linked += 1
        plan.programmes.append(programme)
    plan.counts = {
        "programmes": len(plan.programmes),
        "recipients": linked,
        "recipients_unlinked": unlinked,
    }
    return plan


def write_aid(village: Any, plan: AidPlan, stored: Any) -> dict[str, int]:
    """Inside the caller's transaction."""
    from balai.population.models import Family, Household, Resident
    from balai.welfare.models import Programme, Recipient

    written = {"programmes": 0, "recipients": 0, "unlinked": 0}
    if not plan.programmes:
        return written
    done = moved_ids(village, "program")
    done_members = moved_ids(village, "program_peserta")
    maps = {
        "person": moved_ids(village, "penduduk"),
        "family": moved_ids(village, "keluarga"),
        "household": moved_ids(village, "rtm"),
    }
    maps["group"] = maps["person"]
    residents = {
        r.pk: r
        for r in Resident.objects.for_village(village).filter(pk__in=maps["person"].values())
    }
    families = {
        f.pk: f for f in Family.objects.for_village(village).filter(pk__in=maps["family"].values())
    }
    households = {
        h.pk: h
        for h in Household.objects.for_village(village).filter(pk__in=maps["household"].values())
    }
    for item in plan.programmes:
        programme = None
        if item["id"] in done:
            programme = Programme.objects.for_village(village).filter(pk=done[item["id"]]).first()
        if programme is None:
            name = item["name"]
            if Programme.objects.for_village(village).filter(name=name).exists():
                name = f"{name[:108]} (OpenSID)"
            programme = Programme(village=village, name=name)
        programme.kind, programme.source = item["kind"], item["source"]
        programme.unit = item["unit"]
        programme.period_start, programme.period_end = item["start"], item["end"]
        programme.save()
        _remember_one(village, "program", item["id"], programme.pk)
        written["programmes"] += 1
        for member in item["recipients"]:
            pk = maps[item["unit"]].get(member["target"])
            if pk is None:
                written["unlinked"] += 1
                continue
            holder = residents.get(maps["person"].get(member["holder"], 0))
            target: dict[str, Any] = {"resident": None, "family": None, "household": None}
            if item["unit"] in ("person", "group"):
                person = residents.get(pk)
                target["resident"] = person
                name, area = (person.name, person.area_id) if person else (member["name"], None)
            elif item["unit"] == "family":
                family = families.get(pk)
                target["family"] = family
                area = family.area_id if family else None
                name = holder.name if holder else member["name"]
            else:
                household = households.get(pk)
                target["household"] = household
                area = household.area_id if household else None
                name = holder.name if holder else member["name"]
            if all(v is None for v in target.values()):
                written["unlinked"] += 1
                continue
            recipient = None
            if member["id"] in done_members:
                recipient = (
                    Recipient.objects.for_village(village)
                    .filter(pk=done_members[member["id"]])
                    .first()
                )
            if recipient is None:
                recipient = Recipient(village=village, programme=programme, start=item["start"])
            for key, value in target.items():
                setattr(recipient, key, value)
            recipient.name = (name or member["name"] or "-")[:120]
            recipient.area_id = area
            recipient.card_number = member["card"]
            recipient.save()
            _remember_one(village, "program_peserta", member["id"], recipient.pk)
            written["recipients"] += 1
    return written
