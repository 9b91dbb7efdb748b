from __future__ import annotations

from django.urls import reverse

from balai.audit.models import AuditEntry


def entries(village, n, action):
    AuditEntry.objects.bulk_create(
        [AuditEntry(village=village, action=action, target=f"t{i}") for i in range(n)]
    )


def test_audit_log_is_paginated(login, dina, dagan):
    entries(dagan, 60, "uji.dagan")
    client = login(dina)
    first = client.get(reverse("district:audit")).content.decode()
    assert first.count("uji.dagan") == 50 and "Halaman 1 dari 2" in first
    second = client.get(reverse("district:audit"), {"halaman": 2}).content.decode()
    assert second.count("uji.dagan") == 10


def test_audit_log_filters_by_village(login, dina, dagan, bojongsari):
    entries(dagan, 3, "uji.dagan")
    entries(bojongsari, 2, "uji.bojongsari")
    html = login(dina).get(reverse("district:audit"), {"desa": "bojongsari"}).content.decode()
    assert html.count("uji.bojongsari") == 2 and "uji.dagan" not in html


def test_audit_log_query_count_is_bounded(login, dina, dagan, django_assert_max_num_queries):
    entries(dagan, 30, "uji.dagan")
    client = login(dina)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("district:audit")).status_code == 200
