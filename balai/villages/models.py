"""The tenant: a village's website and the people who run it.

A Village is one desa or kelurahan's site on this install. Every village-owned model inherits
`VillageOwned` (the `village` key with PROTECT, the scoped manager, `public_content`) and is
reached through `Model.objects.for_village(village)`; balai/tests/test_village_owned.py checks.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Self, TypeVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name as _random_name
from balai.villages.richtext import page_body_html

_M = TypeVar("_M", bound=models.Model)


class VillageOwnedQuerySet(models.QuerySet[_M]):
    def for_village(self, village: Village) -> Self:
        return self.filter(village=village)


VillageOwnedManager = models.Manager.from_queryset(VillageOwnedQuerySet)


class VillageOwned(models.Model):
    """Base of every model whose rows belong to one village (the tenant).

    Carries the `village` key (PROTECT: a village with data is never deleted by accident) and the
    scoped manager: views reach rows only through `Model.objects.for_village(request.village)`.
    A subclass may redeclare `village` to give it a reverse name (`related_name="officials"`).

    `public_content` says whether rows appear on public pages: when True, saving or deleting one
    bumps the village's content version on commit (villages/content.py), so cached public pages
    never show stale content. Every subclass states it explicitly (a test checks).
    """

    village = models.ForeignKey("villages.Village", on_delete=models.PROTECT, related_name="+")

    objects = VillageOwnedManager()

    public_content: ClassVar[bool] = False

    class Meta:
        abstract = True


def logo_upload_to(instance: Any, filename: str) -> str:
    return _random_name("logo", filename)


def official_photo_upload_to(instance: Any, filename: str) -> str:
    return _random_name("perangkat", filename)


slug_validator = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$",
    _("Gunakan 3–50 huruf kecil, angka atau tanda hubung, tanpa spasi."),
)
color_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Tulis warna sebagai kode heksadesimal, misalnya #1f6f43.")
)


class Village(models.Model):
    """One village's website. Seen by everyone once live; run by its members."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        LIVE = "live", _("Tayang")
        SUSPENDED = "suspended", _("Ditangguhkan")

    region = models.OneToOneField(
        "regions.Region", on_delete=models.PROTECT, related_name="village_site"
    )
    slug = models.SlugField(
        _("alamat situs"),
        max_length=50,
        unique=True,
        validators=[slug_validator],
        help_text=_("Bagian alamat situs, misalnya dagan untuk /desa/dagan/."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    suspended_reason = models.CharField(_("alasan penangguhan"), max_length=200, blank=True)
    tagline = models.CharField(
        _("slogan"), max_length=160, blank=True, help_text=_("Satu kalimat di bawah nama desa.")
    )
    logo = models.ImageField(_("logo"), upload_to=logo_upload_to, blank=True)
    primary_color = models.CharField(
        _("warna utama"), max_length=7, default="#1f6f43", validators=[color_validator]
    )
    history = models.TextField(_("sejarah"), blank=True)
    vision = models.TextField(_("visi"), blank=True)
    mission = models.TextField(_("misi"), blank=True, help_text=_("Satu misi per baris."))
    office_address = models.CharField(
        _("alamat kantor desa"),
        max_length=255,
        blank=True,
        help_text=_("Alamat balai desa, bukan alamat rumah warga."),
    )
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    phone = models.CharField(_("telepon kantor"), max_length=20, blank=True)
    email = models.EmailField(_("email kantor"), blank=True)
    office_hours = models.TextField(
        _("jam pelayanan"), blank=True, help_text=_("Misalnya: Senin–Kamis 08.00–15.00")
    )
    content_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    went_live_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["region__name"]
        verbose_name = _("situs desa")
        verbose_name_plural = _("situs desa")

    @property
    def office_point(self) -> tuple[Decimal, Decimal] | None:
        """The office's map point, if set: forms check that a project or shop lies near it."""
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    def __str__(self) -> str:
        return self.display_name

    @property
    def name(self) -> str:
        return self.region.name

    @property
    def is_kelurahan(self) -> bool:
        return self.region.is_kelurahan

    @property
    def display_name(self) -> str:
        return f"{self.region.get_type_display()} {self.region.name}"

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.LIVE

    def get_absolute_url(self) -> str:
        return reverse("site:home", kwargs={"village_slug": self.slug})

    def public_base_url(self) -> str:
        """The preferred address: custom domain, then subdomain, then the path on the district."""
        domain = next((d.domain for d in self.domains.all() if d.is_primary), None)
        if domain:
            return f"{settings.SITE_SCHEME}://{domain}/"
        if settings.VILLAGE_SUBDOMAINS:
            return f"{settings.SITE_SCHEME}://{self.slug}.{settings.DISTRICT_DOMAIN}/"
        return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}{self.get_absolute_url()}"


class VillageDomain(VillageOwned):
    """A custom domain (e.g. dagan.desa.id) that serves one village's site. Added by district
    admins; the routing middleware and every public link (public_base_url) read it."""

    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, unique=True)
    is_primary = models.BooleanField(_("domain utama"), default=True)

    # Public pages link to the primary domain.
    public_content: ClassVar[bool] = True

    def __str__(self) -> str:
        return self.domain


