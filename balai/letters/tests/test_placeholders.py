"""The placeholder language refuses what it does not know, with the line, and prints only
the whitelisted fields."""

from __future__ import annotations

import pytest

from balai.letters import placeholders
from balai.letters.catalogue import TEMPLATES
from balai.letters.placeholders import TemplateError, parse, parse_fields, render_text


def test_every_seeded_template_parses():
    for spec in TEMPLATES:
        parse(spec["body"], spec["fields"])
    assert len(TEMPLATES) == 15


def test_unknown_field_is_refused_with_its_line():
    with pytest.raises(TemplateError) as caught:
        parse("Halo\n{{ penduduk.nama }}\nGaji {{ penduduk.gaji }}", [])
    assert caught.value.problems[0][0] == 3
    assert "penduduk.gaji" in caught.value.messages()[0]
    assert caught.value.messages()[0].startswith("Baris 3")


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("a\n{{ penduduk.nama }\nb", 2),
        ("{% jika penduduk.nama %}\nx", 1),
        ("x\n{% akhir %}", 2),
        ("{% ulang x %}", 1),
        ("{{ penduduk.nama|upper }}", 1),
        ("{{ penduduk.__class__ }}", 1),
        ("{% jika isian.x %}a{% akhir %}", 1),
    ],
)
def test_syntax_errors_name_the_line(body, line):
    with pytest.raises(TemplateError) as caught:
        parse(body, [])
    assert caught.value.problems[0][0] == line


def test_django_template_syntax_is_only_text_never_run():
    # Django's own tags are not ours: refused, never evaluated.
    with pytest.raises(TemplateError):
        parse("{% load static %}{% debug %}", [])


def test_conditionals_and_operator_fields_render():
    fields = parse_fields("keperluan | Keperluan | teks | opsional")
    nodes = parse(
        "A{% jika isian.keperluan %} untuk {{ isian.keperluan }}{% selain %} -{% akhir %}.", fields
    )
    assert render_text(nodes, {"isian.keperluan": "melamar kerja"}) == "A untuk melamar kerja."
    assert render_text(nodes, {"isian.keperluan": ""}) == "A -."


def test_field_list_errors_name_the_line():
    with pytest.raises(TemplateError) as caught:
        parse_fields(
            "a | A | teks | wajib\nb | B | warna | wajib\nc | C | pilihan: satu | opsional"
        )
    assert [ln for ln, _ in caught.value.problems] == [2, 3]


def test_table_rows_and_paragraphs():
    found = placeholders.blocks("Satu\ndua.\n\n| Nama | Siti\n| NIK | 1\n\nPenutup.")
    assert found[0].text == "Satu dua."
    assert found[1].rows == [("Nama", "Siti"), ("NIK", "1")]
    assert found[2].text == "Penutup."
