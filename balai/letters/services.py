"""Writing letters and templates. Every function takes keywords and runs in one transaction:
a template that does not parse, a resident who may not have a letter, or a PDF that fails
leaves nothing written and no number used."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.letters import context, numbering, placeholders
from balai.letters.models import (
    Letter,
    LetterSettings,
    LetterType,
    LocalTemplate,
    LocalVersion,
    TemplateVersion,
)
from balai.letters.selectors import ActiveTemplate, active_template
from balai.population.models import Resident
from balai.villages.models import Official, Village


class IssueError(ValueError):
    """A letter that may not be issued, with the reason in Indonesian."""


def template_check(*, body: str, fields_text: str) -> list[dict[str, Any]]:
    """The declared fields, once the field list and the body both parse (TemplateError if
    not: the field list's lines are named first, then the body's)."""
    fields = placeholders.parse_fields(fields_text)
    placeholders.parse(body, fields)
    return fields


@transaction.atomic
def template_save(
    *,
    letter_type: LetterType,
    title: str,
    code: str,
    body: str,
    fields_text: str,
    needs_living: bool,
    publish: bool,
    user: Any,
) -> TemplateVersion:
    """A new version of a district template; published (villages use it) when asked."""
    fields = template_check(body=body, fields_text=fields_text)
    locked = LetterType.objects.select_for_update().get(pk=letter_type.pk)
    last = locked.versions.order_by("-number").first()
    version = TemplateVersion.objects.create(
        letter_type=locked,
        number=(last.number + 1) if last else 1,
        title=title.strip(),
        code=code.strip(),
        body=body,
        fields=fields,
        created_by=user,
    )
    locked.needs_living = needs_living
    if publish:
        locked.current = version
    locked.save(update_fields=["needs_living", "current"])
    audit_record(
        actor=user,
        action="letters.template_save",
        target=f"{locked.key} v{version.number}",
        published=publish,
    )
    return version


@transaction.atomic
def template_publish(*, version: TemplateVersion, user: Any) -> None:
    LetterType.objects.filter(pk=version.letter_type_id).update(current=version)
    audit_record(
        actor=user,
        action="letters.template_publish",
        target=f"{version.letter_type.key} v{version.number}",
    )


@transaction.atomic
def local_save(
    *,
    village: Village,
    letter_type: LetterType,
    title: str,
    code: str,
    body: str,
    fields_text: str,
    user: Any,
) -> LocalVersion:
    """A new version of the village's own copy, which the village then uses."""
    fields = template_check(body=body, fields_text=fields_text)
    local, _created = LocalTemplate.objects.select_for_update().get_or_create(
        village=village, letter_type=letter_type
    )
    last = local.versions.order_by("-number").first()
    version = LocalVersion.objects.create(
        village=village,
        local=local,
        number=(last.number + 1) if last else 1,
        title=title.strip(),
        code=code.strip(),
        body=body,
        fields=fields,
        created_by=user,
    )
    if not local.active:
        local.active = True
        local.save(update_fields=["active"])
    audit_record(
        actor=user,
        village=village,
        action="letters.local_save",
        target=f"{letter_type.key} v{version.number}",
    )
    return version


@transaction.atomic
def local_use_district(*, village: Village, letter_type: LetterType, user: Any) -> None:
    """Go back to the district's version (the local copy's versions stay for its letters)."""
    LocalTemplate.objects.for_village(village).filter(letter_type=letter_type).update(active=False)
    audit_record(actor=user, village=village, action="letters.local_drop", target=letter_type.key)


@transaction.atomic
def settings_save(
    *, village: Village, number_pattern: str, counter_per_code: bool, paper: str, user: Any
) -> LetterSettings:
    found, _created = LetterSettings.objects.update_or_create(
        village=village,
        defaults={
            "number_pattern": number_pattern,
            "counter_per_code": counter_per_code,
            "paper": paper,
        },
    )
    audit_record(actor=user, village=village, action="letters.settings", target=number_pattern)
    return found


def refusal(letter_type: LetterType, resident: Resident) -> str | None:
    """Why this resident may not have this letter, or None."""
    if letter_type.needs_living and not resident.is_alive:
        return _(
            "%(name)s tercatat %(status)s. Surat ini hanya untuk penduduk yang masih hidup dan "
            "tinggal di desa; surat keterangan kematian tetap bisa dibuat."
        ) % {"name": resident.name, "status": resident.get_status_display().lower()}
    return None


