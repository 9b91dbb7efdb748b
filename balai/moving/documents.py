"""OpenSID's documents (`dokumen`) into the village's Daftar Informasi Publik (PPID).

Kategori 1 (Informasi Publik) keeps its golongan (`kategori_info_publik` 1 Berkala,
2 Serta-merta, 3 Setiap Saat, 4 Dikecualikan). Kategori 2 (Keputusan Kepala Desa) and 3
(Peraturan Desa / Peraturan Kepala Desa) are legal acts: `plan_legal`/`write_legal` put them in
the DIP as information available at any time (Balai's DIP has no "produk hukum" golongan), with
their number and date in the summary, until the legal register takes them.

The file is `desa/upload/dokumen/<satuan>`, checked like any PDF upload; a document given as a
link (`tipe` 2) keeps its URL. An exempt item is listed without file or link, as the DIP
requires. Not moved, each with a line in the report: documents deleted in OpenSID (`deleted` 1),
documents switched off (`enabled` 0: they were hidden from the public, and the DIP is public),
and residents' own documents (`id_pend`/`dok_warga`: personal data, never public), and
documents of a kategori the village added itself in OpenSID.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.lib.uploads import PDF, UploadError, inspect_file
from balai.moving.content import DesaFolder, _readable, _remember_one, _text, _when, moved_ids
from balai.moving.opensid import Backup

PUBLIC_INFO = {"1": "berkala", "2": "serta_merta", "3": "setiap_saat", "4": "dikecualikan"}
LEGAL_KINDS = ("2", "3")


@dataclass
class DocumentsPlan:
    items: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _rows(backup: Backup, issues: Issues, kinds: tuple[str, ...]) -> list[tuple[RowRef, Any]]:
    """The live, public documents of these kategori; the rest are report lines."""
    if "dokumen" not in backup.tables:
        return []
    columns = set(backup.staged.summary.tables["dokumen"].columns)
    rows = []
    for row in backup.staged.rows("dokumen"):
        kind = str(row["kategori"] or "")
        ref: RowRef = (0, "dokumen", int(row["id"]))
        if kind not in ("1", *LEGAL_KINDS) and "1" in kinds:
            issues.warn(
                ref,
                "kategori",
                _("Dokumen kategori %(k)s tidak punya tempat di Balai; tidak dipindahkan.")
                % {"k": kind or "-"},
            )
        if kind not in kinds:
            continue
        if "deleted" in columns and str(row["deleted"] or "0") == "1":
            issues.warn(
                ref, "deleted", _("Dokumen ini sudah dihapus di OpenSID; tidak dipindahkan.")
            )
            continue
        if str(row["enabled"] if "enabled" in columns else "1") == "0":
            issues.warn(
                ref,
                "enabled",
                _("Dokumen ini tidak aktif di OpenSID (tersembunyi); tidak dipindahkan ke DIP."),
            )
            continue
        personal = ("dok_warga" in columns and str(row["dok_warga"] or "0") == "1") or (
            "id_pend" in columns and str(row["id_pend"] or "0") not in ("0", "")
        )
        if personal:
            issues.warn(ref, "id_pend", _("Dokumen milik warga (data pribadi); tidak dipindahkan."))
            continue
        rows.append((ref, row))
    return rows


def _file(
    row: Any, ref: RowRef, folder: DesaFolder | None, issues: Issues
) -> tuple[bytes | None, str]:
    """(PDF bytes, link) of a document; a missing or refused file is a warning."""
    if str(row["tipe"] or "1") == "2":
        url = _text(row["url"])
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            issues.warn(ref, "url", _("Tautan dokumen tidak sah; dipindahkan tanpa tautan."))
            return None, ""
        return None, url[:200]
    name = posixpath.basename(_text(row["satuan"]))
    if not name:
        issues.warn(ref, "satuan", _("Dokumen tanpa berkas; dipindahkan tanpa berkas."))
        return None, ""
    if folder is None:
        issues.warn(
            ref,
            "satuan",
            _("Berkas “%(f)s” butuh zip folder desa; dipindahkan tanpa berkas.") % {"f": name},
        )
        return None, ""
    data = folder.read(f"upload/dokumen/{name}")
    if data is None:
        issues.warn(ref, "satuan", _("Berkas “%(f)s” tidak ada di zip folder desa.") % {"f": name})
        return None, ""
    try:
        inspect_file(_readable(data), allowed={PDF.mime})
    except UploadError as error:
        issues.warn(ref, "satuan", _("“%(f)s” dilewati: %(why)s") % {"f": name, "why": str(error)})
        return None, ""
    return data, ""


def _year(row: Any) -> int:
    text = _text(row["tahun"])
    if text.isdigit() and 1900 < int(text) < 2200:
        return int(text)
    moment = _when(row["tgl_upload"])
    return moment.year if moment else date.today().year


def _made_on(row: Any) -> date | None:
    moment = _when(row["tgl_upload"])
    return moment.date() if moment else None


def _attr(row: Any) -> dict[str, Any]:
    try:
        found = json.loads(_text(row["attr"]) or "null")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def plan_documents(backup: Backup, folder: DesaFolder | None, issues: Issues) -> DocumentsPlan:
    """Kategori 1: public information, by golongan."""
    plan = DocumentsPlan(counts=dict.fromkeys(PUBLIC_INFO.values(), 0))
    for ref, row in _rows(backup, issues, ("1",)):
        category = PUBLIC_INFO.get(str(row["kategori_info_publik"] or ""))
        if category is None:
            issues.warn(
                ref,
                "kategori_info_publik",
                _("Golongan informasi publik tidak dikenal; dipindahkan sebagai “setiap saat”."),
            )
            category = "setiap_saat"
        data, link = _file(row, ref, folder, issues)
        if category == "dikecualikan":
            issues.warn(
                ref,
                "kategori_info_publik",
                _(
                    "Informasi dikecualikan: isi dasar hukum dan uji konsekuensinya di DIP "
                    "Balai; berkasnya tidak dipindahkan."
                ),
            )
            data, link = None, ""
        plan.items.append(
            {
                "id": str(row["id"]),
                "title": _text(row["nama"])[:200],
                "category": category,
                "year": _year(row),
                "made_on": _made_on(row),
                "summary": "",
                "file": data,
                "link": link,
            }
        )
        plan.counts[category] = plan.counts.get(category, 0) + 1
    plan.counts["documents"] = len(plan.items)
    return plan


def plan_legal(backup: Backup, folder: DesaFolder | None, issues: Issues) -> DocumentsPlan:
    """Kategori 2 and 3: decrees and regulations, into the DIP as available at any time."""
    plan = DocumentsPlan()
    for ref, row in _rows(backup, issues, LEGAL_KINDS):
        attr = _attr(row)
        if str(row["kategori"]) == "2":
            number, day = _text(attr.get("no_kep_kades")), _text(attr.get("tgl_kep_kades"))
            kind = _("Keputusan Kepala Desa")
        else:
            number, day = _text(attr.get("no_ditetapkan")), _text(attr.get("tgl_ditetapkan"))
            kind = _text(attr.get("jenis_peraturan")) or _("Peraturan Desa")
        parts = [kind]
        if number:
            parts.append(_("Nomor %(n)s") % {"n": number})
        if day:
            parts.append(_("ditetapkan %(d)s") % {"d": day})
        summary = ", ".join(parts) + "."
        if _text(attr.get("uraian")):
            summary += " " + _text(attr.get("uraian"))
        data, link = _file(row, ref, folder, issues)
        plan.items.append(
            {
                "id": str(row["id"]),
                "title": _text(row["nama"])[:200],
                "category": "setiap_saat",
                "year": _year(row),
                "made_on": _made_on(row),
                "summary": summary,
                "file": data,
                "link": link,
            }
        )
    plan.counts["legal"] = len(plan.items)
    return plan


def write_documents(village: Any, plan: DocumentsPlan, stored: Any) -> dict[str, int]:
    """Inside the caller's transaction. A kelurahan has no PPID Desa: nothing is written."""
    from balai.disclosure.models import DipItem

    if not plan.items:
        return {"added": 0, "updated": 0}
    if village.is_kelurahan:
        return {"added": 0, "updated": 0, "skipped": len(plan.items)}
    done = moved_ids(village, "dokumen")
    added = updated = 0
    for item in plan.items:
        found = None
        if item["id"] in done:
            found = DipItem.objects.for_village(village).filter(pk=done[item["id"]]).first()
        if found is None:
            found = DipItem(village=village)
            added += 1
        else:
            updated += 1
        found.title, found.category, found.year = item["title"], item["category"], item["year"]
        found.made_on, found.summary, found.link = item["made_on"], item["summary"], item["link"]
        if item["file"] is not None and not found.file:
            found.file.save("dokumen.pdf", ContentFile(item["file"]), save=False)
            stored.names.append(found.file.name or "")
        if found.is_exempt:
            found.file, found.page_name, found.link = "", "", ""
        found.save()
        _remember_one(village, "dokumen", item["id"], found.pk)
    return {"added": added, "updated": updated}


# The legal acts go the same way for now; the lead redirects `write_legal` to the legal register.
write_legal = write_documents
