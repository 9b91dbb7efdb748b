"""Freshness scores: stored per village, and a village slips when a part goes stale."""

from __future__ import annotations

import io
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from balai.villages.models import Official, Page
from balai.watch.freshness import freshness_recompute_all
from balai.watch.models import FreshnessScore

TABLE = reverse("watch_district_dashboard:freshness")


def _fill(dagan, alice):
    for name in ("history", "vision", "mission", "office_address", "phone"):
        setattr(dagan, name, "Terisi")
    dagan.save()
    Official.objects.create(village=dagan, name="Sugeng", position="Kepala Desa")
    Page.objects.create(village=dagan, title="Privasi", slug="kebijakan-privasi", body="x")
    alice.last_login = timezone.now()
    alice.save(update_fields=["last_login"])
    _fill_modules(dagan)


def _fill_modules(dagan):
    """The parts the modules register: a recent story, this year's APBDes, a complete DIP."""
    from balai.budget.models import FiscalYear
    from balai.disclosure.models import DipItem
    from balai.disclosure.services import dip_seed
    from balai.news.tests.conftest import publish

    year = timezone.localdate().year
    publish(dagan, title="Kerja bakti saluran irigasi")
    FiscalYear.objects.create(village=dagan, year=year, status="approved", perdes_number="3")
    dip_seed(village=dagan, year=year)
    DipItem.objects.for_village(dagan).update(link="https://contoh.desa.id/dip.pdf")


def test_a_complete_and_recently_used_village_scores_100(dagan, alice):
    _fill(dagan, alice)
    freshness_recompute_all()
    row = FreshnessScore.objects.get(village=dagan)
    assert row.score == 100
    # The modules' own checks are stored too; the never-opened shop does not apply.
    assert row.parts["news_recent"] is True and row.parts["apbdes_current"] is True
    assert row.parts["dip_complete"] is True and row.parts["shop_active"] is None


def test_the_daily_command_stores_the_module_parts_and_a_kelurahan_skips_budget_and_ppid(db):
    from balai.conftest import make_village
    from balai.regions.models import Region

    region = Region.objects.filter(type="kelurahan").order_by("code").first()
    kelurahan = make_village(region.code, "kelurahan-uji")
    call_command("support_freshness", stdout=io.StringIO())
    parts = FreshnessScore.objects.get(village=kelurahan).parts
    assert parts["news_recent"] is False
    assert parts["apbdes_current"] is None and parts["dip_complete"] is None
    assert parts["shop_active"] is None


def test_a_village_slips_when_its_admin_stays_away_and_the_digest_names_it(
    dagan, alice, dina, maya
):
    _fill(dagan, alice)
    freshness_recompute_all()
    later = timezone.now() + timedelta(days=31)
    with mock.patch("django.utils.timezone.now", return_value=later):
        freshness_recompute_all()
        row = FreshnessScore.objects.get(village=dagan)
        assert row.score < 100 and "admin_login" in row.slipped_parts
        call_command("support_freshness_digest")
    recipients = {to for m in mail.outbox for to in m.to}
    assert {dina.email, maya.email} <= recipients
    assert "Desa Dagan" in mail.outbox[0].body


def test_the_district_sees_the_table_and_can_filter_slipped(login, dina, dagan, bojongsari, alice):
    _fill(dagan, alice)
    freshness_recompute_all()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=31)):
        freshness_recompute_all()
        page = login(dina).get(TABLE, {"turun": "1"}).content.decode()
    assert "Desa Dagan" in page and "Desa Bojongsari" not in page


def test_a_kecamatan_viewer_sees_only_their_kecamatan(login, kiki, dagan, bojongsari):
    freshness_recompute_all()
    page = login(kiki).get(TABLE).content.decode()
    assert "Dagan" in page and "Bojongsari" not in page


def test_a_mentor_sees_only_their_villages_and_others_get_404(
    login, maya, alice, dagan, bojongsari, charlie
):
    freshness_recompute_all()
    page = login(maya).get(TABLE).content.decode()
    assert "Dagan" in page and "Bojongsari" not in page
    assert login(charlie).get(TABLE).status_code == 404


def test_the_table_has_pinned_queries(
    login, dina, dagan, bojongsari, django_assert_max_num_queries
):
    freshness_recompute_all()
    client = login(dina)
    with django_assert_max_num_queries(10):
        client.get(TABLE, {"urut": "desa"})
