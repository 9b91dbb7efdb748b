"""Writes of village institutions and their members, from the village dashboard.

Institutions and members are `public_content`: saving or deleting one refreshes the cached
public pages by itself; link changes (activities) and bulk reorders call `content_changed`.
Deletes are audit-logged; so is linking a member to the register by NIK (personal data).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.text import slugify

from balai.audit.services import audit_record
from balai.institutions.models import Institution, Member
from balai.lib.storage import delete_on_commit, image_store
from balai.lib.uploads import EncodedImage
from balai.news.models import Article
from balai.population.models import Resident
from balai.villages.content import content_changed
from balai.villages.models import Village


def _replace_image(row: Any, field_name: str, image: EncodedImage | None, remove: bool) -> str:
    """Put the new image on the row (unsaved); the old file's name, to delete after commit."""
    field: FieldFile = getattr(row, field_name)
    old = field.name if row.pk and (image or remove) else ""
    if image:
        image_store(field, image)
    elif remove:
        setattr(row, field_name, "")
    return old or ""


def institution_slug(*, village: Village, name: str, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:70].strip("-") or "lembaga"
    same = Institution.objects.for_village(village).filter(slug__startswith=base)
    if exclude_pk is not None:
        same = same.exclude(pk=exclude_pk)
    taken = set(same.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def institution_save(
    *,
    village: Village,
    institution: Institution,
    logo: EncodedImage | None = None,
    remove_logo: bool = False,
) -> Institution:
    """Create or update an institution; a new one gets its address (slug) from its name and
    keeps it, so links stay valid when the name changes."""
    storage = institution.logo.storage
    with transaction.atomic():
        institution.village = village
        if not institution.slug:
            institution.slug = institution_slug(village=village, name=institution.name)
        old = _replace_image(institution, "logo", logo, remove_logo)
        try:
            institution.save()
        except Exception:
            if logo and institution.logo.name:
                storage.delete(institution.logo.name)
            raise
        delete_on_commit(storage, old)
    return institution


def institution_delete(*, village: Village, institution: Institution, actor: Any) -> None:
    """Delete an institution with its members; the files go after commit."""
    with transaction.atomic():
        inst = Institution.objects.for_village(village).select_for_update().get(pk=institution.pk)
        members = list(Member.objects.for_village(village).filter(institution=inst))
        files = [m.photo.name for m in members if m.photo] + ([inst.logo.name] if inst.logo else [])
        storage = inst.logo.storage
        audit_record(
            actor=actor,
            action="institutions.delete",
            target=inst.name,
            village=village,
            kind=inst.kind,
            members=len(members),
        )
        inst.delete()  # members cascade; both models bump the content version
        for name in files:
            delete_on_commit(storage, name)


def institution_activities_set(
    *, village: Village, institution: Institution, article_ids: Iterable[int]
) -> int:
    """Link exactly these articles as the institution's activities (only the village's
    published ones count); returns how many are linked."""
    wanted = list(
        Article.objects.for_village(village)
        .filter(pk__in=list(article_ids), status=Article.Status.PUBLISHED)
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        institution.articles.set(wanted)
        content_changed(village)  # m2m changes send no save signal
    return len(wanted)


def resident_by_nik(*, village: Village, nik: str) -> Resident | None:
    return Resident.objects.for_village(village).filter(nik=nik).exclude(nik="0").first()


def member_save(
    *,
    village: Village,
    member: Member,
    actor: Any,
    photo: EncodedImage | None = None,
    remove_photo: bool = False,
    resident_changed: bool = False,
) -> Member:
    """Create or update a member (its institution already set and checked to be the village's).
    A changed register link is audit-logged: it was found by NIK, which is personal data."""
    if member.institution.village_id != village.pk:
        raise ValueError("institution of another village")
    if member.resident is not None and member.resident.village_id != village.pk:
        raise ValueError("resident of another village")
    storage = member.photo.storage
    with transaction.atomic():
        member.village = village
        if member.pk is None:
            top = Member.objects.for_village(village).filter(institution=member.institution)
            highest = top.aggregate(top=Max("order"))["top"]
            member.order = 0 if highest is None else highest + 1
        old = _replace_image(member, "photo", photo, remove_photo)
        try:
            member.save()
        except Exception:
            if photo and member.photo.name:
                storage.delete(member.photo.name)
            raise
        if resident_changed:
            audit_record(
                actor=actor,
                action="institutions.member_link"
                if member.resident
                else "institutions.member_unlink",
                target=member.name,
                village=village,
                institution=member.institution.name,
            )
        delete_on_commit(storage, old)
    return member


def member_delete(*, village: Village, member: Member, actor: Any) -> None:
    with transaction.atomic():
        photo = member.photo.name if member.photo else ""
        audit_record(
            actor=actor,
            action="institutions.member_delete",
            target=member.name,
            village=village,
            institution=member.institution.name,
            position=member.position,
        )
        Member.objects.for_village(village).filter(pk=member.pk).delete()
        delete_on_commit(member.photo.storage, photo)


def member_move(*, village: Village, member: Member, direction: str) -> bool:
    """Swap a member with the neighbour above ("up") or below ("down"); False at an end."""
    with transaction.atomic():
        rows = list(
            Member.objects.for_village(village)
            .filter(institution_id=member.institution_id)
            .select_for_update()
            .only("id", "order")
        )
        index = next(i for i, row in enumerate(rows) if row.pk == member.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(rows):
            return False
        rows[index], rows[other] = rows[other], rows[index]
        for number, row in enumerate(rows):
            row.order = number
        Member.objects.bulk_update(rows, ["order"])  # no signals: say so
        content_changed(village)
    return True
