"""The cells are read in a child process with a memory and a time limit, so a file that makes
the reader abort, run out of memory, crash or hang ends that child only: the job fails with a
message, and the worker goes on with the next task."""

from __future__ import annotations

import os
import subprocess

import pytest

from balai.imports import isolation
from balai.imports.isolation import ChildLimits, read_isolated
from balai.imports.models import ImportJob
from balai.imports.problems import FileProblem
from balai.imports.tests import files

HEADER = ["nik", "no_kk", "nama"]
NO_MEASURE = {"max_cells": 10**13, "max_rows": 10**7, "max_columns": 10**5}


def _file(tmp_path, content: bytes, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def test_without_the_measure_the_sparse_sheet_aborts_the_child_not_the_caller(tmp_path):
    """python-calamine asks for 512 GiB and aborts: here it is the child that dies."""
    path = _file(tmp_path, files.xlsx([HEADER], far=(1048575, 16383)), "jarang.xlsx")
    with pytest.raises(FileProblem) as problem:
        read_isolated(path, "xlsx", sheets="all", limits=ChildLimits(**NO_MEASURE))
    assert problem.value.code == "memory"


def test_a_file_bigger_than_the_memory_limit_is_refused(tmp_path):
    rows = [HEADER] + [[f"{n:016d}", "x" * 2000, f"NAMA {n}"] for n in range(30_000)]
    path = _file(tmp_path, "\n".join(",".join(r) for r in rows).encode(), "besar.csv")
    with pytest.raises(FileProblem) as problem:
        read_isolated(path, "csv", sheets="first", limits=ChildLimits(memory_mb=80))
    assert problem.value.code == "memory"


def test_a_child_past_the_time_limit_is_killed(tmp_path, monkeypatch):
    monkeypatch.setattr(isolation, "CHILD", "balai.imports.tests.misbehaving_child")
    path = _file(tmp_path, b"nik\n1\n", "a.csv")
    with pytest.raises(FileProblem) as problem:
        read_isolated(path, "csv", sheets="first", limits=ChildLimits(seconds=1))
    assert problem.value.code == "timeout"
    alive = subprocess.run(
        ["pgrep", "-f", "balai.imports.tests.misbehaving_child"], capture_output=True, check=False
    )
    assert str(os.getpid()) not in alive.stdout.decode()  # no child left behind


def test_a_child_killed_by_a_signal_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(isolation, "CHILD", "balai.imports.tests.misbehaving_child")
    path = _file(tmp_path, b"nik\n1\n", "segfault.csv")
    with pytest.raises(FileProblem) as problem:
        read_isolated(path, "csv", sheets="first", limits=ChildLimits(seconds=30))
    assert problem.value.code == "crashed"


def test_the_child_holds_no_database_address_or_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://rahasia@db/balai")
    monkeypatch.setenv("SECRET_KEY", "rahasia")
    env = isolation._environment()
    assert "DATABASE_URL" not in env and "SECRET_KEY" not in env


def test_a_job_whose_reader_dies_fails_with_a_message_and_the_next_one_runs(upload, settings):
    settings.IMPORT_MAX_CELLS = NO_MEASURE["max_cells"]
    settings.IMPORT_MAX_COLUMNS = NO_MEASURE["max_columns"]
    _response, job = upload("population", files.xlsx([HEADER], far=(1048575, 16383)))
    assert job.status == ImportJob.Status.FAILED
    assert "terlalu berat untuk dibaca" in job.failure
    _response, after = upload("population", files.xlsx([HEADER, ["1", "2", "3"]]))
    assert after.pk != job.pk and "terlalu berat" not in after.failure
