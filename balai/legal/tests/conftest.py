"""Builders for the legal acts register's tests (the cast comes from balai/conftest.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import ContentFile

from balai.legal.models import LegalAct
from balai.lib.tests.files import reportlab_pdf


def make_act(village: Any, **fields: Any) -> LegalAct:
    """A published Perdes with a real PDF; `fields` override any value."""
    with_file = fields.pop("with_file", True)
    values: dict[str, Any] = {
        "kind": LegalAct.Kind.PERDES,
        "number": "1",
        "title": "Anggaran Pendapatan dan Belanja Desa Tahun Anggaran 2026",
        "enacted_on": date(2025, 12, 20),
        "gazette_number": "1",
    }
    values.update(fields)
    values.setdefault("promulgated_on", values["enacted_on"])
    act = LegalAct(village=village, **values)
    if with_file and not act.external_url:
        act.file.save("naskah.pdf", ContentFile(reportlab_pdf(act.citation)), save=False)
    act.save()
    return act
