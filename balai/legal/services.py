"""Writes to the legal acts register: save and delete (both audit-logged), and the status an
act gets from the acts that amend or revoke it.

Status rule (docs/jdih.md, "Status"): an act that a *published* act of the register revokes is
`dicabut`; else one that a published act amends is `diubah`; else it keeps a status set by hand
only when the admin wrote which outside act changed it (`status_note`, e.g. a Peraturan Bupati);
else it is `berlaku`. Saving an act recomputes the status of the act it points at now and of
the one it pointed at before, so changing, unpublishing or deleting an amending act undoes its
effect."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from balai.audit.services import audit_record
from balai.legal.models import LegalAct
from balai.lib.storage import delete_on_commit


class LegalError(ValueError):
    """A write the register refuses; the message is for the person."""


def act_status_refresh(act: LegalAct) -> LegalAct:
    """Give `act` the status that follows from the published acts pointing at it."""
    incoming = set(
        LegalAct.objects.filter(target=act, published=True).values_list("relation", flat=True)
    )
    status: str
    if LegalAct.Relation.REVOKES in incoming:
        status = LegalAct.Status.DICABUT
    elif LegalAct.Relation.AMENDS in incoming:
        status = LegalAct.Status.DIUBAH
    elif act.status_note.strip():
        status = act.status
    else:
        status = LegalAct.Status.BERLAKU
    if status != act.status:
        act.status = status
        act.save(update_fields=["status", "updated_at"])
    return act


def is_status_derived(act: LegalAct) -> bool:
    """Whether a published act of the register amends or revokes `act` (then the form does not
    let a person set its status)."""
    return bool(act.pk) and LegalAct.objects.filter(target=act, published=True).exists()


def act_save(*, act: LegalAct, actor: Any, previous_target_id: int | None = None) -> LegalAct:
    """Save `act` (new or changed) and recompute the status of the acts it changes."""
    if act.village.is_kelurahan:
        raise LegalError("Kelurahan tidak menetapkan produk hukum desa.")
    if not act.relation:
        act.target = None
    old_file = ""
    if act.pk:
        old_file = LegalAct.objects.filter(pk=act.pk).values_list("file", flat=True).first() or ""
    with transaction.atomic():
        act.save()
        if act.target_id:
            act_status_refresh(LegalAct.objects.get(pk=act.target_id))
        if previous_target_id and previous_target_id != act.target_id:
            act_status_refresh(LegalAct.objects.get(pk=previous_target_id))
        act_status_refresh(act)
        audit_record(actor=actor, action="legal.act_save", target=act.citation, village=act.village)
        if old_file and old_file != act.file.name:
            delete_on_commit(act.file.storage, old_file)
    return act


def act_delete(*, act: LegalAct, actor: Any) -> None:
    """Delete `act` unless another act of the register amends or revokes it."""
    changer = LegalAct.objects.filter(target=act).first()
    if changer is not None:
        raise LegalError(
            f"Produk hukum ini {'dicabut' if changer.revokes else 'diubah'} oleh "
            f"{changer.citation}. Hapus atau ubah produk hukum itu lebih dulu."
        )
    target_id, name = act.target_id, act.file.name
    with transaction.atomic():
        audit_record(
            actor=actor, action="legal.act_delete", target=act.citation, village=act.village
        )
        act.delete()
        if target_id:
            act_status_refresh(LegalAct.objects.get(pk=target_id))
        if name:
            delete_on_commit(act.file.storage, name)
