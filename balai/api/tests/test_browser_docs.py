"""The API docs page works in a real browser under the site's strict CSP, from our own
static files only: the schema renders and "Try it out" calls the API."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_docs_render_under_the_csp_without_loading_anything_from_outside(
    desktop, live_server, dagan
):
    messages: list[str] = []
    requested: list[str] = []
    desktop.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    desktop.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    desktop.on("request", lambda r: requested.append(r.url))

    desktop.goto("/api/docs")
    desktop.get_by_text("/api/v1/villages/{slug}/news").first.wait_for()
    desktop.get_by_text("/api/v1/villages", exact=True).first.click()
    desktop.get_by_role("button", name="Try it out").click()
    desktop.get_by_role("button", name="Execute").click()
    live = desktop.locator(".live-responses-table")
    live.wait_for()
    assert "dagan" in live.inner_text()

    problems = [m for m in messages if "error" in m.lower() or "security policy" in m.lower()]
    assert not problems, problems
    outside = [u for u in requested if not u.startswith((live_server.url, "data:"))]
    assert not outside, outside
