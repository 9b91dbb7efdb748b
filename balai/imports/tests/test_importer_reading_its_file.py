"""An importer can read the stored upload itself (reader = "file"), as the move from an
OpenSID backup will for its .sql dump: it gets a local path, and the rest of the pipeline
(sniffing, job, check, report, confirmation, write) stays the same."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from balai.imports import registry
from balai.imports.models import ImportJob
from balai.imports.pipeline import job_apply
from balai.imports.registry import Changes, Context, Importer, Issues
from balai.imports.services import job_confirm, job_start

WRITTEN: list[str] = []


class LinesImporter(Importer[str]):
    key = "tests.lines"
    domain = "tests"
    area = "personal"
    label = "baris"
    kinds = frozenset({"sql"})
    reader = "file"

    def parse(self, ctx: Context, source: Any, issues: Issues, progress: Any) -> list[str]:
        with open(source, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle if line.strip()]
        for number, line in enumerate(lines, start=1):
            if line.startswith("INSERT") is False:
                issues.warn((0, "", number), "", "bukan INSERT")
        return lines

    def compare(self, ctx: Context, rows: list[str]) -> Changes:
        return Changes(added=len(rows))

    def write(self, ctx: Context, rows: list[str], changes: Changes) -> dict[str, int]:
        WRITTEN.extend(rows)
        return changes.counts()


def test_an_importer_reads_its_own_file(dagan, alice, monkeypatch):
    monkeypatch.setitem(registry._REGISTRY, LinesImporter.key, LinesImporter)
    dump = b"INSERT INTO artikel VALUES (1);\nINSERT INTO artikel VALUES (2);\n-- selesai\n"
    job = job_start(
        village=dagan,
        user=alice,
        importer=LinesImporter.key,
        upload=SimpleUploadedFile("a.sql", dump),
    )
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED
    assert job.report["changes"]["added"] == 3 and job.report["warnings"] == [
        [3, "", "bukan INSERT"]
    ]
    job_confirm(job=job)
    job_apply(job_id=job.pk)
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    assert WRITTEN[:2] == ["INSERT INTO artikel VALUES (1);", "INSERT INTO artikel VALUES (2);"]
