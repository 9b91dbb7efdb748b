"""Village news: articles with revisions, images and their variants, community submissions,
comments, the agenda and the photo gallery.

Written by a village's editors and admins on the dashboard; read by everyone on the village site
and the district portal. Residents send stories and comments; their contact details are kept for
the editors and never shown publicly.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name
from balai.villages.models import VillageOwned


def image_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("berita", filename)


class NewsSettings(VillageOwned):
    """A village's choices for its news section; admins change them on the dashboard."""

    public_content: ClassVar[bool] = True

    village = models.OneToOneField(
        "villages.Village", on_delete=models.PROTECT, related_name="news_settings"
    )
    comments_open = models.BooleanField(
        _("komentar dibuka"),
        default=True,
        help_text=_("Matikan untuk menutup komentar di semua berita desa."),
    )
    submissions_open = models.BooleanField(
        _("kiriman warga dibuka"),
        default=True,
        help_text=_("Warga boleh mengirim berita lewat formulir di situs."),
    )


class Category(VillageOwned):
    """A news category (Pemerintahan, Kegiatan, …) with its own page and feed."""

    public_content: ClassVar[bool] = True

    name = models.CharField(_("nama"), max_length=60)
    slug = models.SlugField(_("alamat"), max_length=70)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="unique_news_category")
        ]

    def __str__(self) -> str:
        return self.name


class Tag(VillageOwned):
    """A free label on articles; its page lists them."""

    public_content: ClassVar[bool] = True

    name = models.CharField(_("nama"), max_length=40)
    slug = models.SlugField(_("alamat"), max_length=50)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["village", "slug"], name="unique_news_tag")]

    def __str__(self) -> str:
        return self.name


class Image(VillageOwned):
    """An uploaded photo, re-encoded without EXIF; a task makes the served variants.

    `variants` is filled by the task: {"widths": [480, 960], "jpg": {w: name}, "webp": {w: name}}.
    """

    public_content: ClassVar[bool] = True

    file = models.ImageField(_("foto"), upload_to=image_upload_to)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt = models.CharField(
        _("teks alternatif"),
        max_length=200,
        help_text=_("Apa yang terlihat di foto, untuk pembaca yang tidak dapat melihatnya."),
    )
    variants = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.alt


class Article(VillageOwned):
    """A news story of a village: drafted by editors, published by admins (or by editors the
    village lets publish), shown on the village site, its feeds and the district portal."""

    public_content: ClassVar[bool] = True

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        REVIEW = "review", _("Menunggu persetujuan")
        PUBLISHED = "published", _("Terbit")

    title = models.CharField(_("judul"), max_length=160)
    slug = models.SlugField(
        _("alamat"),
        max_length=90,
        help_text=_("Dibuat dari judul; tidak berubah setelah terbit agar tautan tetap jalan."),
    )
    summary = models.CharField(
        _("ringkasan"),
        max_length=300,
        blank=True,
        help_text=_("Satu atau dua kalimat; tampil di daftar berita dan pratinjau WhatsApp."),
    )
    body = models.TextField(_("isi"), help_text=_("Isi berita."))
    lead_image = models.ForeignKey(
        Image,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("foto utama"),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("kategori"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField(
        _("nama penulis"), max_length=120, help_text=_("Nama yang tampil di bawah judul.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("terbit pada"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk terbit sekarang; isi waktu nanti untuk terbit terjadwal."),
    )
    is_pinned = models.BooleanField(
        _("sematkan di beranda"), default=False, help_text=_("Tampil paling atas di beranda.")
    )
    comments_open = models.BooleanField(_("komentar dibuka"), default=True)
    # False while a scheduled article waits: publish_scheduled bumps the village's cache
    # version when its time comes, then sets this.
    is_announced = models.BooleanField(default=False, editable=False)
    # Why the integrity check held this story for review instead of publishing it (gambling
    # words, link bursts); empty when nothing is held. Shown on the dashboard.
    held_reason = models.TextField(blank=True, editable=False)
    # Title, summary and body as plain text: what full-text search reads (services keep it).
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-publish_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="unique_article_slug")
        ]
        indexes = [
            models.Index(fields=["village", "status", "-publish_at"], name="news_article_list"),
            models.Index(fields=["status", "-publish_at"], name="news_article_district"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_live(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_published(self) -> bool:
        """Published, now or at a later time."""
        return self.status == self.Status.PUBLISHED

    @property
    def is_scheduled(self) -> bool:
        return self.is_published and not self.is_live

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def in_review(self) -> bool:
        return self.status == self.Status.REVIEW

    @property
    def is_held(self) -> bool:
        """Waiting for review because the integrity check held it."""
        return self.in_review and bool(self.held_reason)


class ArticleRevision(models.Model):
    """An earlier version of an article, kept on every save so an editor can restore it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=160)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-saved_at", "-id"]


class Submission(VillageOwned):
    """A story a resident sent from the public form; editors publish it or decline it.
    Name, WhatsApp and email are personal: seen by the village's editors only."""

    public_content: ClassVar[bool] = False

    class Status(models.TextChoices):
        NEW = "new", _("Baru")
        PUBLISHED = "published", _("Diterbitkan")
        DECLINED = "declined", _("Ditolak")

    name = models.CharField(_("nama"), max_length=120)
    whatsapp = models.CharField(_("nomor WhatsApp"), max_length=20)
    email = models.EmailField(_("email"), blank=True)
    title = models.CharField(_("judul"), max_length=160)
    body = models.TextField(_("cerita"))
    photo = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, related_name="+")
    # Every photo sent (the first is also `photo`, which becomes the story's lead image).
    photos = models.ManyToManyField(Image, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    decline_message = models.TextField(_("pesan penolakan"), blank=True)
    article = models.ForeignKey(Article, on_delete=models.SET_NULL, null=True, related_name="+")
    # Why the integrity check flagged this story (gambling words, link bursts); the editors
    # see it in the queue. Empty when it looks fine.
    held_reason = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_new(self) -> bool:
        return self.status == self.Status.NEW

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED


class Comment(VillageOwned):
    """A reader's comment on an article, shown once an editor approves it. The contact is
    for the editors only."""

    public_content: ClassVar[bool] = True

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("nama"), max_length=80)
    contact = models.CharField(_("email atau WhatsApp"), max_length=120, blank=True)
    body = models.TextField(_("komentar"), max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class Event(VillageOwned):
    """A village event on the public agenda and its iCalendar feed."""

    public_content: ClassVar[bool] = True

    title = models.CharField(_("nama kegiatan"), max_length=160)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=160, help_text=_("Misalnya: Balai Desa"))
    organiser = models.CharField(_("penyelenggara"), max_length=120, blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["village", "starts_at"], name="news_event_when")]

    def __str__(self) -> str:
        return self.title


class Album(VillageOwned):
    """A gallery album: photos of one occasion with captions."""

    public_content: ClassVar[bool] = True

    title = models.CharField(_("judul album"), max_length=160)
    slug = models.SlugField(max_length=90)
    description = models.TextField(_("keterangan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["village", "slug"], name="unique_album")]

    def __str__(self) -> str:
        return self.title


class AlbumPhoto(models.Model):
    """One photo in an album, with its caption."""

    album = models.ForeignKey(Album, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("keterangan foto"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
