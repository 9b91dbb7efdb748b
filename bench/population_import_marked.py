"""The marked copy of a register file (issue 17): time and memory of writing the uploaded sheet
back with its faulty cells filled and commented, and the held-back sheet, for N residents
(default 100,000) in OpenSID's 43-column layout.

The file is the one bench/population_import.py generates (made once, kept in the system's
temporary directory). It is read by the reader child and parsed by the register's row rules
as in a check; then every 25th row gets an error on its sex column and every 10th a warning
on its NIK (4 % of rows refused, their families held back), and the worker writes the marked
copy (and the held-back sheet) from the child's output, as `job_check` does. Memory is this
process's resident size sampled every 20 ms while writing, against its size before; CPU time
is given beside the wall time because the machine may be shared.

Rerun:  BALAI_VAR_DIR=/tmp/balai-bench .venv/bin/python bench/population_import_marked.py
        [--rows N]
No database is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
os.environ.setdefault("SECRET_KEY", "bench-" + os.urandom(24).hex())


class Sampler(threading.Thread):
    """The largest resident size seen while running."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self.running = True

    def run(self) -> None:
        from population_import import resident_mb

        while self.running:
            self.peak = max(self.peak, resident_mb())
            time.sleep(0.02)

    def stop(self) -> float:
        self.running = False
        self.join()
        return self.peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()

    import django

    django.setup()
    from population_import import PREFIX, bench_file, resident_mb

    from balai.imports.isolation import read_isolated
    from balai.imports.marked import marked_write
    from balai.imports.pipeline import _headers, child_limits
    from balai.imports.registry import Context, Issues
    from balai.population.import_rows import RowRules
    from balai.population.importers import ResidentsImporter, held_families

    path = bench_file(args.rows)
    spec = ResidentsImporter()
    rules = RowRules(region_digits=PREFIX + "0000", today=date.today())
    ctx = Context(job=None, village=None, extra={"rules": rules})  # type: ignore[arg-type]
    issues = Issues()
    start = time.perf_counter()
    with read_isolated(str(path), "xlsx", sheets="all", limits=child_limits()) as source:
        read = time.perf_counter() - start
        rows = spec.parse(ctx, source, issues, lambda done, total: None)
        parsed = time.perf_counter() - start - read
        for row in rows:
            number = row.ref[2]
            if number % 25 == 0:
                issues.error(row.ref, "sex", "“X” bukan kode atau nama yang dikenal.")
            if number % 10 == 0:
                issues.warn(row.ref, "nik", "Bagian tanggal lahir di NIK tidak sama.")
        held = held_families(rows, issues.refused)
        headers = _headers(spec)
        figures = [("Baris dibaca", len(rows)), ("Kesalahan", issues.error_count)]
        with tempfile.TemporaryDirectory() as directory:
            for label, with_held in (("marked copy", False), ("marked + held-back", True)):
                source.rewind()
                before = resident_mb()
                sampler = Sampler()
                sampler.start()
                begin, cpu = time.perf_counter(), time.process_time()
                written = marked_write(
                    source,
                    issues,
                    headers,
                    path=os.path.join(directory, "bertanda.xlsx"),
                    figures=figures,
                    held=held if with_held else None,
                    held_path=os.path.join(directory, "ditahan.xlsx") if with_held else "",
                )
                seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu
                peak = sampler.stop()
                size = os.path.getsize(os.path.join(directory, "bertanda.xlsx")) / 1e6
                print(
                    f"{label:20} {seconds:6.1f} s (CPU {cpu:.1f} s)  rows {written:,}"
                    f"  RSS before {before:5.0f} MB"
                    f"  peak {peak:5.0f} MB (+{peak - before:.0f})  file {size:.1f} MB"
                )
    print(
        f"rows {len(rows):,}: child read {read:.1f} s, parse {parsed:.1f} s; "
        f"errors {issues.error_count:,}, warnings {issues.warning_count:,}, held {len(held):,}"
    )
    print(
        "rerun: BALAI_VAR_DIR=/tmp/balai-bench .venv/bin/python bench/population_import_marked.py"
    )


if __name__ == "__main__":
    main()
