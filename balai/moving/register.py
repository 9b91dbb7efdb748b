"""The register's move: OpenSID's wilayah, families, residents, households and mutation log into
Balai's population register.

Residents go through the very rules of the register import (`population.import_rows.RowRules`:
OpenSID's codes are SIAK's, as Balai's are, and a code outside the lists is refused by row and
column), its checks between rows, its compare and its write: a resident moved from OpenSID is
exactly what the same person imported from OpenSID's spreadsheet would be. A problem names the
OpenSID table and row id ("tweb_penduduk 321, kolom nik").

What the move adds: the OpenSID ids kept in `MovedItem` (a second run updates, never
duplicates), households (`tweb_rtm`) with their members, and `log_penduduk` as register events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from balai.imports.registry import Changes, Issues, RowRef
from balai.moving.models import MovedItem
from balai.moving.opensid import Backup
from balai.population import codes, import_write
from balai.population.bulk import rows_insert
from balai.population.import_across import check_across
from balai.population.import_rows import COLUMNS, I, ResidentRow, RowRules
from balai.population.models import Area, Family, Household, Resident, ResidentEvent

SOURCE = "opensid"
# What is taken from the joined family and RT rows instead of the resident's own row.
_JOINED = {"alamat": "_alamat", "dusun": "_dusun", "rw": "_rw", "rt": "_rt", "no_kk": "_no_kk"}
_PLACEHOLDER = {"", "-", "0"}


@dataclass
class RegisterPlan:
    rows: list[ResidentRow]
    source_ids: list[int]  # OpenSID tweb_penduduk.id of each row
    issues: Issues
    changes: Changes
    households: list[dict[str, Any]] = field(default_factory=list)
    members: list[tuple[int, str, Any]] = field(default_factory=list)  # (resident, rtm, level)
    family_ids: dict[str, str] = field(default_factory=dict)  # OpenSID id → No. KK
    area_ids: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id → RT
    events: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("0000-00-00"):
        return None  # MySQL's zero date: no date
    return value


def _place(value: Any) -> str:
    text = str(value or "").strip()
    return "" if text in _PLACEHOLDER else text


def _date(value: Any) -> str | None:
    text = str(value or "")[:10]
    if not text or text.startswith("0000"):
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _key(values: list[Any], family: str) -> tuple[Any, ...]:
    number = values[I["nik"]]
    name = values[I["name"]] or ""
    return (number,) if number != "0" else ("0", family, name.upper(), values[I["birth_date"]])


def plan_register(
    backup: Backup, village: Any, today: date, issues: Issues | None = None, compare: bool = True
) -> RegisterPlan:
    """Every resident through the register's rules; problems go to `issues`. `compare`: also
    compare with the village's register (the pipeline asks for it as its own step)."""
    staged = backup.staged
    rules = RowRules(region_digits=village.region.digits, today=today)
    issues = issues if issues is not None else Issues()
    rows: list[ResidentRow] = []
    source_ids: list[int] = []
    members: list[tuple[int, str, Any]] = []
    query = (
        "SELECT p.*, k.no_kk AS _no_kk, k.alamat AS _alamat, c.dusun AS _dusun, c.rw AS _rw, "
        "c.rt AS _rt FROM tweb_penduduk p LEFT JOIN tweb_keluarga k ON k.id = p.id_kk "
        "LEFT JOIN tweb_wil_clusterdesa c ON c.id = p.id_cluster ORDER BY p.id"
    )
    cursor = staged.connection.cursor()
    cursor.row_factory = None  # plain tuples: a sqlite3.Row finds a name by scanning them all
    cursor.execute(query)
    index = {d[0]: i for i, d in enumerate(cursor.description)}
    # Where each of the register's columns comes from, worked out once for all rows.
    sources = [
        (index[_JOINED[c]], _place if c in ("dusun", "rw", "rt") else None)
        if c in _JOINED
        else (index[c], _cell)
        if c in index
        else (-1, None)
        for c in COLUMNS
    ]
    pk, rtm, rtm_level = index["id"], index["id_rtm"], index["rtm_level"]
    for record in cursor:
        cells: list[Any] = [
            None if i < 0 else (convert(record[i]) if convert else record[i])
            for i, convert in sources
        ]
        ref: RowRef = (1, "tweb_penduduk", int(record[pk]))
        rows.append(rules(ref, cells, issues))
        source_ids.append(int(record[pk]))
        if record[rtm] not in (None, "", "0", 0):
            members.append((int(record[pk]), str(record[rtm]), record[rtm_level]))
    check_across(rows, issues, headed=set(), file_checked=False)
    _check_taken(village, rows, source_ids, issues)
    changes = (
        import_write.compare(village, rows) if compare and not issues.has_errors() else Changes()
    )
    plan = RegisterPlan(rows, source_ids, issues, changes)
    plan.households = _households(backup)
    plan.members = members
    plan.family_ids = {str(r["id"]): str(r["no_kk"] or "") for r in staged.rows("tweb_keluarga")}
    plan.area_ids = {
        str(r["id"]): (_place(r["dusun"]), _place(r["rw"]), _place(r["rt"]))
        for r in staged.rows("tweb_wil_clusterdesa")
        if _place(r["dusun"]) and _place(r["rw"]) and _place(r["rt"])
    }
    plan.events = _events(backup, issues)
    plan.counts = {
        "areas": len(set(plan.area_ids.values()) | {r.area for r in rows if r.area}),
        "families": len({r.family for r in rows}),
        "residents": len(rows),
        "alive": sum(1 for r in rows if r.values[I["status"]] == Resident.ALIVE),
        "households": len(plan.households),
        "events": len(plan.events),
    }
    heads = staged.count("tweb_wil_clusterdesa", "id_kepala IS NOT NULL AND id_kepala > 0")
    if heads:
        plan.notes.append(
            _(
                "%(n)s ketua wilayah (kepala dusun, ketua RW/RT) tidak dipindahkan: register "
                "Balai belum mencatat ketua wilayah."
            )
            % {"n": heads}
        )
    return plan


