"""The SIAK/Dukcapil code lists the register stores (data/codes.json, copied from the project's
reference enumerations), with choices for model fields and a forgiving label → code lookup for
imports ("l", "LK", "Laki-laki" and "1" all mean code 1 of jenis_kelamin)."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "codes.json"

# The usual abbreviations found in village spreadsheets, per list.
ALIASES: dict[str, dict[str, int]] = {
    "jenis_kelamin": {"L": 1, "LK": 1, "LAKI": 1, "PRIA": 1, "P": 2, "PR": 2, "WANITA": 2},
    "agama": {"KATOLIK": 3, "BUDDHA": 5, "KONGHUCU": 6, "KEPERCAYAAN": 7},
    "status_perkawinan": {"BELUM": 1, "BK": 1, "K": 2, "CH": 3, "CM": 4},
    "hubungan_dalam_keluarga_shdk": {"KK": 1, "KEPALA": 1, "ISTERI": 3, "ORANG TUA": 7},
    "kewarganegaraan": {"INDONESIA": 1},
    "golongan_darah": {"-": 13, "TIDAK TAHU": 13, "TDK TAHU": 13},
    "status_kehamilan": {"YA": 1, "TIDAK": 2},
    "status_dasar": {"MENINGGAL": 2},
}


@cache
def _lists() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))["lists"]


def _values(name: str) -> list[tuple[int, str]]:
    if name == "status_rekam_ktp_el":
        # The register stores the SIAK record-status number (1–8), not the row id.
        return sorted((int(v["status_rekam"]), v["nama"]) for v in _lists()[name]["values"])
    if name == "suku":
        return [(v["id"], v["suku"]) for v in _lists()[name]["values"]]
    return [(v["id"], v["nama"]) for v in _lists()[name]["values"]]


@cache
def choices(name: str) -> list[tuple[int, str]]:
    """[(code, label)] in code order, for a model field's `choices`."""
    return _values(name)


def label(name: str, code: int | None) -> str:
    return dict(choices(name)).get(code, "") if code is not None else ""


def normalise(text: str) -> str:
    text = re.sub(r"\s*([/.-])\s*", r"\1", str(text).strip().upper())
    return re.sub(r"\s+", " ", text)


@cache
def lookup(name: str) -> dict[str, int]:
    table = {normalise(lab): code for code, lab in _values(name)}
    table.update({str(code): code for code, _lab in _values(name)})
    table.update(ALIASES.get(name, {}))
    return table


def parse(name: str, value: object) -> int | None:
    """The code for a cell (a number, a code as text or a label in any case), or None when the
    cell does not name one of the list's codes. Raises nothing: callers report the row."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _parse_text(name, str(value))


@lru_cache(maxsize=8192)
def _parse_text(name: str, text: str) -> int | None:
    # Cells repeat endlessly in a register (ISLAM, KAWIN, 1): each spelling is looked up once.
    return lookup(name).get(normalise(text))


def titles(name: str) -> list[tuple[int, str]]:
    """The raw labels as the official lists spell them (for the import template's second sheet)."""
    return _values(name)
