"""The one way a village's public pages learn that something on them changed.

Every cached anonymous page of a village is keyed by the village's version token, and district
pages by the district's (both kept in the cache, villages/cache.py). `content_changed(village)`
moves them, and the row's `content_version` (what the menu and a few selectors key on):

- `content_version` is an UPDATE of the village's row *inside the writer's transaction*, so it
  commits or rolls back together with the content;
- the version tokens the page cache keys on (the village's and the district's, villages/cache.py)
  live in the cache, which has no transactions, so they are bumped at once and again after the
  commit (a page cached in between, under the first new token, is orphaned by the second).

Both happen once per village per transaction however many rows change. Models whose rows appear
on public pages set `public_content = True` (see `VillageOwned`); saving or deleting one calls
this through the signal handlers below, so a service never has to remember. Bulk writes
(`bulk_create`, `QuerySet.update`, imports) send no signals and call `content_changed` themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

if TYPE_CHECKING:
    from balai.villages.models import Village


class _Bump:
    """The after-commit district bump of one village's change. Compares equal for the same
    village, so a transaction that changes a village a thousand times is seen as one change."""

    def __init__(self, village_id: int) -> None:
        self.village_id = village_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Bump) and other.village_id == self.village_id

    def __hash__(self) -> int:
        return hash(self.village_id)

    def __call__(self) -> None:
        from balai.villages.cache import district_version_bump, village_version_bump

        village_version_bump(self.village_id)
        district_version_bump()


def _already_bumped(connection: Any, bump: _Bump) -> bool | None:
    """Whether this village was already bumped in the transaction that will commit; None when
    there is no transaction (autocommit: every change commits at once).

    Atomic blocks opened by Django's test cases are not transactions a request would have, so
    they are skipped: tests then see what production sees. `run_on_commit` holds (savepoint ids,
    callback, robust); when a savepoint rolls back its callbacks leave the list together with
    its UPDATE, so an entry in the list means a bump that will commit."""
    blocks = connection.atomic_blocks
    first = next((i for i, b in enumerate(blocks) if not getattr(b, "_from_testcase", False)), None)
    if first is None:
        return None
    # atomic_blocks[i] opened savepoint_ids[i - 1] (the outermost block opens none).
    start = connection.savepoint_ids[first - 1] if first else None
    if first and start is None:
        return False  # a block without a savepoint: its start cannot be told apart
    open_ids = set(connection.savepoint_ids)
    return any(
        callback == bump and ids <= open_ids and (not first or start in ids)
        for ids, callback, _robust in connection.run_on_commit
    )


def _version_bump(village_id: int, *, using: str | None = None) -> None:
    """Orphan the village's cached pages (and the district's) now. Only content_changed calls
    this: everything else says what changed through content_changed."""
    from balai.villages.cache import district_version_bump, village_version_bump
    from balai.villages.models import Village

    Village.objects.using(using).filter(pk=village_id).update(
        content_version=F("content_version") + 1
    )
    village_version_bump(village_id)
    district_version_bump()


def content_changed(village: Village | int | None, *, using: str | None = None) -> None:
    """A village's public content changed: bump its version (and the district's)."""
    if village is None:
        return
    village_id = village if isinstance(village, int) else village.pk
    connection = transaction.get_connection(using)
    bump = _Bump(village_id)
    bumped = _already_bumped(connection, bump) if connection.in_atomic_block else None
    if bumped:
        return
    _version_bump(village_id, using=using)
    if bumped is not None:  # inside a transaction: the district again once it commits
        transaction.on_commit(bump, using=using)


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


def _on_route_write(sender: type, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    from balai.villages.cache import routes_changed

    routes_changed()


def connect_routes() -> None:
    """A village (slug, status, anything on its row), a domain or a region changed: the cached
    host → village map and the cached Village rows are forgotten (villages/cache.py)."""
    from balai.regions.models import Region
    from balai.villages.models import Village, VillageDomain

    for model in (Village, VillageDomain, Region):
        label = model._meta.label
        post_save.connect(_on_route_write, sender=model, dispatch_uid=f"routes:{label}")
        post_delete.connect(_on_route_write, sender=model, dispatch_uid=f"routes-del:{label}")
