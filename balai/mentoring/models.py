"""Mentoring: a village's help requests to its RTIK mentors (and the district), the district's
how-to guides, and juguran (meet-ups) and trainings for village admins.

Help requests and event registrations belong to a village (`VillageOwned`, reached through
`for_village`); none of them appear on public pages. Guides and events belong to the district.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage
from balai.lib.storage import random_upload_name as _random_name
from balai.villages.models import VillageOwned


def help_attachment_upload_to(instance: Any, filename: str) -> str:
    return _random_name("bantuan", filename)


def guide_image_upload_to(instance: Any, filename: str) -> str:
    return _random_name("panduan", filename)


class HelpRequest(VillageOwned):
    """A village admin's or editor's question to the village's RTIK mentors (and, when nobody
    answers, to the district). Seen only by the village's members, its mentors and the district."""

    class Topic(models.TextChoices):
        LOGIN = "login", _("Masuk dan kata sandi")
        NEWS = "news", _("Menulis berita")
        IMPORT = "import", _("Impor data")
        BUDGET = "budget", _("Anggaran (APBDes)")
        SHOP = "shop", _("Lapak desa")
        DOMAIN = "domain", _("Domain dan alamat situs")
        OTHER = "other", _("Lainnya")

    class Status(models.TextChoices):
        OPEN = "open", _("Menunggu jawaban")
        ANSWERED = "answered", _("Sudah dijawab")
        RESOLVED = "resolved", _("Selesai")

    public_content: ClassVar[bool] = False

    topic = models.CharField(_("topik"), max_length=10, choices=Topic.choices)
    message = models.TextField(
        _("pesan"), help_text=_("Ceritakan apa yang ingin dilakukan dan apa yang terjadi.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    first_answer_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(
        null=True, blank=True, help_text="When the district was told (no mentor, or no answer)."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        # The name predates the move from the support app; index names are global, so it stays.
        indexes = [models.Index(fields=["village", "status"], name="support_help_village_status")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_topic_display()}"

    @property
    def reference(self) -> str:
        return f"BTN-{self.pk:05d}"

    @property
    def is_resolved(self) -> bool:
        return self.status == self.Status.RESOLVED

    @property
    def is_escalated_open(self) -> bool:
        """Handed to the district and not closed yet (the queue's "Diteruskan" badge)."""
        return self.escalated_at is not None and not self.is_resolved


class HelpReply(models.Model):
    """One message in a help request's conversation, from the asker's side or a helper."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(_("pesan"))
    from_helper = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class HelpAttachment(models.Model):
    """A screenshot sent with a help request or a reply: re-encoded, in private storage, served
    only to the people in the conversation."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="attachments")
    reply = models.ForeignKey(
        HelpReply, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(upload_to=help_attachment_upload_to, storage=private_storage)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["id"]


class Guide(models.Model):
    """A short how-to guide written by the district, linked from the dashboard place it helps."""

    title = models.CharField(_("judul"), max_length=160)
    slug = models.SlugField(_("alamat"), max_length=80, unique=True)
    summary = models.CharField(
        _("ringkasan"), max_length=240, blank=True, help_text=_("Satu kalimat di daftar panduan.")
    )
    body = models.TextField(
        _("isi"), help_text=_("Langkah demi langkah. Baris kosong memisahkan paragraf.")
    )
    context_key = models.SlugField(
        _("kunci tempat"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Tempat di dasbor yang menautkan panduan ini, misalnya population_import."),
    )
    is_published = models.BooleanField(_("terbit"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class GuideImage(models.Model):
    """A screenshot in a guide (public media, re-encoded)."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to=guide_image_upload_to)
    alt = models.CharField(
        _("teks alternatif"), max_length=200, help_text=_("Apa yang tampak di gambar.")
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["id"]


class Event(models.Model):
    """A juguran (meet-up) or training for village admins, organised by the district or RTIK."""

    class Kind(models.TextChoices):
        JUGURAN = "juguran", _("Juguran")
        TRAINING = "training", _("Pelatihan")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=160)
    starts_at = models.DateTimeField(_("mulai"))
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    online_url = models.URLField(
        _("tautan daring"), blank=True, help_text=_("Untuk acara daring, misalnya Google Meet.")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    materials = models.TextField(
        _("materi"), blank=True, help_text=_("Diisi setelah acara: ringkasan dan tautan materi.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title


class EventRegistration(VillageOwned):
    """A village member registered for an event; `attended` is set by the district afterwards."""

    public_content: ClassVar[bool] = False

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    attended = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "village", "user"], name="support_unique_registration"
            )
        ]
