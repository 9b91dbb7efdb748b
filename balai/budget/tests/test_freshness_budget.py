"""The budget freshness check: this year's APBDes approved; kelurahan are not asked."""

from __future__ import annotations

from django.utils import timezone

from balai.budget.freshness import apbdes_current
from balai.budget.tests.conftest import make_year
from balai.watch.freshness import freshness_checks


def _this_year() -> int:
    return timezone.localdate().year


def test_the_check_is_registered():
    assert "apbdes_current" in {c.key for c in freshness_checks()}


def test_an_approved_or_revised_apbdes_of_this_year_passes(dagan, bojongsari):
    make_year(dagan, _this_year())
    make_year(bojongsari, _this_year(), status="revised")
    assert apbdes_current(dagan) is True
    assert apbdes_current(bojongsari) is True


def test_a_draft_or_last_years_apbdes_fails(dagan, bojongsari):
    make_year(dagan, _this_year() - 1)
    make_year(bojongsari, _this_year(), status="draft")
    assert apbdes_current(dagan) is False
    assert apbdes_current(bojongsari) is False


def test_a_kelurahan_is_not_asked(db):
    from balai.conftest import make_village
    from balai.regions.models import Region

    region = Region.objects.filter(type="kelurahan").order_by("code").first()
    assert apbdes_current(make_village(region.code, "kelurahan-uji")) is None
