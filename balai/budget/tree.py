"""The Permendagri 20/2018 account tree: loading it from the CSV the project carries, and a
per-process index of it (411 rows that never change between deploys)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).parent / "data" / "apbdes_accounts.csv"

# Income accounts → the source of funds they bring (Siskeudes codes); longest prefix wins.
INCOME_SOURCES = [
    ("4.1", "PAD"),
    ("4.2.1", "DDS"),
    ("4.2.2", "PBH"),
    ("4.2.3", "ADD"),
    ("4.2.4", "PBP"),
    ("4.2.5", "PBK"),
    ("4.3", "LAIN"),
]
BIDANG_SHORT = {
    "1": _("Pemerintahan Desa"),
    "2": _("Pembangunan Desa"),
    "3": _("Pembinaan Kemasyarakatan"),
    "4": _("Pemberdayaan Masyarakat"),
    "5": _("Bencana, Darurat dan Mendesak"),
}


def accounts_rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def accounts_load(account_model=None) -> int:
    """Create or update every account (key: axis, code). Takes the model so a data migration
    can pass its historical one. Returns the number of rows."""
    if account_model is None:
        from balai.budget.models import Account as account_model
    rows = accounts_rows()
    existing = {(a.axis, a.code): a for a in account_model.objects.all()}
    for row in rows:  # parents come before children in the file
        key = (row["axis"], row["code"])
        parent = existing.get((row["axis"], row["parent"])) if row["parent"] else None
        account = existing.get(key)
        if account is None:
            account = account_model(axis=row["axis"], code=row["code"])
        account.name, account.level, account.parent = row["name"], row["level"], parent
        account.save()
        existing[key] = account
    account_index_clear()
    return len(rows)


@dataclass(frozen=True)
class Node:
    id: int
    axis: str
    code: str
    name: str
    level: str
    parent: str


_INDEX: dict[tuple[str, str], Node] = {}


def account_index() -> dict[tuple[str, str], Node]:
    """Every account by (axis, code), read once per process (kept only once it is loaded)."""
    if not _INDEX:
        from balai.budget.models import Account

        rows = Account.objects.values_list("id", "axis", "code", "name", "level", "parent__code")
        _INDEX.update({(r[1], r[2]): Node(r[0], r[1], r[2], r[3], r[4], r[5] or "") for r in rows})
    return _INDEX


def account_index_clear() -> None:
    _INDEX.clear()


def node(axis: str, code: str) -> Node | None:
    return account_index().get((axis, code))


def account_name(axis: str, code: str) -> str:
    found = node(axis, code)
    return found.name if found else code


def ancestors(code: str) -> list[str]:
    """'2.3.10' → ['2', '2.3', '2.3.10']."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def income_source(account_code: str) -> str:
    best = ""
    for prefix, source in INCOME_SOURCES:
        if account_code == prefix or account_code.startswith(prefix + "."):
            if len(prefix) > len(best.split("|")[0]):
                best = f"{prefix}|{source}"
    return best.split("|")[1] if best else "LAIN"


def line_kind(account_code: str) -> str:
    if account_code.startswith("4"):
        return "income"
    if account_code.startswith("5"):
        return "spending"
    if account_code.startswith("6.1"):
        return "fin_in"
    return "fin_out"
