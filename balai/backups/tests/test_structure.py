"""The three apps split from support follow the house rules: every model with a village field
is VillageOwned and says whether it is public content; templates compare against choices or
properties, never string literals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from balai.villages.models import VillageOwned

APPS = ["mentoring", "watch", "backups"]
LITERAL = re.compile(r"""\{%\s*(?:if|elif)\b[^%]*(?:==|!=)\s*["']""")


@pytest.mark.parametrize("label", APPS)
def test_every_model_with_a_village_is_village_owned_and_states_public_content(label):
    for model in apps.get_app_config(label).get_models():
        if "village" in {f.name for f in model._meta.concrete_fields}:
            assert issubclass(model, VillageOwned), model
            assert "public_content" in model.__dict__, model


@pytest.mark.parametrize("label", APPS)
def test_templates_compare_against_choices_not_string_literals(label):
    folder = Path(settings.BASE_DIR) / "templates" / label
    found = [
        f"{path.relative_to(folder)}: {match.group(0)}"
        for path in sorted(folder.rglob("*.html"))
        for match in LITERAL.finditer(path.read_text())
    ]
    assert found == []
