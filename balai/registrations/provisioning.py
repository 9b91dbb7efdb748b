"""Turning an approved application into a live village site, in the caller's transaction.

Everything prefilled comes from the region data (names, kecamatan, postal code) or is generic
text the village is asked to edit: no invented facts about a real village.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from balai.accounts.services import invitation_create, invitation_url
from balai.registrations import selectors
from balai.registrations.models import Application
from balai.villages.content import content_changed
from balai.villages.models import Page, Village, VillageDomain
from balai.villages.signals import village_provisioned


def _office_address(region: Any) -> str:
    kecamatan = region.parent
    kabupaten = kecamatan.parent
    address = _("Kantor %(type)s %(name)s, Kecamatan %(kecamatan)s, %(kabupaten)s") % {
        "type": region.get_type_display(),
        "name": region.name,
        "kecamatan": kecamatan.name,
        "kabupaten": kabupaten.name if kabupaten else "",
    }
    return f"{address} {region.postal_code}".strip()


def _privacy_text(village_name: str) -> str:
    return _(
        "Situs %(village)s dikelola oleh pemerintah %(village)s di atas layanan Balai milik "
        "%(district)s.\n\n"
        "Kami memperlakukan data pribadi sesuai Undang-Undang Nomor 27 Tahun 2022 tentang "
        "Pelindungan Data Pribadi. Data pribadi warga (seperti NIK, nomor KK, tanggal lahir dan "
        "alamat) tidak pernah ditampilkan di situs ini. Yang tampil hanyalah informasi publik: "
        "berita, profil desa, nama dan jabatan perangkat desa, serta angka ringkasan.\n\n"
        "Data yang Anda kirim lewat formulir di situs ini (misalnya permohonan informasi atau "
        "pesanan) hanya dipakai untuk keperluan yang Anda minta, hanya dapat dibuka oleh petugas "
        "yang berwenang, dan setiap akses dicatat.\n\n"
        "Anda berhak mengetahui, memperbaiki, atau meminta penghapusan data pribadi Anda. "
        "Hubungi kantor desa untuk menggunakan hak tersebut."
    ) % {"village": village_name, "district": _district_name()}


def _services_text(village_name: str) -> str:
    return _(
        "Kantor %(village)s melayani urusan administrasi warga, antara lain surat keterangan "
        "(domisili, usaha, tidak mampu), surat pengantar untuk KTP, KK dan akta, serta "
        "pengantar nikah.\n\n"
        "Bawa KTP dan Kartu Keluarga asli saat datang. Persyaratan setiap layanan dapat "
        "berbeda; tanyakan kepada petugas atau hubungi kantor desa lebih dulu.\n\n"
        "(Halaman ini adalah contoh awal. Admin desa: sesuaikan daftar layanan, persyaratan, "
        "dan jam pelayanan dengan keadaan desa Anda.)"
    ) % {"village": village_name}


def _district_name() -> str:
    return settings.DISTRICT_NAME


def village_provision(*, application: Application, admin: Any) -> tuple[Village, str]:
    """Create the live Village with its profile, pages, domain and the applicant's invitation.

    Returns the village and the invitation link (its token is shown once, never stored).
    Raises RegistrationError when the address or the region has been taken meanwhile.
    """
    from balai.registrations.services import RegistrationError

    region = application.region
    if Village.objects.filter(region=region).exists():
        raise RegistrationError(_("Desa ini sudah punya situs di Balai."))
    if Village.objects.filter(slug=application.wanted_slug).exists():
        raise RegistrationError(
            _("Alamat “%(slug)s” sudah dipakai desa lain. Minta pemohon memilih alamat lain.")
            % {"slug": application.wanted_slug},
            field="wanted_slug",
        )
    domain = application.existing_domain
    if domain and selectors.domain_problem(domain, exclude_application=application.pk):
        raise RegistrationError(
            _("Domain %(domain)s sudah dipakai situs desa lain.") % {"domain": domain}
        )
    # The site's first content is in the village's language (Indonesian), whatever language
    # the approving admin happens to read the dashboard in.
    with translation.override(settings.LANGUAGE_CODE):
        kind = region.get_type_display()
        name = f"{kind} {region.name}"
        village = Village.objects.create(
            region=region,
            slug=application.wanted_slug,
            status=Village.Status.LIVE,
            went_live_at=timezone.now(),
            tagline=_("Situs resmi %(name)s, Kecamatan %(kecamatan)s")
            % {"name": name, "kecamatan": region.parent_name},
            office_address=_office_address(region),
        )
        if domain:
            VillageDomain.objects.create(village=village, domain=domain, is_primary=True)
        # One by one, not bulk_create: Page.save cleans the body into safe HTML paragraphs.
        Page.objects.create(
            village=village,
            title=_("Layanan Administrasi"),
            slug="layanan-administrasi",
            body=_services_text(name),
            order=1,
        )
        Page.objects.create(
            village=village,
            title=_("Kebijakan Privasi"),
            slug="kebijakan-privasi",
            body=_privacy_text(name),
            order=9,
        )
    # The portal lists live villages: its cached pages must show the new one (on commit).
    content_changed(village)
    _invitation, token = invitation_create(
        village=village,
        email=application.email,
        name=application.applicant_name,
        role="admin",
        invited_by=admin,
    )
    # Modules seed their own first content (e.g. the PPID's DIP checklist) in this transaction.
    village_provisioned.send(sender=Village, village=village)
    return village, invitation_url(token)
