"""The demo gives Dagan its institutions, boards, activities and one term that ends soon."""

from __future__ import annotations

import random

from balai.institutions import demo
from balai.institutions.models import Institution, Member
from balai.institutions.selectors import term_checklist
from balai.news.tests.conftest import publish


def test_dagan_gets_its_institutions_with_boards_news_and_a_reminder(dagan, bojongsari):
    publish(dagan, title="Posyandu Balita Bulan Mei")
    publish(dagan, title="Pelatihan Membatik untuk Ibu-ibu PKK")
    counts = demo.demo_build(rng=random.Random(1), villages=[dagan, bojongsari], users={})
    kinds = set(Institution.objects.for_village(dagan).values_list("kind", flat=True))
    assert kinds == {"bpd", "lpm", "pkk", "karang_taruna", "posyandu", "bumdes"}
    assert Member.objects.for_village(dagan).count() >= 6 * 4
    assert Institution.objects.for_village(bojongsari).count() == 2
    posyandu = Institution.objects.for_village(dagan).get(kind="posyandu")
    assert [a.title for a in posyandu.articles.all()] == ["Posyandu Balita Bulan Mei"]
    assert counts["activities"] == 2
    assert [item.label.split(" berakhir")[0] for item in term_checklist(dagan)] == [
        "Masa bakti Karang Taruna Tunas Muda"
    ]
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not Institution.objects.exists() and not Member.objects.exists()
