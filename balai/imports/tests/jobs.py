"""A builder for import jobs in tests (one per model, as the conventions ask)."""

from __future__ import annotations

from typing import Any

from balai.imports.models import ImportJob


def make_job(village: Any, importer: str = "population.residents", **fields: Any) -> ImportJob:
    values = {"kind": "xlsx", "status": ImportJob.Status.CHECKED, "report": {"errors": []}}
    values.update(fields)
    return ImportJob.objects.create(village=village, importer=importer, **values)
