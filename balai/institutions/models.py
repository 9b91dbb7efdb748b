"""Village institutions (lembaga desa): the BPD, LPM, PKK, Karang Taruna, RT/RW, Posyandu,
BUMDes and the other bodies a village governs with, each with its legal basis (the SK that
formed it), its term, its office and its members.

Written by the village's admins (and mentors) on the dashboard; read by everyone on the
village site (/lembaga/, the government page) and, later, as an open dataset. Members are shown
by name and position only: the optional link to the population register lets the admin keep a
membership in step with the register and is never shown publicly.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name
from balai.villages.models import VillageOwned


def logo_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("lembaga", filename)


def member_photo_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("lembaga-anggota", filename)


class Institution(VillageOwned):
    """One body of the village: its kind, its SK, its term, its office and contact."""

    public_content: ClassVar[bool] = True

    class Kind(models.TextChoices):
        BPD = "bpd", _("Badan Permusyawaratan Desa (BPD)")
        LPM = "lpm", _("Lembaga Pemberdayaan Masyarakat (LPM)")
        PKK = "pkk", _("Tim Penggerak PKK")
        KARANG_TARUNA = "karang_taruna", _("Karang Taruna")
        RW = "rw", _("Rukun Warga (RW)")
        RT = "rt", _("Rukun Tetangga (RT)")
        POSYANDU = "posyandu", _("Posyandu")
        BUMDES = "bumdes", _("Badan Usaha Milik Desa (BUMDes)")
        LINMAS = "linmas", _("Satuan Perlindungan Masyarakat (Linmas)")
        KELOMPOK_TANI = "kelompok_tani", _("Kelompok Tani")
        OTHER = "lainnya", _("Lembaga lainnya")

    village = models.ForeignKey(
        "villages.Village", on_delete=models.PROTECT, related_name="institutions"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("nama"),
        max_length=120,
        help_text=_("Misalnya: BPD Desa Dagan, RT 01 RW 02, Posyandu Melati."),
    )
    slug = models.SlugField(_("alamat"), max_length=80)
    description = models.TextField(
        _("tugas dan keterangan"),
        blank=True,
        help_text=_("Tugas pokok dan kegiatan utama lembaga, dalam beberapa kalimat."),
    )
    decree_number = models.CharField(
        _("nomor SK"),
        max_length=120,
        blank=True,
        help_text=_("Dasar hukum pembentukan atau penetapan pengurus, misalnya 141/12/2021."),
    )
    decree_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    period_start = models.DateField(_("masa bakti mulai"), null=True, blank=True)
    period_end = models.DateField(
        _("masa bakti berakhir"),
        null=True,
        blank=True,
        help_text=_("Pengingat muncul di dasbor 90 hari sebelum tanggal ini."),
    )
    address = models.CharField(
        _("alamat sekretariat"),
        max_length=200,
        blank=True,
        help_text=_("Alamat kantor atau sekretariat lembaga, bukan alamat rumah pengurus."),
    )
    phone = models.CharField(
        _("telepon lembaga"),
        max_length=20,
        blank=True,
        help_text=_("Nomor resmi lembaga; tampil di situs desa."),
    )
    email = models.EmailField(_("email lembaga"), blank=True)
    logo = models.ImageField(_("logo"), upload_to=logo_upload_to, blank=True)
    articles = models.ManyToManyField(
        "news.Article",
        blank=True,
        related_name="institutions",
        verbose_name=_("kegiatan (berita)"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "name", "id"]
        verbose_name = _("lembaga desa")
        verbose_name_plural = _("lembaga desa")
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="unique_institution_slug"),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="institution_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def term_days_left(self, today: datetime.date) -> int | None:
        """Days until the term ends (negative once it has ended); None without an end date."""
        return None if self.period_end is None else (self.period_end - today).days


class Member(VillageOwned):
    """A person on an institution's board: name and position are public, the register link is
    the admin's alone."""

    public_content: ClassVar[bool] = True

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("nama"), max_length=120)
    position = models.CharField(
        _("jabatan"), max_length=80, help_text=_("Misalnya: Ketua, Sekretaris, Bendahara, Anggota.")
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    resident = models.ForeignKey(
        "population.Resident",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("data penduduk"),
    )
    photo = models.ImageField(_("foto"), upload_to=member_photo_upload_to, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("pengurus lembaga")
        verbose_name_plural = _("pengurus lembaga")

    def __str__(self) -> str:
        return f"{self.name} ({self.position})"
