"""Error pages render from any host, with nothing in them that can fail."""

from __future__ import annotations

from django.template import loader


def test_the_500_page_renders_without_any_context():
    html = loader.get_template("500.html").render({})
    assert "Maaf, terjadi gangguan" in html
    assert "{%" not in loader.get_template("500.html").template.source


def test_the_403_page_is_friendly(rf, db):
    request = rf.get("/")
    html = loader.get_template("403.html").render({}, request)
    assert "Akses ditolak" in html
