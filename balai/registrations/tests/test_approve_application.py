from __future__ import annotations

import re

from django.core import mail

from balai.accounts.models import Invitation
from balai.audit.models import AuditEntry
from balai.registrations.models import Application, ApplicationEvent
from balai.registrations.tests.conftest import KELURAHAN_BOJONG, file_application
from balai.villages.models import Page, Village


def _approve(client, application):
    return client.post(f"/dasbor/kabupaten/pendaftaran/{application.pk}/setujui/", follow=True)


def test_approval_makes_the_site_live_at_once(login, dina, application):
    _approve(login(dina), application)
    village = Village.objects.get(region_id=application.region_id)
    assert village.slug == "bokol"
    assert village.status == Village.Status.LIVE
    assert village.went_live_at is not None
    assert village.office_address == (
        "Kantor Desa Bokol, Kecamatan Kemangkon, Kabupaten Purbalingga 53381"
    )
    assert "Kecamatan Kemangkon" in village.tagline
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert application.village == village
    assert application.events.last().kind == ApplicationEvent.Kind.APPROVED


def test_approval_adds_the_default_pages(login, dina, application):
    _approve(login(dina), application)
    pages = Page.objects.for_village(Village.objects.get(slug="bokol"))
    assert set(pages.values_list("slug", flat=True)) == {
        "kebijakan-privasi",
        "layanan-administrasi",
    }
    privacy = pages.get(slug="kebijakan-privasi")
    assert "27 Tahun 2022" in privacy.body
    assert privacy.is_published


def test_approval_invites_the_applicant_as_village_admin_by_email(login, dina, application):
    mail.outbox.clear()
    _approve(login(dina), application)
    invitation = Invitation.objects.get(email="slamet@example.com")
    assert invitation.role == "admin"
    assert invitation.village.slug == "bokol"
    assert invitation.invited_by == dina
    (message,) = [m for m in mail.outbox if m.to == ["slamet@example.com"]]
    link = re.search(r"https?://\S+/undangan/(\S+)/", message.body)
    assert link is not None
    assert Invitation.hash_token(link.group(1)) == invitation.token_hash


def test_the_approving_admin_sees_the_link_and_a_whatsapp_share_once(login, dina, application):
    client = login(dina)
    response = _approve(client, application)
    page = response.content.decode()
    assert "/undangan/" in page
    assert "https://wa.me/6281234567890?text=" in page
    again = client.get(f"/dasbor/kabupaten/pendaftaran/{application.pk}/disetujui/")
    assert "/undangan/" not in again.content.decode()


def test_approval_is_audited(login, dina, application):
    _approve(login(dina), application)
    entry = AuditEntry.objects.get(action="application.approve")
    assert entry.actor == dina
    assert entry.village.slug == "bokol"
    assert entry.target == application.code


def test_an_existing_domain_is_attached_to_the_new_site(login, dina, db):
    application = file_application(KELURAHAN_BOJONG, existing_domain="bojong.desa.id")
    _approve(login(dina), application)
    village = Village.objects.get(region_id=KELURAHAN_BOJONG)
    assert list(village.domains.values_list("domain", flat=True)) == ["bojong.desa.id"]
    assert village.office_address.startswith("Kantor Kelurahan Bojong")


def test_an_address_taken_meanwhile_refuses_approval_and_creates_nothing(login, dina, application):
    Village.objects.create(region_id="33.03.01.2003", slug="bokol")  # taken by hand meanwhile
    response = login(dina).post(f"/dasbor/kabupaten/pendaftaran/{application.pk}/setujui/")
    assert response.status_code == 400
    assert "sudah dipakai desa lain" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not Village.objects.filter(region_id=application.region_id).exists()
    assert not Invitation.objects.exists()
    assert not AuditEntry.objects.filter(action="application.approve").exists()


def test_the_tracking_page_links_to_the_new_site(client, login, dina, application):
    _approve(login(dina), application)
    client.logout()
    page = client.get(f"/daftar/status/{application.code}/").content.decode()
    assert "Disetujui" in page
    assert 'href="/desa/bokol/"' in page
