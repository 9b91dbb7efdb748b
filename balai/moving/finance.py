"""OpenSID's APBDes (the manual input, `keuangan_manual_rinci`) into budget years and lines, and
its development projects (`pembangunan`, `pembangunan_ref_dokumentasi`) into budget projects
with their photos as progress reports.

OpenSID's manual APBDes is kept at the jenis level (`4.2.1. Dana Desa`), and its spending by
bidang only (`Kd_Keg` `00.0000.02 BIDANG …`, `Kd_Rincian` `5.0.0`): a line keeps that level
(the jenis account of Permendagri 20/2018, or for spending the bidang × account 5 BELANJA), so
the year's totals are OpenSID's to the rupiah. Rows with nothing budgeted and nothing realised
(OpenSID's template seeds every jenis) are not stored. A year is moved as approved (OpenSID
shows it publicly), its realisation dated the year's end; a year the village already keeps in
Balai (not from an earlier move) is left as it is, with a line in the report. The Siskeudes
tables (`keuangan_ta_*`) are not read here: rows in them stay in the private archive.

A project's main photo becomes its first progress report (0 %, "foto utama"), each
documentation photo a report with its percentage; pictures go through the image pipeline.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.lib.uploads import reencode_image
from balai.moving.content import DesaFolder, _readable, _remember_one, _text, _when, moved_ids
from balai.moving.identity import _coordinate, _image
from balai.moving.opensid import Backup

_CODE = re.compile(r"^\s*(\d+(?:\.\d+)*)")
_BIDANG = re.compile(r"^\s*[\d.]*?\.0?(\d)\b")
_VOLUME = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([^\d\s].{0,19})?\s*$")
_PERCENT = re.compile(r"(\d{1,3})")


@dataclass
class FinancePlan:
    years: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    perdes: dict[int, tuple[str, date | None]] = field(default_factory=dict)
    projects: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _rupiah(value: Any) -> int | None:
    try:
        number = Decimal(str(value if value not in (None, "") else "0"))
    except (InvalidOperation, ValueError):
        return None
    return int(number.to_integral_value()) if number >= 0 else None


def _line(row: Any, ref: RowRef, issues: Issues) -> dict[str, Any] | None:
    from balai.budget import tree

    match = _CODE.match(_text(row["Kd_Rincian"])) or _CODE.match(_text(row["Kd_Akun"]))
    code = match.group(1).rstrip(".") if match else ""
    kegiatan = ""
    if code.startswith("5"):
        found = _BIDANG.match(_text(row["Kd_Keg"]))
        kegiatan = found.group(1) if found else ""
        if tree.node("bidang", kegiatan) is None:
            issues.warn(ref, "Kd_Keg", _("Bidang belanja tidak terbaca; baris dilewati."))
            return None
        code = "5" if tree.node("ekonomi", code) is None else code
    while code and tree.node("ekonomi", code) is None:
        code = code.rsplit(".", 1)[0] if "." in code else ""
    if not code or code[0] not in "456":
        issues.warn(ref, "Kd_Rincian", _("Kode rekening tidak dikenal; baris dilewati."))
        return None
    budget, realised = _rupiah(row["Nilai_Anggaran"]), _rupiah(row["Nilai_Realisasi"])
    if budget is None or realised is None:
        issues.warn(ref, "Nilai_Anggaran", _("Nilai tidak terbaca; baris dilewati."))
        return None
    kind = tree.line_kind(code)
    label = _CODE.sub("", _text(row["Kd_Rincian"])).strip(" .") if kind != "spending" else ""
    return {
        "kind": kind,
        "kegiatan": kegiatan,
        "kode": code,
        "sumber": tree.income_source(code) if kind == "income" else "",
        "uraian": label[:255],
        "anggaran": budget,
        "realisasi": realised,
    }


def plan_finance(backup: Backup, folder: DesaFolder | None, issues: Issues) -> FinancePlan:
    plan = FinancePlan()
    staged = backup.staged
    empty = 0
    if backup.tables.get("keuangan_manual_rinci"):
        for row in staged.rows("keuangan_manual_rinci"):
            ref: RowRef = (0, "keuangan_manual_rinci", int(row["id"]))
            year_text = _text(row["Tahun"])
            if not year_text.isdigit():
                issues.warn(ref, "Tahun", _("Tahun anggaran tidak terbaca; baris dilewati."))
                continue
            line = _line(row, ref, issues)
            if line is None:
                continue
            if not line["anggaran"] and not line["realisasi"]:
                empty += 1
                continue
            lines = plan.years.setdefault(int(year_text), [])
            same = next(
                (
                    x
                    for x in lines
                    if (x["kegiatan"], x["kode"], x["sumber"])
                    == (line["kegiatan"], line["kode"], line["sumber"])
                ),
                None,
            )
            if same is None:
                lines.append(line)
            else:  # two rows on one account: one line with their sum
                same["anggaran"] += line["anggaran"]
                same["realisasi"] += line["realisasi"]
    plan.perdes = _perdes(backup, set(plan.years))
    if backup.tables.get("pembangunan"):
        photos: dict[str, list[Any]] = {}
        for row in staged.rows("pembangunan_ref_dokumentasi"):
            photos.setdefault(str(row["id_pembangunan"]), []).append(row)
        for row in staged.rows("pembangunan"):
            plan.projects.append(_project(row, photos.get(str(row["id"]), []), folder, issues))
    plan.counts = {
        "budget_years": len(plan.years),
        "budget_lines": sum(len(v) for v in plan.years.values()),
        "budget_empty_rows": empty,
        "projects": len(plan.projects),
        "project_photos": sum(len(p["reports"]) for p in plan.projects),
    }
    return plan


def _perdes(backup: Backup, years: set[int]) -> dict[int, tuple[str, date | None]]:
    """The Perdes APBDes of each moved year, from OpenSID's regulations (`dokumen` kategori 3
    named "... APBDes Tahun Anggaran <year>")."""
    found: dict[int, tuple[str, date | None]] = {}
    if not years or not backup.tables.get("dokumen"):
        return found
    for row in backup.staged.rows("dokumen", "kategori = 3"):
        match = re.search(r"APB ?Des.*?(\d{4})\s*$", _text(row["nama"]), re.I)
        if not match or int(match.group(1)) not in years:
            continue
        try:
            attr = json.loads(_text(row["attr"]) or "{}")
        except ValueError:
            continue
        if not isinstance(attr, dict) or not _text(attr.get("no_ditetapkan")):
            continue
        try:
            day: date | None = datetime.strptime(
                _text(attr.get("tgl_ditetapkan")), "%d-%m-%Y"
            ).date()
        except ValueError:
            day = None
        number = _text(attr["no_ditetapkan"])
        if day is not None:
            number = _("%(n)s Tahun %(y)s") % {"n": number, "y": day.year}
        found[int(match.group(1))] = (number[:60], day)
    return found


def _gallery(
    folder: DesaFolder | None, ref: RowRef, column: str, issues: Issues, name: Any
) -> bytes | None:
    base = posixpath.basename(_text(name))
    if not base:
        return None
    if folder is None:
        issues.warn(ref, column, _("Foto “%(f)s” butuh zip folder desa.") % {"f": base})
        return None
    paths = (f"upload/galeri/{base}", f"upload/galeri/sedang_{base}")
    return _image(folder, ref, column, issues, *paths)


def _project(row: Any, docs: list[Any], folder: DesaFolder | None, issues: Issues) -> dict:
    ref: RowRef = (0, "pembangunan", int(row["id"]))
    notes = [_text(row["keterangan"]), _text(row["manfaat"])]
    volume = unit = None
    match = _VOLUME.match(_text(row["volume"]))
    if match:
        volume = Decimal(match.group(1).replace(",", "."))
        unit = _text(match.group(2))[:20]
    elif _text(row["volume"]):
        notes.append(_("Volume: %(v)s") % {"v": _text(row["volume"])})
    if _text(row["sumber_dana"]):
        notes.append(_("Sumber dana: %(s)s") % {"s": _text(row["sumber_dana"])})
    changed = _rupiah(row["perubahan_anggaran"]) or 0
    created = _when(row["created_at"])
    year = _text(row["tahun_anggaran"])
    reports = []
    main = _gallery(folder, ref, "foto", issues, row["foto"])
    if main is not None:
        reports.append(
            {
                "id": f"utama-{row['id']}",
                "percentage": 0,
                "note": _("Foto utama"),
                "date": created.date() if created else None,
                "photo": main,
            }
        )
    for doc in docs:
        dref: RowRef = (0, "pembangunan_ref_dokumentasi", int(doc["id"]))
        found = _PERCENT.search(_text(doc["persentase"]))
        moment = _when(doc["created_at"])
        reports.append(
            {
                "id": str(doc["id"]),
                "percentage": min(int(found.group(1)), 100) if found else 0,
                "note": _text(doc["keterangan"])[:300],
                "date": moment.date() if moment else None,
                "photo": _gallery(folder, dref, "gambar", issues, doc["gambar"]),
            }
        )
    return {
        "id": str(row["id"]),
        "name": _text(row["judul"])[:160],
        "year": int(year) if year.isdigit() else (created.year if created else None),
        "area": str(row["id_lokasi"]) if row["id_lokasi"] else "",
        "location": _text(row["lokasi"])[:160],
        "latitude": _coordinate(row["lat"], -90, 90) if row["lat"] else None,
        "longitude": _coordinate(row["lng"], -180, 180) if row["lng"] else None,
        "volume": volume,
        "unit": unit or "",
        "implementer": _text(row["pelaksana_kegiatan"])[:120],
        "budget": changed or _rupiah(row["anggaran"]) or 0,
        "description": "\n\n".join(n for n in notes if n),
        "reports": reports,
    }


def _realised_on(year: int) -> date:
    today = timezone.localdate()
    return date(year, 12, 31) if year < today.year else today


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["kind"],
        row["kegiatan__code"] or "",
        row["account__code"],
        row["source"],
        row["description"],
        row["original_amount"],
        row["revised_amount"],
        row["realised"],
    )


def _planned_key(item: dict[str, Any]) -> tuple[Any, ...]:
    return (
        item["kind"],
        item["kegiatan"],
        item["kode"],
        item["sumber"],
        item["uraian"],
        item["anggaran"],
        None,
        item["realisasi"],
    )


def write_finance(village: Any, plan: FinancePlan, stored: Any) -> dict[str, int]:
    """Inside the caller's transaction."""
    from balai.budget import services, tree
    from balai.budget.imports import snapshot
    from balai.budget.models import BudgetLine, BudgetVersion, FiscalYear, Realisation

    written = {"years": 0, "lines": 0, "years_kept": 0, "years_unchanged": 0}
    written.update(projects=0, photos=0)
    done = moved_ids(village, "apbdes")
    index = tree.account_index()
    for year, lines in sorted(plan.years.items()):
        fiscal_year = FiscalYear.objects.for_village(village).filter(year=year).first()
        if fiscal_year is not None and str(year) not in done and fiscal_year.line_count:
            written["years_kept"] += 1
            continue
        if fiscal_year is None:
            fiscal_year = FiscalYear.objects.create(
                village=village, year=year, status=FiscalYear.Status.APPROVED
            )
        if year in plan.perdes and not fiscal_year.perdes_number:
            fiscal_year.perdes_number, fiscal_year.perdes_date = plan.perdes[year]
            fiscal_year.save(update_fields=["perdes_number", "perdes_date"])
        previous = snapshot(fiscal_year)
        if sorted(map(_key, previous)) == sorted(map(_planned_key, lines)):
            written["years_unchanged"] += 1  # a second run of the same backup
            continue
        if previous:  # changed in Balai or in OpenSID since the last move: keep the old lines
            BudgetVersion.objects.create(
                village=village,
                fiscal_year=fiscal_year,
                lines=previous,
                summary=fiscal_year.summary,
                replaced_by=_("pindahan OpenSID"),
            )
        old = BudgetLine.objects.filter(fiscal_year=fiscal_year)
        links = {
            (line.kegiatan.code if line.kegiatan else "", line.account.code, line.source): [
                p.pk for p in line.projects.all()
            ]
            for line in old.select_related("kegiatan", "account").prefetch_related("projects")
        }
        old.delete()
        new = BudgetLine.objects.bulk_create(
            BudgetLine(
                village=village,
                fiscal_year=fiscal_year,
                kind=item["kind"],
                kegiatan_id=index[("bidang", item["kegiatan"])].id if item["kegiatan"] else None,
                account_id=index[("ekonomi", item["kode"])].id,
                source=item["sumber"],
                description=item["uraian"],
                original_amount=item["anggaran"],
            )
            for item in lines
        )
        Realisation.objects.bulk_create(
            Realisation(
                village=village,
                line=line,
                date=_realised_on(year),
                amount=item["realisasi"],
                note=_("pindahan OpenSID"),
            )
            for line, item in zip(new, lines, strict=True)
            if item["realisasi"]
        )
        for line, item in zip(new, lines, strict=True):
            line.projects.add(*links.get((item["kegiatan"], item["kode"], item["sumber"]), []))
        services.fiscal_year_summarise(fiscal_year=fiscal_year)
        _remember_one(village, "apbdes", str(year), fiscal_year.pk)
        written["years"] += 1
        written["lines"] += len(new)
    _write_projects(village, plan, stored, written)
    return written


