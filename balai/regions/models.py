"""The Kemendagri region tree: provinsi → kabupaten/kota → kecamatan → desa/kelurahan.

Loaded from the data files in regions/data by `manage.py load_regions`. The dotted code
(`33.03.01.2001`) is the stable key: names repeat (eight desa names occur twice in Purbalingga).
Used by registration (picking a village), the portal (villages by kecamatan) and every module
that must tell a desa from a kelurahan (kelurahan have no APBDes or PPID Desa).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    class Level(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten/Kota")
        KECAMATAN = "kecamatan", _("Kecamatan")
        DESA = "desa", _("Desa/Kelurahan")

    class Type(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")
        KECAMATAN = "kecamatan", _("Kecamatan")
        DESA = "desa", _("Desa")
        KELURAHAN = "kelurahan", _("Kelurahan")
        DESA_ADAT = "desa_adat", _("Desa adat")

    code = models.CharField(_("kode Kemendagri"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices)
    type = models.CharField(_("jenis"), max_length=10, choices=Type.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    postal_code = models.CharField(_("kode pos"), max_length=5, blank=True)

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["parent", "name"]), models.Index(fields=["level"])]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return self.name

    @property
    def is_kelurahan(self) -> bool:
        return self.type == self.Type.KELURAHAN

    @property
    def parent_name(self) -> str:
        """The name of the region above (a desa's kecamatan); "" for a province."""
        return self.parent.name if self.parent else ""

    @property
    def digits(self) -> str:
        """The 10-digit code without dots, the form BPS tables and letters use."""
        return self.code.replace(".", "")
