"""The PPID freshness check: this year's DIP complete and no late request; kelurahan skipped."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from balai.disclosure import services
from balai.disclosure.freshness import dip_complete
from balai.disclosure.models import DipItem
from balai.disclosure.tests.conftest import make_request
from balai.watch.freshness import freshness_checks


def _complete_dip(village) -> None:
    services.dip_seed(village=village, year=timezone.localdate().year)
    DipItem.objects.for_village(village).update(link="https://contoh.desa.id/dokumen.pdf")


def test_the_check_is_registered():
    assert "dip_complete" in {c.key for c in freshness_checks()}


def test_a_complete_dip_without_late_requests_passes(dagan):
    _complete_dip(dagan)
    make_request(dagan)  # open, still within its deadline
    assert dip_complete(dagan) is True


def test_a_dip_with_missing_items_or_none_at_all_fails(dagan, bojongsari):
    services.dip_seed(village=dagan, year=timezone.localdate().year)
    assert dip_complete(dagan) is False
    assert dip_complete(bojongsari) is False


def test_a_late_request_fails_even_with_a_complete_dip(dagan):
    _complete_dip(dagan)
    make_request(dagan, received_on=timezone.localdate() - timedelta(days=60))
    assert dip_complete(dagan) is False


def test_a_kelurahan_is_not_asked(kelurahan):
    assert dip_complete(kelurahan) is None
