"""A desa approved by the district starts with this year's DIP checklist; a kelurahan not."""

from __future__ import annotations

from django.utils import timezone

from balai.disclosure.checklist import BERKALA
from balai.disclosure.models import DipItem
from balai.registrations.services import application_approve
from balai.registrations.tests.conftest import BOKOL, KELURAHAN_BOJONG, file_application
from balai.villages.models import Village


def test_approving_a_desa_gives_it_this_years_dip_checklist(dina):
    application_approve(application=file_application(BOKOL), admin=dina)
    village = Village.objects.get(region_id=BOKOL)
    items = DipItem.objects.for_village(village)
    assert items.count() == len(BERKALA)
    assert set(items.values_list("year", flat=True)) == {timezone.localdate().year}
    assert set(items.values_list("checklist_key", flat=True)) == {c.key for c in BERKALA}


def test_approving_a_kelurahan_seeds_no_dip(dina):
    application_approve(
        application=file_application(KELURAHAN_BOJONG, wanted_slug="bojong"), admin=dina
    )
    village = Village.objects.get(region_id=KELURAHAN_BOJONG)
    assert not DipItem.objects.for_village(village).exists()


def test_the_approval_page_seeds_it_too(login, dina):
    application = file_application(BOKOL)
    login(dina).post(f"/dasbor/kabupaten/pendaftaran/{application.pk}/setujui/")
    assert DipItem.objects.filter(village__region_id=BOKOL).count() == len(BERKALA)
