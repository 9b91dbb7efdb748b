from __future__ import annotations

from balai.lib.text import excerpt


def test_an_excerpt_is_one_line_cut_at_a_word():
    assert excerpt("Foto berita\n\ntidak   muncul") == "Foto berita tidak muncul"
    text = (
        "Kami ingin mengunggah data penduduk dari OpenSID tetapi muncul pesan galat berulang kali"
    )
    short = excerpt(text, 40)
    assert len(short) <= 40 and short.endswith("…") and "\n" not in short
    assert short == "Kami ingin mengunggah data penduduk…"


def test_a_word_longer_than_the_limit_is_cut_inside():
    assert excerpt("x" * 100, 10) == "x" * 9 + "…"
