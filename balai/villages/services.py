"""Writes from the village dashboard. Officials and pages are `public_content` models, so saving
or deleting one refreshes the cached public pages by itself (villages/content.py); changes to the
Village row itself, and bulk updates, say so with `content_changed`."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from balai.audit.services import audit_record
from balai.lib.storage import delete_on_commit, image_store
from balai.lib.uploads import EncodedImage
from balai.villages.content import content_changed
from balai.villages.models import Official, Page, Village


def village_profile_update(*, village: Village, actor: Any, data: dict[str, Any]) -> list[str]:
    """Save the profile fields in `data`; returns the names of the fields that changed."""
    changed = [name for name, value in data.items() if getattr(village, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(village, name, data[name])
    with transaction.atomic():
        village.save(update_fields=changed)
        audit_record(
            actor=actor,
            action="village.profile_update",
            target=village.slug,
            village=village,
            fields=changed,
        )
        content_changed(village)
    return changed


def village_look_update(
    *,
    village: Village,
    actor: Any,
    primary_color: str,
    logo: EncodedImage | None = None,
    remove_logo: bool = False,
) -> None:
    old_logo = village.logo if (logo or remove_logo) and village.logo else None
    old_name = old_logo.name if old_logo else ""
    with transaction.atomic():
        village.primary_color = primary_color.lower()
        if logo:
            image_store(village.logo, logo)
        elif remove_logo:
            village.logo = ""
        village.save(update_fields=["primary_color", "logo"])
        if old_name:
            delete_on_commit(village.logo.storage, old_name)
        audit_record(
            actor=actor,
            action="village.look_update",
            target=village.slug,
            village=village,
            color=village.primary_color,
            logo_changed=bool(logo or remove_logo),
        )
        content_changed(village)


def official_save(
    *,
    village: Village,
    official: Official,
    photo: EncodedImage | None = None,
    remove_photo: bool = False,
) -> Official:
    """Create or update an official. The photo has been checked and re-encoded by the form."""
    old_name = official.photo.name if official.pk and (photo or remove_photo) else ""
    with transaction.atomic():
        official.village = village
        if official.pk is None:
            top = Official.objects.for_village(village).aggregate(top=Max("order"))["top"]
            official.order = 0 if top is None else top + 1
        if photo:
            image_store(official.photo, photo)
        elif remove_photo:
            official.photo = ""
        try:
            official.save()
        except Exception:
            if photo and official.photo.name:
                official.photo.storage.delete(official.photo.name)
            raise
        if old_name:
            delete_on_commit(official.photo.storage, old_name)
    return official


def official_delete(*, village: Village, official: Official) -> None:
    with transaction.atomic():
        photo = official.photo if official.photo else None
        Official.objects.for_village(village).filter(pk=official.pk).delete()
        if photo:
            delete_on_commit(photo.storage, photo.name)


def official_move(*, village: Village, official: Official, direction: str) -> bool:
    """Swap an official with the neighbour above ("up") or below ("down"); False at an end."""
    with transaction.atomic():
        rows = list(Official.objects.for_village(village).select_for_update().only("id", "order"))
        index = next(i for i, row in enumerate(rows) if row.pk == official.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(rows):
            return False
        rows[index], rows[other] = rows[other], rows[index]
        # Renumber all: officials added by other means may share an order value.
        for number, row in enumerate(rows):
            row.order = number
        Official.objects.bulk_update(rows, ["order"])  # no signals: say so
        content_changed(village)
    return True


def page_save(*, village: Village, page: Page) -> Page:
    page.village = village
    page.save()  # Page.save cleans the body with nh3
    return page


def page_delete(*, village: Village, page: Page) -> None:
    Page.objects.for_village(village).filter(pk=page.pk).delete()
