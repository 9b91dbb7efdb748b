"""Article bodies keep headings, lists, links and own images; nothing executable survives."""

from __future__ import annotations

import pytest

from balai.news.richtext import article_body_html
from balai.news.tests.conftest import publish

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<a href="&#106;avascript:alert(1)">klik</a>',
    '<p style="background:url(javascript:alert(1))">gaya</p>',
    '<div style="width: expression(alert(1))">css</div>',
    "<svg onload=alert(1)><circle r=5></svg>",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<iframe src="https://evil.example/"></iframe>',
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>"
    "</table></mtext></math>",
    '<form action="https://evil.example"><button>go</button></form>',
    '<object data="javascript:alert(1)"></object>',
    '<img src="https://tracker.example/pixel.gif" alt="x">',
    "<style>body{background:red}</style>",
    '<a href="vbscript:msgbox(1)">vb</a>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "javascript:",
    "vbscript:",
    "expression(",
    "<svg",
    "data:",
    "<iframe",
    "<style",
    "style=",
    "<form",
    "<object",
    "tracker.example",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_malicious_body_is_cleaned_before_it_is_stored(payload):
    cleaned = article_body_html(payload).lower()
    for bad in FORBIDDEN:
        assert bad not in cleaned


def test_the_formatting_the_editor_offers_survives():
    body = (
        "<h2>Judul</h2><p><strong>tebal</strong> <em>miring</em></p><ul><li>satu</li></ul>"
        '<blockquote>kutipan</blockquote><p><a href="https://purbalinggakab.go.id">tautan</a></p>'
        '<img src="/media/berita/a.jpg" alt="foto">'
    )
    cleaned = article_body_html(body)
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        "<li>",
        "<blockquote>",
        'href="https://purbalinggakab.go.id"',
        'src="/media/berita/a.jpg"',
    ):
        assert kept in cleaned


def test_a_video_link_on_its_own_line_becomes_a_watch_link():
    cleaned = article_body_html("Lihat videonya:\n\nhttps://www.youtube.com/watch?v=abc123")
    assert 'class="video-link" href="https://www.youtube.com/watch?v=abc123"' in cleaned
    assert "<iframe" not in cleaned


def test_a_published_page_never_carries_the_payloads(client, dagan):
    article = publish(dagan, title="Uji keamanan", body="\n".join(PAYLOADS))
    html = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode().lower()
    body = html.split('class="prose news-body"', 1)[1].split("</div>", 1)[0]
    for bad in FORBIDDEN:
        assert bad not in body
