"""Formulas: a cell that holds a real formula (in .xlsx, .ods or .xls) is refused on every
import, naming the cell and saying to paste values, because its stored result may be stale or
empty; text that merely starts with "=", "+", "-" or "@" is data and is kept as text (the
exports neutralise it, balai.lib.exports)."""

from __future__ import annotations

import pytest

from balai.imports.models import ImportJob
from balai.imports.tests import files
from balai.imports.tests.conftest import DOMAINS

HEADER = ["nik", "no_kk", "nama"]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls"])
def test_a_real_formula_is_refused_naming_the_cell(upload, domain, kind):
    if kind == "xlsx":
        content = files.xlsx_formula([HEADER, ["1", "2", "3"]], (2, 2), '=UPPER("budi")')
        cell = "C3"
    elif kind == "ods":
        content, cell = files.ods_formula([HEADER]), "A2"
    else:
        content, cell = files.xls([(0, 0, "nik")], formula_at=(1, 0)), "A2"
    _response, job = upload(domain, content, f"rumus.{kind}")
    assert job.status == ImportJob.Status.FAILED
    assert "rumus (formula)" in job.failure and cell in job.failure
    assert "Tempel Nilai" in job.failure
