"""The village government as an organisation chart (SOTK, Permendagri 84/2015): the Kepala Desa
at the top; under them the Sekretariat (the Sekretaris Desa with the Kaur), the technical
implementers (the Kasi) and the territorial ones (the Kepala Dusun); anyone else as staff.

Officials carry free-text positions, so each is placed by the words of its position. The chart
is a tree of nodes that the government page renders as nested lists: the list *is* the chart
(styled boxes and lines with CSS), so a screen reader reads the same structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from balai.villages.models import Official
from balai.villages.selectors import is_head_of_village

SECRETARY_WORDS = ("sekretaris desa", "sekdes", "carik", "sekretaris")
KAUR_WORDS = ("kaur", "kepala urusan")
KASI_WORDS = ("kasi", "kepala seksi")
DUSUN_WORDS = ("kadus", "kepala dusun", "kepala kewilayahan", "bau", "kamituwo")


@dataclass
class OrgNode:
    """A box on the chart: an official, or a group label (`official` None) such as
    "Pelaksana teknis"."""

    label: StrOrPromise
    official: Official | None = None
    children: list[OrgNode] = field(default_factory=list)


def _has(position: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{word}\b", position.lower()) for word in words)


def _person(official: Official) -> OrgNode:
    return OrgNode(official.position, official)


def government_chart(officials: list[Official]) -> OrgNode | None:
    """The chart of `officials` (in their dashboard order), None when there are none."""
    if not officials:
        return None
    head = next((o for o in officials if is_head_of_village(o)), None)
    secretary: Official | None = None
    kaur, kasi, dusun, staff = [], [], [], []
    for official in officials:
        if official is head:
            continue
        position = official.position
        if _has(position, KAUR_WORDS):
            kaur.append(_person(official))
        elif _has(position, KASI_WORDS):
            kasi.append(_person(official))
        elif _has(position, DUSUN_WORDS):
            dusun.append(_person(official))
        elif secretary is None and _has(position, SECRETARY_WORDS):
            secretary = official
        else:
            staff.append(_person(official))
    root = _person(head) if head else OrgNode(_("Pemerintah Desa"))
    if secretary is not None:
        root.children.append(OrgNode(secretary.position, secretary, kaur))
    elif kaur:
        root.children.append(OrgNode(_("Sekretariat desa"), None, kaur))
    if kasi:
        root.children.append(OrgNode(_("Pelaksana teknis"), None, kasi))
    if dusun:
        root.children.append(OrgNode(_("Pelaksana kewilayahan"), None, dusun))
    if staff:
        root.children.append(OrgNode(_("Staf dan lainnya"), None, staff))
    return root
