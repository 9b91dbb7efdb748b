"""The audit list reads as sentences: every code the source logs has one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from balai.audit.models import AuditEntry
from balai.audit.sentences import SENTENCES, audit_sentence
from balai.audit.services import audit_record
from balai.imports.registry import registered
from balai.market.models import Product, Review, Seller

CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
SOURCE = Path(__file__).resolve().parents[2]


def _logged_codes() -> tuple[set[str], set[str]]:
    """Codes passed as `action=` anywhere in the project, and the f-string patterns."""
    codes: set[str] = set()
    patterns: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            for kw in node.keywords:
                if kw.arg != "action":
                    continue
                values = (
                    [kw.value.body, kw.value.orelse]
                    if isinstance(kw.value, ast.IfExp)
                    else [kw.value]
                )
                for value in values:
                    if isinstance(value, ast.Constant) and CODE.match(str(value.value)):
                        codes.add(value.value)
                    elif isinstance(value, ast.JoinedStr):
                        patterns.add(ast.unparse(value))
    return codes, patterns


def test_every_logged_code_has_a_sentence():
    codes, patterns = _logged_codes()
    assert len(codes) > 60  # the scan found the project's calls
    assert sorted(codes - set(SENTENCES)) == []
    # The codes built at run time, from the values they are built with.
    built = {f"market.seller_{s}" for s in Seller.Status.values}
    built |= {f"market.product_{s}" for s in Product.Status.values}
    built |= {f"market.review_{s}" for s in Review.Status.values}
    built |= {f"{spec.domain}.import_upload" for spec in registered().values()}
    built |= {f"{spec.domain}.import_download" for spec in registered().values()}
    assert sorted(built - set(SENTENCES)) == []
    assert patterns == {
        "f'market.seller_{status}'",
        "f'market.product_{status}'",
        "f'market.review_{status}'",
        "f'{spec.domain}.import_upload'",
        "f'{domain}.import_download'",
    }, "a new code built at run time: list its values above"


@pytest.mark.django_db
def test_a_budget_approval_reads_as_a_sentence_in_indonesian_and_english(dagan, alice):
    entry = audit_record(actor=alice, action="budget.year_approve", target="2026", village=dagan)
    entry = AuditEntry.objects.select_related("actor", "village__region").get(pk=entry.pk)
    assert audit_sentence(entry) == "Alice Rahayu menyetujui APBDes 2026 Desa Dagan"
    with translation.override("en"):
        assert "2026" in audit_sentence(entry)


@pytest.mark.django_db
def test_a_district_wide_entry_by_the_system_and_an_unknown_code(dina):
    entry = audit_record(actor=None, action="user.create", target="baru@desa.id")
    assert audit_sentence(entry) == "Sistem membuat akun baru@desa.id"
    entry = audit_record(actor=dina, action="x.unknown", target="t")
    assert audit_sentence(entry) == f"{dina.name} x.unknown t"


def test_the_audit_page_shows_sentences_not_codes(login, dina, dagan, alice):
    audit_record(actor=alice, action="budget.year_approve", target="2026", village=dagan)
    html = login(dina).get(reverse("district:audit")).content.decode()
    assert "Alice Rahayu menyetujui APBDes 2026 Desa Dagan" in html
    assert "budget.year_approve" not in html
