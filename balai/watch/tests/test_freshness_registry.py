"""Every app declares its freshness checks in its own `freshness.py`; the watch finds them by
the module's name, in INSTALLED_APPS order, and no such module imports the watch."""

from __future__ import annotations

import ast
import importlib
import inspect
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from balai.watch.freshness import freshness_checks, freshness_discover, freshness_recompute_all
from balai.watch.tests.test_freshness import _fill


def test_the_checks_of_every_app_are_found_in_installed_apps_order():
    assert [c.key for c in freshness_checks()] == [
        "profile",
        "officials",
        "privacy",
        "admin_login",
        "news_recent",
        "apbdes_current",
        "dip_complete",
        "shop_active",
    ]


def test_discovering_again_changes_nothing():
    before = freshness_checks()
    found = freshness_discover()
    assert freshness_checks() == before
    assert "balai.news.freshness" in found and "balai.watch.freshness" not in found


def test_no_apps_freshness_module_imports_the_watch():
    for name in freshness_discover():
        tree = ast.parse(inspect.getsource(importlib.import_module(name)))
        imported = {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        } | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert not any(m.startswith(("balai.watch", "balai.support")) for m in imported), name


def test_a_deactivated_mentor_or_viewer_gets_no_digest(dagan, alice, dina, maya, kiki):
    _fill(dagan, alice)
    freshness_recompute_all()
    for person in (maya, kiki):
        person.is_active = False
        person.save(update_fields=["is_active"])
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=31)):
        freshness_recompute_all()
        call_command("support_freshness_digest")
    assert [m.to for m in mail.outbox] == [[dina.email]]
