"""Changes to a family as a whole: splitting it (pecah KK) and changing its head."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.population import nik
from balai.population.models import Family, Resident
from balai.population.services import _recount
from balai.villages.models import Village

HEAD = 1


class FamilyError(ValueError):
    """The change cannot be made; the message is for the admin."""


def family_split(
    *,
    village: Village,
    family: Family,
    members: list[Resident],
    number: str,
    head: Resident,
    user: Any,
) -> Family:
    """Pecah KK: `members` leave `family` for a new KK numbered `number`, headed by `head`."""
    checked = nik.check_kk(number)
    if checked.errors:
        raise FamilyError(checked.errors[0])
    if Family.objects.for_village(village).filter(number=checked.value).exists():
        raise FamilyError(_("No. KK ini sudah dipakai keluarga lain."))
    if head not in members:
        raise FamilyError(_("Kepala keluarga baru harus termasuk anggota yang pindah KK."))
    staying = family.members.exclude(pk__in=[m.pk for m in members])
    if not staying.filter(status=Resident.ALIVE).exists():
        raise FamilyError(_("Sisakan paling sedikit satu anggota di KK lama."))
    if staying.filter(family_relation=HEAD, status=Resident.ALIVE).count() != 1:
        raise FamilyError(_("KK lama harus tetap punya satu kepala keluarga."))
    with transaction.atomic():
        new = Family.objects.create(
            village=village, number=checked.value, address=family.address, area=family.area
        )
        for member in members:
            member.family = new
            if member.pk == head.pk:
                member.family_relation = HEAD
        Resident.objects.bulk_update(members, ["family", "family_relation"])
        audit_record(
            actor=user,
            village=village,
            action="population.family_split",
            target=f"keluarga {family.pk} → {new.pk}",
            members=len(members),
        )
    _recount(village)
    return new


def family_head_change(
    *, village: Village, family: Family, new_head: Resident, old_head_relation: int, user: Any
) -> None:
    """The new head takes relation 1; the previous living head takes `old_head_relation`."""
    if new_head.family_id != family.pk or not new_head.is_alive:
        raise FamilyError(_("Pilih anggota keluarga ini yang masih hidup."))
    with transaction.atomic():
        family.members.filter(family_relation=HEAD).exclude(pk=new_head.pk).update(
            family_relation=old_head_relation
        )
        new_head.family_relation = HEAD
        new_head.save(update_fields=["family_relation", "updated_at"])
        audit_record(
            actor=user,
            village=village,
            action="population.family_head",
            target=f"keluarga {family.pk}",
        )
    _recount(village)