def _check_taken(
    village: Any, rows: list[ResidentRow], source_ids: list[int], issues: Issues
) -> None:
    """A NIK that belongs to another resident of the village (not the one an earlier move of
    this same OpenSID row made) is refused: the move never overwrites someone else."""
    niks = {r.values[I["nik"]] for r in rows if r.values[I["nik"]] not in ("0", None, "")}
    if not niks:
        return
    holders = dict(
        Resident.objects.for_village(village).filter(nik__in=niks).values_list("nik", "pk")
    )
    if not holders:
        return
    moved = {
        int(pk): source
        for source, pk in MovedItem.objects.for_village(village)
        .filter(source=SOURCE, kind="penduduk")
        .values_list("source_id", "object_id")
    }
    for row, source_id in zip(rows, source_ids, strict=True):
        holder = holders.get(row.values[I["nik"]])
        if holder is not None and moved.get(holder) != str(source_id):
            issues.error(
                row.ref,
                "nik",
                _(
                    "NIK ini sudah dipakai penduduk lain di register desa ini. Periksa dan "
                    "perbaiki salah satunya."
                ),
            )


def _households(backup: Backup) -> list[dict[str, Any]]:
    staged = backup.staged
    if "tweb_rtm" not in staged.summary.tables:
        return []
    return [
        {"id": str(row["no_kk"]), "number": str(row["no_kk"] or "")[:30], "head": row["nik_kepala"]}
        for row in staged.rows("tweb_rtm")
        if row["no_kk"]
    ]


def _events(backup: Backup, issues: Issues) -> list[dict[str, Any]]:
    staged = backup.staged
    if "log_penduduk" not in staged.summary.tables:
        return []
    known = {int(r[0]) for r in staged.connection.execute("SELECT id FROM tweb_penduduk")}
    columns = set(staged.summary.tables["log_penduduk"].columns)
    events = []
    for row in staged.rows("log_penduduk"):
        ref: RowRef = (2, "log_penduduk", int(row["id"]))
        kind = row["kode_peristiwa"]
        if row["id_pend"] not in known:
            issues.warn(ref, "id_pend", _("Penduduk yang dicatat tidak ada; baris dilewati."))
            continue
        if kind not in ResidentEvent.Kind.values:
            issues.warn(
                ref,
                "kode_peristiwa",
                _("Jenis peristiwa %(k)s tidak dikenal; dilewati.") % {"k": kind},
            )
            continue
        happened = _date(row["tgl_peristiwa"]) or _date(row["tgl_lapor"])
        if happened is None:
            issues.warn(ref, "tgl_peristiwa", _("Tanggal peristiwa kosong; baris dilewati."))
            continue

        def text(column: str, limit: int, record: Any = row) -> str:
            return str(record[column] or "")[:limit] if column in columns else ""

        cause = row["sebab"] if "sebab" in columns else None
        level = row["ref_pindah"] if "ref_pindah" in columns else None
        events.append(
            {
                "id": str(row["id"]),
                "resident": int(row["id_pend"]),
                "kind": int(kind),
                "event_date": happened,
                "report_date": _date(row["tgl_lapor"]) or happened,
                "place": text("meninggal_di", 120),
                "cause": _code("sebab_kematian", cause),
                "move_level": _code("jenis_pindah", level),
                "destination": text("alamat_tujuan", 200),
                "note": text("catatan", 200),
            }
        )
    return events


def _code(name: str, value: Any) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if codes.label(name, number) else None


def write_register(village: Any, plan: RegisterPlan, user: Any) -> dict[str, int]:
    """Inside the caller's transaction."""
    # Every RT of OpenSID's wilayah, those without residents too.
    known = {(a.dusun, a.rw, a.rt) for a in Area.objects.for_village(village)}
    wanted = {(d, w, _pad(t)) for d, w, t in plan.area_ids.values()}
    Area.objects.bulk_create(
        [Area(village=village, dusun=d[:60], rw=w[:10], rt=t[:10]) for d, w, t in wanted - known]
    )
    written = import_write.write(village, plan.rows, plan.changes)
    residents = _map_residents(village, plan)
    _map_families_and_areas(village, plan)
    written["households"] = _write_households(village, plan, residents)
    written["events"] = _write_events(village, plan, residents, user)
    return written