def missing_fields(template: ActiveTemplate, values: dict[str, Any]) -> list[str]:
    return [
        f["label"] for f in template.fields if f["required"] and values.get(f["name"]) in (None, "")
    ]


def letter_values(
    *,
    village: Village,
    template: ActiveTemplate,
    resident: Resident,
    values: dict[str, Any],
    signer: Official,
    number: str,
    day: datetime.date,
) -> dict[str, str]:
    data = {
        **context.resident_values(resident, day),
        **context.village_values(village),
        **context.signer_values(signer),
        **context.operator_values(template.fields, values),
        "surat.nomor": number,
        "surat.tanggal": context.long_date(day),
        "surat.judul": template.title,
        "surat.kode": template.version.code,
    }
    return data


def render_body(template: ActiveTemplate, data: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The text as printed and the values it used (the letter's snapshot)."""
    nodes = placeholders.parse(template.version.body, template.fields)
    used = placeholders.used_names(nodes)
    return placeholders.render_text(nodes, data), {k: v for k, v in data.items() if k in used}


def issue_letter(
    *,
    village: Village,
    template: ActiveTemplate | str,
    resident: Resident,
    values: dict[str, Any],
    signer: Official,
    on_behalf: bool,
    user: Any,
    day: datetime.date | None = None,
) -> Letter:
    """Number, write, print and audit one letter; IssueError (nothing written) if it may not be
    issued. `template` is an ActiveTemplate or a letter type's key."""
    from balai.letters.pdf import letter_pdf_bytes

    if isinstance(template, str):
        found = active_template(village, template)
        if found is None:
            raise IssueError(_("Jenis surat ini tidak tersedia."))
        template = found
    if resident.village_id != village.pk or signer.village_id != village.pk:
        raise IssueError(_("Penduduk atau penanda tangan bukan dari desa ini."))
    reason = refusal(template.letter_type, resident)
    if reason:
        raise IssueError(reason)
    missing = missing_fields(template, values)
    if missing:
        raise IssueError(_("Isi dulu: %(fields)s.") % {"fields": ", ".join(missing)})
    day = day or timezone.localdate()
    settings = LetterSettings.objects.filter(village=village).first() or LetterSettings()
    code = template.version.code
    with transaction.atomic():
        counter = numbering.counter_locked(
            village, day.year, code if settings.counter_per_code else ""
        )
        sequence, number = counter.last, ""
        while not number or Letter.objects.for_village(village).filter(number=number).exists():
            # A number already taken (the pattern was changed this year) is passed over.
            sequence += 1
            number = numbering.format_number(
                settings.number_pattern, code=code, sequence=sequence, day=day, village=village
            )
        data = letter_values(
            village=village,
            template=template,
            resident=resident,
            values=values,
            signer=signer,
            number=number,
            day=day,
        )
        text, used = render_body(template, data)
        version = template.version
        letter = Letter(
            village=village,
            letter_type=template.letter_type,
            district_version=version if isinstance(version, TemplateVersion) else None,
            local_version=version if isinstance(version, LocalVersion) else None,
            title=template.title,
            code=code,
            number=number,
            year=day.year,
            sequence=sequence,
            issued_on=day,
            issued_by=user if getattr(user, "pk", None) else None,
            resident=resident,
            resident_name=resident.name,
            resident_key=resident.name.upper(),
            signer_name=signer.name,
            signer_position=signer.position,
            on_behalf=on_behalf,
            values=values,
            data=used,
            text=text,
            paper=settings.paper,
        )
        letter.save()
        counter.last = sequence
        counter.save(update_fields=["last"])
        letter.pdf.save("surat.pdf", ContentFile(letter_pdf_bytes(letter, village)), save=False)
        letter.save(update_fields=["pdf"])
        audit_record(
            actor=user,
            village=village,
            action="letters.issue",
            target=number,
            resident=resident.pk,
            letter_type=template.key,
        )
    return letter


@transaction.atomic
def revoke_letter(*, letter: Letter, reason: str, user: Any) -> Letter:
    reason = reason.strip()
    if not reason:
        raise IssueError(_("Tulis alasan pembatalan."))
    locked = Letter.objects.select_for_update().get(pk=letter.pk)
    if locked.is_revoked:
        raise IssueError(_("Surat ini sudah dibatalkan."))
    locked.revoked_at = timezone.now()
    locked.revoked_reason = reason[:200]
    locked.revoked_by = user
    locked.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    audit_record(
        actor=user,
        village=letter.village,
        action="letters.revoke",
        target=locked.number,
        reason=reason[:200],
    )
    return locked