class Membership(VillageOwned):
    """A person's role in one village: admin, editor, or an assigned RTIK mentor."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin desa")
        EDITOR = "editor", _("Editor")
        MENTOR = "mentor", _("Pendamping (RTIK)")

    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("peran"), max_length=10, choices=Role.choices)
    can_publish = models.BooleanField(
        _("boleh menerbitkan"),
        default=False,
        help_text=_("Editor boleh menerbitkan tulisan tanpa persetujuan admin."),
    )
    can_serve = models.BooleanField(
        _("pelayanan surat"),
        default=False,
        help_text=_("Editor boleh membuat dan membatalkan surat dari data penduduk."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    public_content: ClassVar[bool] = False

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["village", "user"], name="unique_membership")
        ]

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN

    @property
    def is_editor(self) -> bool:
        return self.role == self.Role.EDITOR

    @property
    def is_mentor(self) -> bool:
        return self.role == self.Role.MENTOR

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} {self.village}"


class Official(VillageOwned):
    """A member of the village government shown on the public /pemerintahan/ page."""

    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="officials")
    name = models.CharField(_("nama"), max_length=120)
    position = models.CharField(
        _("jabatan"), max_length=120, help_text=_("Misalnya: Kepala Desa, Sekretaris Desa")
    )
    photo = models.ImageField(_("foto"), upload_to=official_photo_upload_to, blank=True)
    order = models.PositiveSmallIntegerField(
        _("urutan"), default=0, help_text=_("Angka kecil tampil lebih dulu.")
    )

    public_content: ClassVar[bool] = True

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("perangkat desa")
        verbose_name_plural = _("perangkat desa")

    def __str__(self) -> str:
        return f"{self.name} ({self.position})"


class Page(VillageOwned):
    """A free page of the village site (/halaman/<slug>/), e.g. the privacy notice."""

    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="pages")
    title = models.CharField(_("judul"), max_length=160)
    slug = models.SlugField(_("alamat"), max_length=80)
    body = models.TextField(_("isi"), help_text=_("Teks halaman. Tautan dan huruf tebal boleh."))
    is_published = models.BooleanField(_("tayang"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    public_content: ClassVar[bool] = True

    class Meta:
        ordering = ["order", "title"]
        constraints = [models.UniqueConstraint(fields=["village", "slug"], name="unique_page_slug")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Cleaned on the way in, so no stored body can carry a script onto a public page.
        self.body = page_body_html(self.body)
        super().save(*args, **kwargs)


# Slugs that would shadow a district path or a dashboard section, or confuse people.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "akun",
        "anggaran",
        "bahasa",
        "berita",
        "cari",
        "daftar",
        "dasbor",
        "desa",
        "feed",
        "kabupaten",
        "kecamatan",
        "keluar",
        "lapak",
        "masuk",
        "media",
        "ppid",
        "static",
        "statistik",
        "undangan",
        "www",
        "sitemap",
        "balai",
        "dinkominfo",
        "pemkab",
    }
)
