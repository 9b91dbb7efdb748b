"""Checks between the rows of a register file: duplicate NIKs, families without a head or with
two, and the ages of parents and children.

Every check is keyed by row, never by NIK: a NIK that appears twice is reported once, on the
later row, naming the first; every other check uses the first row with that NIK, so a duplicate
cannot lend its birth date to anybody else's check.

Parents and children, from SIAK practice:

- In the KK, SHDK 4 "ANAK" is a child of the family head (their own, adopted or a stepchild);
  `ayah_nik` and `ibu_nik` copy the parents from the birth certificate.
- Real registers name people there who are not the birth parents: a father's second wife is
  often entered as the mother of his children from the first marriage (about 1 row in 1,000 of
  a large OpenSID register), so a "mother" younger than her "child" is a fact of the data, not
  an error in the file. Stepchildren are ANAK too, and may be close in age to the head. Parents
  recorded as only 6 to 9 years older than their children occur in valid registers (the shared
  OpenSID reference has eleven), and a birth date known only by its year is entered as 1 January
  or 31 December, which can put a parent and a child within a year of each other.
- What cannot be true is a family head recorded as the father or mother of their own ANAK and
  born more than a year after that child: one of the two birth dates is wrong, and the age
  statistics would be too. That row is refused, naming both rows.
- Anything else that looks odd — a named parent younger than the child or less than 10 years
  older, a child older than a head who is not named as its parent — is imported with a warning
  in the report, for the village to look at.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from balai.imports.registry import Issues, row_label
from balai.population.import_rows import I, ResidentRow

HEAD, CHILD, ALIVE = 1, 4, 1
MIN_PARENT_AGE = 10  # years: a named parent less older than this is worth a warning
IMPOSSIBLE = 1  # full years a head named as the parent of their own ANAK was born after it
NIK, BIRTH, RELATION, STATUS = I["nik"], I["birth_date"], I["family_relation"], I["status"]
PARENTS = (("ayah_nik", I["father_nik"]), ("ibu_nik", I["mother_nik"]))


@dataclass(frozen=True)
class Messages:
    duplicate: str
    no_head: str
    two_heads: str
    head_younger: str
    head_born_close: str
    head_too_young: str
    parent_younger: str
    parent_too_young: str
    older_than_head: str
    father: str
    mother: str

    @classmethod
    def make(cls) -> Messages:
        return cls(
            duplicate=_("NIK sama dengan baris %(n)s."),
            no_head=_("Keluarga ini tidak punya kepala keluarga."),
            two_heads=_("Keluarga ini sudah punya kepala keluarga di baris %(n)s."),
            head_younger=_(
                "Anak ini lebih dari setahun lebih tua dari kepala keluarga (baris %(n)s), yang "
                "tercatat sebagai %(role)s anak ini. Periksa tanggal lahir keduanya."
            ),
            head_born_close=_(
                "Kepala keluarga (baris %(n)s) tercatat sebagai %(role)s anak ini, tetapi lahir "
                "sesudahnya (kurang dari setahun). Tetap diimpor; periksa tanggal lahir keduanya."
            ),
            head_too_young=_(
                "Kepala keluarga (baris %(n)s) tercatat sebagai %(role)s anak ini, tetapi hanya "
                "%(years)s tahun lebih tua. Tetap diimpor; periksa tanggal lahir keduanya."
            ),
            parent_younger=_(
                "Orang tua yang disebut di sini (baris %(n)s) lebih muda dari anak ini, mis. "
                "ibu atau ayah tiri. Tetap diimpor."
            ),
            parent_too_young=_(
                "Orang tua yang disebut di sini (baris %(n)s) hanya %(years)s tahun lebih tua "
                "dari anak ini. Tetap diimpor."
            ),
            older_than_head=_(
                "Anak lebih tua dari kepala keluarganya (baris %(n)s), mis. anak tiri. "
                "Tetap diimpor."
            ),
            father=_("ayah"),
            mother=_("ibu"),
        )


def years_between(older: str, younger: str) -> int:
    """Full years from one yyyy-mm-dd date to another (negative when `older` is later)."""
    years = int(younger[:4]) - int(older[:4])
    return years - 1 if younger[5:] < older[5:] else years


def check_across(
    rows: list[ResidentRow], issues: Issues, *, headed: Iterable[str], file_checked: bool = False
) -> None:
    """`headed`: families whose living head is registered already and is not in this file.
    `file_checked`: the rows passed these checks at the dry run (the write reuses them), so
    only what depends on the register is checked again: a family without a head."""
    m = Messages.make()
    first: dict[str, ResidentRow] = {}
    families: dict[str, list[ResidentRow]] = defaultdict(list)
    for row in rows:
        number = row.values[NIK]
        if number and number != "0" and not file_checked:
            earlier = first.get(number)
            if earlier is None:
                first[number] = row
            else:
                issues.error(row.ref, "nik", m.duplicate % {"n": row_label(earlier.ref)})
        if row.family:
            families[row.family].append(row)
    headed = set(headed)
    for number, members in families.items():
        heads = [r for r in members if r.values[RELATION] == HEAD and r.values[STATUS] == ALIVE]
        if not heads and number not in headed:
            issues.error(members[0].ref, "kk_level", m.no_head)
        if file_checked:
            continue
        for extra in heads[1:]:
            issues.error(extra.ref, "kk_level", m.two_heads % {"n": row_label(heads[0].ref)})
        head = heads[0] if heads else None
        for row in members:
            if row.values[BIRTH] and row is not head:
                _parents(row, head, first, issues, m)


def _parents(
    row: ResidentRow,
    head: ResidentRow | None,
    first: dict[str, ResidentRow],
    issues: Issues,
    m: Messages,
) -> None:
    birth = row.values[BIRTH]
    head_named = False
    for column, index in PARENTS:
        parent = first.get(row.values[index]) if row.values[index] else None
        if parent is None or parent is row or not parent.values[BIRTH]:
            continue
        own_child = parent is head and row.values[RELATION] == CHILD
        head_named = head_named or own_child
        years = years_between(parent.values[BIRTH], birth)
        if years >= MIN_PARENT_AGE:
            continue
        role = m.father if column == "ayah_nik" else m.mother
        values = {"n": row_label(parent.ref), "role": role, "years": years}
        younger = birth < parent.values[BIRTH]
        if own_child and years_between(birth, parent.values[BIRTH]) >= IMPOSSIBLE:
            issues.error(row.ref, column, m.head_younger % values)
        elif own_child:
            message = m.head_born_close if younger else m.head_too_young
            issues.warn(row.ref, column, message % values)
        else:
            message = m.parent_younger if younger else m.parent_too_young
            issues.warn(row.ref, column, message % values)
    if (
        head is not None
        and not head_named
        and row.values[RELATION] == CHILD
        and head.values[BIRTH]
        and birth < head.values[BIRTH]
    ):
        issues.warn(row.ref, "tanggallahir", m.older_than_head % {"n": row_label(head.ref)})
