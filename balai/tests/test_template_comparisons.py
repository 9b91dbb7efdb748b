"""Templates compare against model choices or properties, never string literals: a renamed
choice value must not leave a template silently taking the other branch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
IF_TAG = re.compile(r"\{%-?\s*(?:el)?if\b.*?%\}", re.S)
COMPARISON = re.compile(r"([\w.]+)\s*(?:==|!=)\s*['\"]")
# Django's form API rather than domain values: which field or widget is being drawn.
FORM_API = {"field.widget_type", "field.name"}


def templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def literal_comparisons(text: str) -> list[str]:
    return [
        f"{left} == '…'"
        for tag in IF_TAG.findall(text)
        for left in COMPARISON.findall(tag)
        if left not in FORM_API
    ]


@pytest.mark.parametrize("path", templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_compares_with_a_string_literal(path):
    found = literal_comparisons(path.read_text())
    assert not found, f"compare with a choice or a property instead: {found}"


def test_the_check_sees_a_literal_comparison():
    assert literal_comparisons('{% if a.status == "live" %}x{% endif %}') == ["a.status == '…'"]
    assert literal_comparisons("{% elif m.role != 'editor' and x %}") == ["m.role == '…'"]
    assert literal_comparisons("{% if a.is_live %}{% if a.status == a.Status.LIVE %}") == []
