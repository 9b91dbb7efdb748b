"""A story's body as plain text for the editor without JavaScript, and back: no tag is shown,
untouched paragraphs keep their formatting, typed text becomes paragraphs and lists, and what
comes back is cleaned like everything else."""

from __future__ import annotations

import re

import pytest

from balai.news.bodytext import has_formatting, html_to_text, text_to_html
from balai.news.richtext import article_body_html
from balai.news.tests.test_richtext_xss import FORBIDDEN, PAYLOADS

STORED = article_body_html(
    "<h2>Hasil musyawarah</h2>\n"
    '<p>Warga <strong>sepakat</strong> memperbaiki <a href="https://desa.id/talud">talud</a>.</p>\n'
    "<ul><li>Kerja bakti Minggu</li><li>Iuran <em>sukarela</em></li></ul>\n"
    "<ol><li>Dusun Krajan</li><li>Dusun Kulon</li></ol>\n"
    "<blockquote><p>Gotong royong itu kekuatan desa.</p></blockquote>\n"
    "<p>https://www.youtube.com/watch?v=abc123</p>\n"
    '<p><img src="/media/berita/talud.jpg" alt="Talud batu"></p>'
)


def test_the_textarea_shows_readable_text_without_any_tag():
    text = html_to_text(STORED)
    assert "<" not in text and ">" not in text
    assert text.split("\n\n") == [
        "Hasil musyawarah",
        "Warga sepakat memperbaiki talud.",
        "• Kerja bakti Minggu\n• Iuran sukarela",
        "1. Dusun Krajan\n2. Dusun Kulon",
        "Gotong royong itu kekuatan desa.",
        "https://www.youtube.com/watch?v=abc123",
        "[Foto: Talud batu]",
    ]


def test_saving_the_text_unchanged_keeps_every_bit_of_formatting():
    again = article_body_html(text_to_html(html_to_text(STORED), previous=STORED))
    for kept in (
        "<h2>Hasil musyawarah</h2>",
        "<strong>sepakat</strong>",
        'href="https://desa.id/talud"',
        "<em>sukarela</em>",
        "<ol><li>Dusun Krajan</li>",
        "<blockquote>",
        'class="video-link"',
        'src="/media/berita/talud.jpg"',
    ):
        assert kept in again
    assert article_body_html(text_to_html(html_to_text(again), previous=again)) == again


def test_a_changed_paragraph_becomes_plain_and_the_others_keep_their_formatting():
    text = html_to_text(STORED).replace(
        "Warga sepakat memperbaiki talud.", "Warga sepakat memperbaiki talud dan saluran."
    )
    body = article_body_html(text_to_html(text, previous=STORED))
    assert "<p>Warga sepakat memperbaiki talud dan saluran.</p>" in body
    assert "<strong>" not in body  # the bold word was in the changed paragraph
    assert "<h2>Hasil musyawarah</h2>" in body and "<em>sukarela</em>" in body


def test_moved_and_deleted_paragraphs_carry_their_formatting_along():
    blocks = html_to_text(STORED).split("\n\n")
    text = "\n\n".join([blocks[6], blocks[1], blocks[0]])  # photo first, list and quote gone
    body = text_to_html(text, previous=STORED)
    assert body.index("<img") < body.index("<strong>") < body.index("<h2>")
    assert "<ul>" not in body and "<blockquote>" not in body


def test_blank_lines_make_paragraphs_and_single_lines_make_line_breaks():
    body = article_body_html(text_to_html("Baris satu\nbaris dua\n\n\nParagraf kedua"))
    assert body == "<p>Baris satu<br>baris dua</p>\n<p>Paragraf kedua</p>"


def test_typed_bullets_and_numbers_make_lists_but_a_lone_number_stays_text():
    body = text_to_html("- beras\n- minyak\n\n1. daftar\n2. datang\n\n2. Hasil rapat")
    assert "<ul><li>beras</li><li>minyak</li></ul>" in body
    assert "<ol><li>daftar</li><li>datang</li></ol>" in body
    assert "<p>2. Hasil rapat</p>" in body


def test_a_web_address_becomes_a_link_and_a_video_address_a_watch_link():
    body = article_body_html(
        text_to_html("Daftar di https://desa.id/daftar.\n\nhttps://youtu.be/xyz")
    )
    assert '<a href="https://desa.id/daftar" rel="noopener noreferrer">' in body
    assert "</a>." in body  # the full stop after the address is not part of it
    assert 'class="video-link" href="https://youtu.be/xyz"' in body


def test_text_that_looks_like_markup_is_shown_as_text_not_obeyed():
    body = article_body_html(text_to_html('Umur < 5 tahun <b>gratis</b> <a href="x">a</a>'))
    assert "<b>" not in body and "<strong>" not in body and "<a " not in body
    assert "&lt;b&gt;gratis&lt;/b&gt;" in body and "Umur &lt; 5" in body


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_in_the_plain_textarea_stays_harmless(payload):
    cleaned = article_body_html(text_to_html(payload)).lower()
    assert set(re.findall(r"<(/?[a-z0-9]+)", cleaned)) <= {"p", "/p", "br", "a", "/a"}
    hrefs = re.findall(r'<a [^>]*href="([^"]*)"', cleaned)
    assert all(href.startswith("https://") for href in hrefs)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_html_kept_from_a_previous_body_is_cleaned_again(payload):
    # A row written in bulk, never cleaned: its blocks are reused, and richtext cleans them.
    cleaned = article_body_html(text_to_html(html_to_text(payload), previous=payload)).lower()
    for bad in FORBIDDEN:
        assert bad not in cleaned


def test_the_form_warns_only_about_formatting_plain_text_cannot_show():
    assert has_formatting(STORED)
    assert not has_formatting(article_body_html("Satu.\n\nhttps://youtu.be/xyz"))
    assert not has_formatting('<p><img src="/media/berita/a.jpg" alt="a"></p>')
