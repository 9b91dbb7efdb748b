"""Maps, facilities and local potential.

- `Boundary`: a desa's outline, keyed by its Kemendagri region (so the district can load every
  desa's boundary, with or without a site, from one file). Drawn on the village's /peta/, on the
  district map and as the small thumbnail of the village home.
- `MapArea`: a dusun or RW of a village, drawn with its name inside the boundary.
- `Place`: a point with a category (office, school, health post…), listed under the map and
  counted on /potensi/ as the village's facilities (sarana).
- `Potential`: what the village is known for (a commodity, a tourist spot, a craft), on /potensi/.
- `MapSettings`: the district's one row: the kabupaten's extent (shapes outside are refused) and
  an optional tile URL that turns on the interactive Leaflet layer.
- `BoundaryLoad`: a district admin's upload of every desa's boundary in one file, its progress
  and its report.

Geometries are stored as GeoJSON-style coordinate lists ([[[lon, lat], …], …]): `geometry` as
checked (rounded to 6 places), `display` simplified for drawing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name as _random_name
from balai.maps.geometry import Extent
from balai.villages.models import VillageOwned

# Kabupaten Purbalingga with a margin (about 109.19–109.58 E, 7.12–7.48 S).
DEFAULT_EXTENT = Extent(109.10, -7.56, 109.68, -7.04)


def potential_photo_upload_to(instance: Any, filename: str) -> str:
    return _random_name("potensi", filename)


def place_photo_upload_to(instance: Any, filename: str) -> str:
    return _random_name("peta", filename)


class MapSettings(models.Model):
    """The district's map settings (one row, pk=1), edited on the district dashboard."""

    west = models.FloatField(_("batas barat (bujur)"), default=DEFAULT_EXTENT.west)
    south = models.FloatField(_("batas selatan (lintang)"), default=DEFAULT_EXTENT.south)
    east = models.FloatField(_("batas timur (bujur)"), default=DEFAULT_EXTENT.east)
    north = models.FloatField(_("batas utara (lintang)"), default=DEFAULT_EXTENT.north)
    tile_url = models.CharField(
        _("alamat ubin peta (opsional)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Misalnya https://tile.openstreetmap.org/{z}/{x}/{y}.png. Jika diisi, halaman peta "
            "desa menawarkan peta interaktif; jika kosong, hanya peta gambar (tanpa JavaScript)."
        ),
    )
    tile_attribution = models.CharField(
        _("atribusi ubin peta"),
        max_length=200,
        blank=True,
        help_text=_("Misalnya: © kontributor OpenStreetMap"),
    )

    class Meta:
        verbose_name = _("pengaturan peta")

    @property
    def extent(self) -> Extent:
        return Extent(self.west, self.south, self.east, self.north)


class Boundary(models.Model):
    """A desa's boundary, keyed by its region; written by the village's admin or by the
    district's bulk load."""

    region = models.OneToOneField(
        "regions.Region", on_delete=models.CASCADE, primary_key=True, related_name="boundary"
    )
    geometry = models.JSONField(_("geometri"))
    display = models.JSONField(_("geometri untuk gambar"))
    vertices = models.PositiveIntegerField(_("jumlah titik"), default=0)
    area_km2 = models.FloatField(_("luas (km²)"), default=0)
    source = models.CharField(_("sumber"), max_length=120, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("batas desa")
        verbose_name_plural = _("batas desa")

    def __str__(self) -> str:
        return str(self.region_id)


class MapArea(VillageOwned):
    """A dusun or RW of a village, drawn inside its boundary with its name."""

    public_content: ClassVar[bool] = True

    class Kind(models.TextChoices):
        DUSUN = "dusun", _("Dusun")
        RW = "rw", _("RW")

    name = models.CharField(_("nama"), max_length=80, help_text=_("Misalnya: Dusun Krajan"))
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.DUSUN)
    geometry = models.JSONField(_("geometri"))
    display = models.JSONField(_("geometri untuk gambar"))
    area_km2 = models.FloatField(_("luas (km²)"), default=0)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["village", "kind", "name"], name="maps_area_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Place(VillageOwned):
    """A point on the village map: a public facility or a place worth visiting."""

    public_content: ClassVar[bool] = True

    class Category(models.TextChoices):
        OFFICE = "kantor", _("Kantor pemerintahan")
        SCHOOL = "sekolah", _("Sekolah")
        HEALTH = "kesehatan", _("Kesehatan (puskesmas, posyandu, polindes)")
        WORSHIP = "ibadah", _("Tempat ibadah")
        MARKET = "pasar", _("Pasar dan warung")
        TOURISM = "wisata", _("Wisata")
        SPORT = "olahraga", _("Olahraga dan balai warga")
        OTHER = "lainnya", _("Lainnya")

    name = models.CharField(_("nama tempat"), max_length=120)
    category = models.CharField(_("kategori"), max_length=12, choices=Category.choices)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6)
    description = models.CharField(
        _("keterangan"),
        max_length=300,
        blank=True,
        help_text=_("Misalnya jam buka atau layanan. Jangan tulis alamat rumah warga."),
    )
    photo = models.ImageField(_("foto"), upload_to=place_photo_upload_to, blank=True)
    photo_alt = models.CharField(
        _("teks pengganti foto"),
        max_length=160,
        blank=True,
        help_text=_("Apa yang tampak di foto, untuk pembaca layar."),
    )

    class Meta:
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name


class Potential(VillageOwned):
    """A village's local potential: a commodity, a tourist attraction, a craft or industry."""

    public_content: ClassVar[bool] = True

    class Kind(models.TextChoices):
        COMMODITY = "komoditas", _("Komoditas unggulan")
        TOURISM = "wisata", _("Wisata")
        CRAFT = "kerajinan", _("Kerajinan dan industri rumahan")
        OTHER = "lainnya", _("Lainnya")

    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("nama"), max_length=120, help_text=_("Misalnya: Gula kelapa"))
    figure = models.CharField(
        _("besaran"),
        max_length=80,
        blank=True,
        help_text=_("Misalnya: ± 40 ton per bulan, atau 3.000 pengunjung per tahun."),
    )
    description = models.TextField(_("keterangan"), blank=True)
    photo = models.ImageField(_("foto"), upload_to=potential_photo_upload_to, blank=True)
    photo_alt = models.CharField(
        _("teks pengganti foto"),
        max_length=160,
        blank=True,
        help_text=_("Apa yang tampak di foto, untuk pembaca layar."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["kind", "order", "name"]

    def __str__(self) -> str:
        return self.name


class BoundaryLoad(models.Model):
    """The district's upload of many desa boundaries in one file, matched by region code."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Menunggu")
        RUNNING = "running", _("Diproses")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    # In the working storage (lib/storage.py), deleted once the load has run.
    path = models.CharField(max_length=200)
    filename = models.CharField(max_length=200)
    key_property = models.CharField(_("kolom kode desa"), max_length=60)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict)
    error = models.CharField(max_length=400, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
