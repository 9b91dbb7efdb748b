"""Freshness scores: stored per village, and a village slips when a part goes stale."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from balai.support.freshness import freshness_recompute_all
from balai.support.models import FreshnessScore
from balai.villages.models import Official, Page

TABLE = reverse("support_district_dashboard:freshness")


def _fill(dagan, alice):
    for name in ("history", "vision", "mission", "office_address", "phone"):
        setattr(dagan, name, "Terisi")
    dagan.save()
    Official.objects.create(village=dagan, name="Sugeng", position="Kepala Desa")
    Page.objects.create(village=dagan, title="Privasi", slug="kebijakan-privasi", body="x")
    alice.last_login = timezone.now()
    alice.save(update_fields=["last_login"])


def test_a_complete_and_recently_used_village_scores_100(dagan, alice):
    _fill(dagan, alice)
    freshness_recompute_all()
    assert FreshnessScore.objects.get(village=dagan).score == 100


def test_a_village_slips_when_its_admin_stays_away_and_the_digest_names_it(
    dagan, alice, dina, maya
):
    _fill(dagan, alice)
    freshness_recompute_all()
    later = timezone.now() + timedelta(days=31)
    with mock.patch("django.utils.timezone.now", return_value=later):
        freshness_recompute_all()
        row = FreshnessScore.objects.get(village=dagan)
        assert row.score < 100 and row.slipped_parts == ["admin_login"]
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
