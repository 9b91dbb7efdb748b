"""What a move from OpenSID leaves behind: one `Move` per run (the backup's identity, the report,
the raw rows that have no home in Balai yet) and one `MovedItem` per moved row, which maps the
OpenSID id to the Balai row so that a second run updates instead of duplicating and links between
rows (a family's head, a household's members, an aid recipient) survive."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage, random_upload_name
from balai.villages.models import VillageOwned


def archive_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("pindahan", filename)


def _private_storage() -> Any:
    return private_storage()


class Move(VillageOwned):
    """One run of the move, written or only checked."""

    public_content: ClassVar[bool] = False

    source = models.CharField(max_length=20, default="opensid")
    version = models.CharField(_("versi"), max_length=20, blank=True)
    database_version = models.CharField(max_length=20, blank=True)
    source_name = models.CharField(_("desa asal"), max_length=120, blank=True)
    source_code = models.CharField(_("kode desa asal"), max_length=20, blank=True)
    written = models.BooleanField(default=False)
    report = models.JSONField(default=dict, blank=True)
    archive = models.FileField(
        upload_to=archive_upload_to, storage=_private_storage, max_length=200, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class MovedItem(VillageOwned):
    """OpenSID row (table's kind + id) → the Balai row it became."""

    public_content: ClassVar[bool] = False

    source = models.CharField(max_length=20, default="opensid")
    kind = models.CharField(max_length=30)
    source_id = models.CharField(max_length=40)
    object_id = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["village", "source", "kind", "source_id"], name="unique_moved_item"
            )
        ]
        indexes = [models.Index(fields=["village", "source", "kind"])]


class OldAddress(VillageOwned):
    """An address the village's old site (OpenSID, WordPress) had for something that moved: it
    answers with a 301 to the new address once the village's domain points at Balai."""

    public_content: ClassVar[bool] = False

    class Kind(models.TextChoices):
        ARTICLE = "article", _("artikel")
        PAGE = "page", _("halaman")

    path = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["village", "path"], name="unique_old_address")
        ]
