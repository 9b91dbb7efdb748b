"""The one SVG chart helper: every chart names itself for screen readers, escapes what villages
typed, keeps its ids to itself, and never lets a hidden bar's length tell its number."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template

from balai.lib import charts


def _bars(*rows: tuple[str, int, str, bool]) -> list[charts.Bar]:
    return [charts.Bar(label, value, text, hidden=hidden) for label, value, text, hidden in rows]


def test_a_chart_is_an_image_with_a_title_screen_readers_read():
    svg = charts.bar_chart(
        chart_id="chart-dusun", title="Penduduk per dusun", bars=_bars(("Dusun I", 40, "40", False))
    )
    assert svg.startswith('<svg class="chart chart-bars" role="img" id="chart-dusun"')
    assert 'aria-labelledby="chart-dusun-title"' in svg
    assert '<title id="chart-dusun-title">Penduduk per dusun</title>' in svg
    assert "style=" not in svg  # the CSP forbids style attributes


def test_text_typed_by_a_village_is_escaped_and_the_template_prints_the_markup():
    svg = charts.bar_chart(
        chart_id="chart-x",
        title='Dusun "<b>"',
        bars=_bars(('<script>alert(1)</script> & "A"', 3, "< 5", True)),
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&amp; &quot;A&quot;" in svg
    assert "&lt; 5" in svg
    html = Template("{{ chart }}").render(Context({"chart": svg}))
    assert html == svg  # printed as markup, not escaped a second time


def test_hidden_bars_are_hatched_markers_of_one_length_whatever_they_hide():
    svg = charts.bar_chart(
        chart_id="chart-agama",
        title="Agama",
        bars=_bars(
            ("Islam", 900, "900", False), ("Hindu", 0, "< 5", True), ("Buddha", 0, "*", True)
        ),
    )
    hidden = re.findall(r'<rect [^>]*fill="url\(#chart-agama-hatch\)"', svg)
    assert len(hidden) == 2
    assert all(f'width="{charts.HIDDEN_WIDTH}"' in rect for rect in hidden)
    assert svg.count('<pattern id="chart-agama-hatch"') == 1


def test_two_charts_on_one_page_share_no_id():
    one = charts.bar_chart(chart_id="chart-a", title="A", bars=_bars(("x", 0, "*", True)))
    two = charts.pyramid_chart(
        chart_id="chart-b",
        title="B",
        rows=[charts.PyramidRow("0–4", 0, 3, "< 5", "3", True, False)],
        left_key="Laki-laki",
        right_key="Perempuan",
    )
    ids = re.findall(r'\bid="([^"]+)"', one + two)
    assert len(ids) == len(set(ids)) == 6


@pytest.mark.parametrize("chart_id", ["Chart", "chart id", 'x"onload="alert(1)', ""])
def test_an_id_that_is_not_a_plain_slug_is_refused(chart_id):
    with pytest.raises(ValueError):
        charts.bar_chart(chart_id=chart_id, title="A", bars=_bars(("x", 1, "1", False)))


def test_a_long_value_still_fits_inside_the_picture():
    bars = [charts.Bar("Dana Desa", 1_000, "Rp 952 jt · 80,3%", inner=800)]
    svg = charts.bar_chart(chart_id="chart-income", title="Pendapatan", bars=bars)
    width = float(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
    bar = re.search(r'<rect x="0" y="\d+" width="([\d.]+)"', svg)
    text_x = float(re.findall(r'<text x="([\d.]+)"[^>]*class="chart-value"', svg)[0])
    assert float(bar.group(1)) <= text_x
    # ten user units a character leaves room for the value at the phone's larger font
    assert text_x + len("Rp 952 jt · 80,3%") * 10 <= width + 8


def test_columns_carry_a_tooltip_per_bar_and_the_map_links_only_to_pages():
    svg = charts.column_chart(
        chart_id="chart-years",
        title="Per tahun",
        columns=[charts.Column("2025", (5, 7), ("2025 · Pendapatan Rp 5", "2025 · Belanja Rp 7"))],
        series=[
            charts.Series("Pendapatan", charts.MID_GREEN),
            charts.Series("Belanja", charts.GREEN),
        ],
    )
    assert "<title>2025 · Belanja Rp 7</title>" in svg and ">2025</text>" in svg
    point = charts.Point("Jalan", "/desa/dagan/pembangunan/jalan/", -7.3, 109.3)
    assert 'href="/desa/dagan/pembangunan/jalan/"' in charts.point_map(
        chart_id="chart-map", title="Peta", points=[point]
    )
    with pytest.raises(ValueError):
        charts.point_map(
            chart_id="chart-map",
            title="Peta",
            points=[charts.Point("x", "javascript:alert(1)", -7.3, 109.3)],
        )


def test_no_rows_draw_nothing_or_the_empty_sentence():
    assert charts.bar_chart(chart_id="chart-a", title="A", bars=[]) == ""
    empty = charts.bar_chart(chart_id="chart-a", title="A", bars=[], empty_text="Belum ada data.")
    assert "Belum ada data." in empty and 'role="img"' in empty
