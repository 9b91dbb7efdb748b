"""Whether a read replica may serve a public page (lib/dbrouter.py, DATABASE_REPLICA_FRESHNESS).

A village page: the replica must have replayed the village's `content_version` that the routing
middleware read from the primary — the version the page is cached and labelled under. The bump is
in the same transaction as the content, so the replica then holds every change of that version.
A district page (no village): the replica must have every village and at least the primary's
sum of their versions, i.e. it has replayed every publish the primary has committed.
"""

from __future__ import annotations

from django.db.models import Count, Sum
from django.http import HttpRequest

from balai.villages.models import Village


def replica_is_current(alias: str, request: HttpRequest) -> bool:
    village = getattr(request, "village", None)
    if village is not None and village.pk:
        found = list(
            Village.objects.using(alias)
            .filter(pk=village.pk)
            .order_by()  # no join for the default ordering: one row by its key
            .values_list("content_version", flat=True)
        )
        return bool(found) and found[0] >= village.content_version
    primary, replica = _district_mark("default"), _district_mark(alias)
    return replica[0] == primary[0] and replica[1] >= primary[1]


def _district_mark(alias: str) -> tuple[int, int]:
    """How many villages there are and the sum of their content versions (which only grow)."""
    mark = Village.objects.using(alias).aggregate(n=Count("pk"), versions=Sum("content_version"))
    return mark["n"], mark["versions"] or 0
