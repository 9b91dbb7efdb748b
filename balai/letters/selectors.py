"""Reading letters and templates: the template a village uses, the archive, the PDF, the
district's monthly counts (counts only: no names)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from balai.letters.models import (
    Letter,
    LetterSettings,
    LetterType,
    LocalTemplate,
    LocalVersion,
    TemplateVersion,
)
from balai.population.models import Resident
from balai.villages.models import Village

RESIDENT_MATCHES = 2000


@dataclass
class ActiveTemplate:
    """The version a village issues a letter type from: the district's current one, or the
    latest of the village's local copy."""

    letter_type: LetterType
    version: TemplateVersion | LocalVersion
    local: bool

    @property
    def key(self) -> str:
        return self.letter_type.key

    @property
    def title(self) -> str:
        return self.version.title

    @property
    def fields(self) -> list[dict[str, Any]]:
        return list(self.version.fields)


def village_templates(village: Village) -> list[ActiveTemplate]:
    """Every letter type the village can issue, in the district's order (three queries)."""
    types = list(LetterType.objects.filter(current__isnull=False).select_related("current"))
    locals_ = {
        local.letter_type_id: local
        for local in LocalTemplate.objects.for_village(village).filter(active=True)
    }
    latest: dict[int, LocalVersion] = {}
    if locals_:
        versions = LocalVersion.objects.filter(local__in=locals_.values()).order_by("-number")
        for version in versions:
            latest.setdefault(version.local_id, version)
    found = []
    for letter_type in types:
        local = locals_.get(letter_type.pk)
        if local and local.pk in latest:
            found.append(ActiveTemplate(letter_type, latest[local.pk], True))
        else:
            assert letter_type.current is not None
            found.append(ActiveTemplate(letter_type, letter_type.current, False))
    return found


def active_template(village: Village, key: str) -> ActiveTemplate | None:
    return next((t for t in village_templates(village) if t.key == key), None)


def letter_settings(village: Village) -> LetterSettings:
    found = LetterSettings.objects.filter(village=village).first()
    return found or LetterSettings(village=village)


def archive(
    village: Village,
    *,
    q: str = "",
    key: str = "",
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> QuerySet[Letter]:
    """The village's letters, newest first, by number or resident name, type and date."""
    qs = Letter.objects.for_village(village).defer("values", "data", "text")
    if q and any(c.isdigit() for c in q):
        # A number (or its start) as a range, so the (village, number) index answers it.
        qs = qs.filter(number__gte=q, number__lt=q + "\U0010ffff")
    elif q:
        # Through the register (a village's thousands of residents, not its hundred thousand
        # letters), then the letters' resident key; the capitalised key alone for letters whose
        # resident row is gone.
        people = Resident.objects.for_village(village).filter(name__icontains=q)
        ids = list(people.values_list("pk", flat=True)[:RESIDENT_MATCHES])
        qs = qs.filter(
            Q(resident_id__in=ids) | Q(resident__isnull=True, resident_key__contains=q.upper())
        )
    if key:
        qs = qs.filter(letter_type__key=key)
    if start:
        qs = qs.filter(issued_on__gte=start)
    if end:
        qs = qs.filter(issued_on__lte=end)
    return qs.order_by("-issued_on", "-id")


def archive_page(qs: QuerySet[Letter], number: int, size: int = 50) -> tuple[list[Letter], bool]:
    """One page of the archive and whether another follows: no COUNT over a village's
    hundred thousand letters."""
    start = (max(number, 1) - 1) * size
    rows = list(qs[start : start + size + 1])
    return rows[:size], len(rows) > size


def letter_pdf(letter: Letter) -> bytes:
    """The PDF as issued (for the dashboard, and for the online-requests module)."""
    with letter.pdf.open("rb") as stored:
        return stored.read()


def monthly_counts(year: int) -> list[dict[str, Any]]:
    """Letters issued per village, month and type in a year: counts only."""
    rows = (
        Letter.objects.filter(issued_on__year=year)
        .annotate(month=TruncMonth("issued_on"))
        .values("village_id", "month", "letter_type__key")
        .annotate(n=Count("id"))
        .order_by("village_id", "month", "letter_type__key")
    )
    return [dict(row) for row in rows]
