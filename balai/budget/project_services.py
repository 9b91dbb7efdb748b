"""Writes for development projects and their progress reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils.text import slugify

from balai.audit.services import audit_record
from balai.budget.models import ProgressReport, Project
from balai.lib.uploads import EncodedImage


def _unique_slug(project: Project) -> str:
    base = slugify(project.name)[:70] or "pembangunan"
    taken = set(
        Project.objects.for_village(project.village)
        .filter(slug__startswith=base)
        .exclude(pk=project.pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def project_save(*, project: Project, lines: Any = None, actor: Any) -> Project:
    if not project.slug:
        project.slug = _unique_slug(project)
    with transaction.atomic():
        project.save()
        if lines is not None:
            project.lines.set(lines)
        audit_record(
            actor=actor, action="budget.project_save", target=project.slug, village=project.village
        )
    return project


def progress_report_add(
    *, project: Project, report: ProgressReport, photo: EncodedImage | None, actor: Any
) -> ProgressReport:
    report.village, report.project = project.village, project
    with transaction.atomic():
        if photo:
            report.photo.save(f"foto.{photo.extension}", ContentFile(photo.content), save=False)
        report.save()
        latest = project.reports.order_by("-date", "-id").first()
        project.progress = latest.percentage if latest else 0
        project.save(update_fields=["progress"])
        audit_record(
            actor=actor,
            action="budget.progress_add",
            target=project.slug,
            village=project.village,
            percentage=report.percentage,
        )
    return report


def _file_delete(photo: FieldFile) -> Callable[[], None]:
    name = photo.name or ""
    return lambda: photo.storage.delete(name)


def project_delete(*, project: Project, actor: Any) -> None:
    files = [r.photo for r in project.reports.all() if r.photo]
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="budget.project_delete",
            target=project.slug,
            village=project.village,
        )
        project.delete()
    for photo in files:
        transaction.on_commit(_file_delete(photo))