def _remember(village: Any, kind: str, pairs: dict[str, int]) -> None:
    known = dict(
        MovedItem.objects.for_village(village)
        .filter(source=SOURCE, kind=kind)
        .values_list("source_id", "object_id")
    )
    # COPY on PostgreSQL: a big register maps 200,000 rows here (bulk_create took seconds).
    rows_insert(
        MovedItem,
        ["village_id", "source", "kind", "source_id", "object_id"],
        [(village.pk, SOURCE, kind, s, o) for s, o in pairs.items() if s not in known],
    )
    changed = [s for s, o in pairs.items() if s in known and known[s] != o]
    for source_id in changed:
        MovedItem.objects.for_village(village).filter(
            source=SOURCE, kind=kind, source_id=source_id
        ).update(object_id=pairs[source_id])


def _map_residents(village: Any, plan: RegisterPlan) -> dict[int, int]:
    """OpenSID resident id → Balai resident pk."""
    by_key: dict[tuple[Any, ...], int] = {}
    for pk, nik, family, name, birth in Resident.objects.for_village(village).values_list(
        "pk", "nik", "family__number", "name", "birth_date"
    ):
        values: list[Any] = [None] * len(I)
        values[I["nik"]], values[I["name"]] = nik, name
        values[I["birth_date"]] = birth.isoformat() if birth else None
        by_key[_key(values, family)] = pk
    pairs: dict[int, int] = {}
    for row, source_id in zip(plan.rows, plan.source_ids, strict=True):
        found = by_key.get(_key(row.values, row.family))
        if found is not None:
            pairs[source_id] = found
    _remember(village, "penduduk", {str(k): v for k, v in pairs.items()})
    return pairs


def _map_families_and_areas(village: Any, plan: RegisterPlan) -> None:
    families = dict(Family.objects.for_village(village).values_list("number", "pk"))
    _remember(
        village,
        "keluarga",
        {s: families[n] for s, n in plan.family_ids.items() if n in families},
    )
    areas = {(a.dusun, a.rw, _pad(a.rt)): a.pk for a in Area.objects.for_village(village)}
    _remember(
        village,
        "wilayah",
        {
            s: areas[(d, w, _pad(t))]
            for s, (d, w, t) in plan.area_ids.items()
            if (d, w, _pad(t)) in areas
        },
    )


def _pad(text: str) -> str:
    return text.zfill(3) if text.isdigit() else text


def _write_households(village: Any, plan: RegisterPlan, residents: dict[int, int]) -> int:
    if not plan.households:
        return 0
    areas = dict(
        Resident.objects.for_village(village)
        .filter(pk__in=residents.values())
        .values_list("pk", "area_id")
    )
    known = {h.number: h for h in Household.objects.for_village(village)}
    pairs: dict[str, int] = {}
    for household in plan.households:
        head = residents.get(int(household["head"] or 0))
        area_id = areas.get(head) if head else None
        found = known.get(household["number"])
        if found is None:
            found = Household.objects.create(
                village=village, number=household["number"], area_id=area_id
            )
        elif found.area_id != area_id and area_id is not None:
            found.area_id = area_id
            found.save(update_fields=["area"])
        pairs[household["id"]] = found.pk
    for source_id, household_id, level in plan.members:
        pk = residents.get(source_id)
        if pk is not None and household_id in pairs:
            Resident.objects.for_village(village).filter(pk=pk).update(
                household_id=pairs[household_id],
                household_relation=_code("hubungan_rumah_tangga", level),
            )
    _remember(village, "rtm", pairs)
    return len(pairs)


def _write_events(village: Any, plan: RegisterPlan, residents: dict[int, int], user: Any) -> int:
    done = set(
        MovedItem.objects.for_village(village)
        .filter(source=SOURCE, kind="log_penduduk")
        .values_list("source_id", flat=True)
    )
    new: list[ResidentEvent] = []
    ids: list[str] = []
    for event in plan.events:
        if event["id"] in done or event["resident"] not in residents:
            continue
        new.append(
            ResidentEvent(
                village=village,
                resident_id=residents[event["resident"]],
                kind=event["kind"],
                event_date=date.fromisoformat(event["event_date"]),
                report_date=date.fromisoformat(event["report_date"]),
                place=event["place"],
                cause=event["cause"],
                move_level=event["move_level"],
                destination=event["destination"],
                note=event["note"],
                recorded_by=user if getattr(user, "pk", None) else None,
            )
        )
        ids.append(event["id"])
    created = ResidentEvent.objects.bulk_create(new, batch_size=1000)
    _remember(village, "log_penduduk", {i: e.pk for i, e in zip(ids, created, strict=True)})
    return len(created)