def _write_projects(village: Any, plan: FinancePlan, stored: Any, written: dict) -> None:
    from balai.budget.models import FiscalYear, ProgressReport, Project
    from balai.budget.project_services import _unique_slug
    from balai.population.models import Area

    done = moved_ids(village, "pembangunan")
    done_reports = moved_ids(village, "pembangunan_dokumentasi")
    areas = moved_ids(village, "wilayah")
    for item in plan.projects:
        year = item["year"] or timezone.localdate().year
        fiscal_year, _created = FiscalYear.objects.get_or_create(village=village, year=year)
        project = None
        if item["id"] in done:
            project = Project.objects.for_village(village).filter(pk=done[item["id"]]).first()
        if project is None:
            project = Project(village=village, name=item["name"])
            project.slug = _unique_slug(project)
        project.fiscal_year = fiscal_year
        for key in ("name", "latitude", "longitude", "volume", "unit", "implementer", "budget"):
            setattr(project, key, item[key])
        project.description = item["description"]
        area = None
        if item["area"] and item["area"] in areas:
            area = Area.objects.for_village(village).filter(pk=areas[item["area"]]).first()
        project.location = (
            _("RT %(rt)s RW %(rw)s %(dusun)s") % {"rt": area.rt, "rw": area.rw, "dusun": area.dusun}
            if area
            else item["location"]
        )[:160]
        project.save()
        _remember_one(village, "pembangunan", item["id"], project.pk)
        written["projects"] += 1
        for entry in item["reports"]:
            report = None
            if entry["id"] in done_reports:
                report = (
                    ProgressReport.objects.for_village(village)
                    .filter(pk=done_reports[entry["id"]])
                    .first()
                )
            if report is None:
                report = ProgressReport(village=village, project=project)
            report.date = entry["date"] or timezone.localdate()
            report.percentage, report.note = entry["percentage"], entry["note"]
            if entry["photo"] is not None and not report.photo:
                encoded = reencode_image(_readable(entry["photo"]), max_side=1600)
                report.photo.save(
                    f"foto.{encoded.extension}", ContentFile(encoded.content), save=False
                )
                report.photo_alt = (entry["note"] or project.name)[:200]
                stored.names.append(report.photo.name or "")
            report.save()
            _remember_one(village, "pembangunan_dokumentasi", entry["id"], report.pk)
            written["photos"] += 1
        latest = project.reports.order_by("-date", "-id").first()
        project.progress = latest.percentage if latest else 0
        project.save(update_fields=["progress"])
