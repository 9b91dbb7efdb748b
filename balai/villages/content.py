"""The one way a village's public pages learn that something on them changed.

Every cached anonymous page of a village is keyed by the village's `content_version`
(villages/cache.py), and district pages by the district version. `content_changed(village)` bumps
both, once per village per transaction, after it commits: a page cached between the write and
the commit would otherwise keep the old content. Models whose rows appear on public pages set
`public_content = True` (see `VillageOwned`); saving or deleting one calls this through the
signal handlers below, so a service never has to remember. Bulk writes (`bulk_create`,
`QuerySet.update`, imports) send no signals and call `content_changed` themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

if TYPE_CHECKING:
    from balai.villages.models import Village


class _Bump:
    """An on-commit callback that compares equal for the same village, so a transaction that
    changes a village a thousand times bumps its version once."""

    def __init__(self, village_id: int) -> None:
        self.village_id = village_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Bump) and other.village_id == self.village_id

    def __hash__(self) -> int:
        return hash(self.village_id)

    def __call__(self) -> None:
        _version_bump(self.village_id)


def _version_bump(village_id: int) -> None:
    from balai.villages.cache import district_version_bump
    from balai.villages.models import Village

    Village.objects.filter(pk=village_id).update(content_version=F("content_version") + 1)
    district_version_bump()


def content_changed(village: Village | int | None, *, using: str | None = None) -> None:
    """A village's public content changed: bump its version (and the district's) on commit."""
    if village is None:
        return
    village_id = village if isinstance(village, int) else village.pk
    connection = transaction.get_connection(using)
    bump = _Bump(village_id)
    if connection.in_atomic_block:
        if any(callback == bump for callback in _pending(connection)):
            return
        transaction.on_commit(bump, using=using)
    else:
        bump()


def _pending(connection: Any) -> list[Any]:
    """The on-commit callbacks of the transaction being written: the outermost atomic block, or
    in a test the outermost block the code under test opened (the test's own blocks never
    commit, so a bump registered by an earlier step of the test must not swallow this one).

    run_on_commit holds (savepoint ids, callback, robust); a callback whose savepoint was rolled
    back is gone from it, so looking there never misses a bump."""
    blocks = connection.atomic_blocks
    first = next((i for i, b in enumerate(blocks) if not getattr(b, "_from_testcase", False)), None)
    if first is None:
        return []  # written by the test itself, outside any transaction of the code
    if first == 0:
        return [entry[1] for entry in connection.run_on_commit]
    # atomic_blocks[i] (i ≥ 1) opened savepoint_ids[i - 1].
    savepoint = connection.savepoint_ids[first - 1]
    if savepoint is None:
        return []
    return [entry[1] for entry in connection.run_on_commit if savepoint in entry[0]]


def _on_write(sender: type, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # loading fixtures or a backup restore: the restorer bumps once
        return
    content_changed(getattr(instance, "village_id", None), using=kwargs.get("using"))


def connect_public_models() -> None:
    """Connect every model that declares `public_content = True` (called from AppConfig.ready)."""
    from django.apps import apps

    for model in apps.get_models():
        if getattr(model, "public_content", False):
            post_save.connect(_on_write, sender=model, dispatch_uid=f"content:{model._meta.label}")
            post_delete.connect(
                _on_write, sender=model, dispatch_uid=f"content-del:{model._meta.label}"
            )
