"""The district's open-data settings: one row, edited by district admins on the district
dashboard. They apply to every dataset of every village (Satu Data: the district is the data
custodian, Perpres 39/2019), so the licence and the contact are the same across the catalogue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The licences a district may choose: SPDX id → (title, URI). CC BY 4.0 by default.
LICENCES = {
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC-BY-SA-4.0": (
        "Creative Commons Attribution Share-Alike 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": (
        "Creative Commons CCZero 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    "ODbL-1.0": (
        "Open Data Commons Open Database License 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
}


class OpendataSettings(models.Model):
    """The catalogue's licence, publisher and contact point (DCAT dct:license, dct:publisher,
    dcat:contactPoint) and the update frequency of datasets that state none. Read through
    `opendata_settings()`, which gives the defaults while the district has saved nothing."""

    public_content = False  # not village-owned; saving bumps every version itself (services)

    class Frequency(models.TextChoices):
        MONTHLY = "MONTHLY", _("Bulanan")
        QUARTERLY = "QUARTERLY", _("Triwulanan")
        ANNUAL = "ANNUAL", _("Tahunan")
        IRREG = "IRREG", _("Tidak tentu")
        UPDATE_CONT = "UPDATE_CONT", _("Terus-menerus")

    licence = models.CharField(
        _("lisensi"),
        max_length=20,
        choices=[(k, title) for k, (title, _uri) in LICENCES.items()],
        default="CC-BY-4.0",
        help_text=_("Berlaku untuk semua dataset semua desa. Bawaan: CC BY 4.0."),
    )
    publisher = models.CharField(
        _("penerbit"),
        max_length=160,
        blank=True,
        help_text=_("Nama wali data kabupaten, misalnya Dinas Komunikasi dan Informatika."),
    )
    contact_name = models.CharField(_("nama kontak"), max_length=120, blank=True)
    contact_email = models.EmailField(
        _("e-mail kontak"), blank=True, help_text=_("Alamat yang dibalas oleh pengelola data.")
    )
    default_frequency = models.CharField(
        _("frekuensi pembaruan bawaan"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.MONTHLY,
        help_text=_("Untuk dataset yang tidak menyebut frekuensinya sendiri."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pengaturan data terbuka")

    def __str__(self) -> str:
        return str(self.publisher_name)

    @property
    def publisher_name(self) -> str:
        return self.publisher or f"Dinas Komunikasi dan Informatika {settings.DISTRICT_NAME}"

    @property
    def licence_title(self) -> str:
        return LICENCES[self.licence][0]

    @property
    def licence_uri(self) -> str:
        return LICENCES[self.licence][1]
