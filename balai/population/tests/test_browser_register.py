"""In a real browser: an admin uploads a file with bad rows, watches the progress bar while
the worker checks it, reads the report (also on a phone, 360 px wide), fixes the file and
imports it; records a death and a birth and sees the statistics change; a visitor on a phone
sees the pyramid and no personal data."""

from __future__ import annotations

import os
import re

import pytest
from django.test import override_settings

from balai.imports.models import ImportJob
from balai.imports.pipeline import job_apply, job_check
from balai.population.figures import figures_recompute
from balai.population.models import Resident
from balai.population.tests.conftest import family, xlsx_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
# The worker is this test: tasks wait in the database until it runs them, so the browser sees
# the job queued, its progress, and the report appear by itself.
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SCREENSHOTS = os.environ.get("BALAI_SCREENSHOTS", "")


def _work(page, run, text: str) -> None:
    """The progress bar shows, the worker runs the task, the page turns into the report."""
    page.locator("progress").wait_for()
    run(job_id=ImportJob.objects.latest("pk").pk)
    page.get_by_text(re.compile(text)).wait_for(timeout=15_000)
    assert page.locator("progress").count() == 0


def _youngest_row(page) -> str:
    """The 0–4 row of the public pyramid's table: men, women, both."""
    row = page.locator("table.stats-table tr").filter(
        has=page.locator("th", has_text=re.compile(r"^\s*0–4\s*$"))
    )
    # The table is folded under its chart: its text, open or not.
    return " ".join(t.strip() for t in row.locator("td:not(.share)").all_text_contents())


def test_an_admin_imports_fixes_records_a_death_and_the_public_sees_figures(
    desktop, phone, alice, tmp_path
):
    rows = [person for n in range(1, 5) for person in family(n, f"Dusun {n % 2 + 1}")]
    bad = list(rows)
    bad[1] = {**bad[1], "nik": "3.30309E+15"}
    bad[4] = {**bad[4], "tanggallahir": "31-02-1980"}
    (tmp_path / "salah.xlsx").write_bytes(xlsx_bytes(bad))
    (tmp_path / "benar.xlsx").write_bytes(xlsx_bytes(rows))

    desktop.goto("/masuk/")
    desktop.fill("[name=email]", alice.email)
    desktop.fill("[name=password]", "rahasia-desa-2026")
    desktop.get_by_role("button", name="Masuk").click()
    with override_settings(TASKS=DB_TASKS):
        desktop.goto("/dasbor/dagan/penduduk/impor/")
        desktop.set_input_files("[name=file]", str(tmp_path / "salah.xlsx"))
        desktop.get_by_role("button", name="Periksa berkas").click()
        desktop.get_by_text("Menunggu giliran").first.wait_for()
        _work(desktop, job_check, "2 dari 12 baris salah")
        # One row line per faulty row, naming the column (templates/imports/_issues.html).
        assert desktop.locator(".issue-column").filter(has_text=re.compile(r"^nik$")).count() == 1
        assert desktop.get_by_text(re.compile("membulatkannya")).count() == 1
        assert not Resident.objects.exists()
        report = desktop.url
        phone.goto("/masuk/")
        phone.fill("[name=email]", alice.email)
        phone.fill("[name=password]", "rahasia-desa-2026")
        phone.get_by_role("button", name="Masuk").click()
        phone.goto(report)
        phone.get_by_text(re.compile("2 dari 12 baris salah")).wait_for()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the report is {width} px wide on a 360 px phone"
        if SCREENSHOTS:
            phone.screenshot(
                path=os.path.join(SCREENSHOTS, "import-report-360.png"), full_page=True
            )

        desktop.get_by_role("link", name="Unggah berkas yang sudah diperbaiki").click()
        desktop.set_input_files("[name=file]", str(tmp_path / "benar.xlsx"))
        desktop.get_by_role("button", name="Periksa berkas").click()
        _work(desktop, job_check, "Semua baris benar")
        desktop.get_by_role("button", name="Impor sekarang").click()
        _work(desktop, job_apply, "Data sudah diimpor.")
        assert Resident.objects.count() == 12
        figures_recompute(village=Resident.objects.first().village)  # the queued recount

    phone.goto("/desa/dagan/statistik/")
    phone.get_by_role("heading", name="Piramida penduduk").wait_for()
    assert phone.locator("svg[role=img]").count() == 1
    assert phone.locator(".stat strong").first.inner_text() == "12"
    html = phone.content()
    assert not any(r["nik"] in html or r["no_kk"] in html for r in rows)

    desktop.goto("/dasbor/dagan/penduduk/")
    desktop.get_by_role("link", name="SUGENG RIYADI 1").click()
    desktop.get_by_role("link", name="Catat kematian atau kepindahan").click()
    desktop.get_by_label("Peristiwa", exact=True).select_option(label="Mati")
    desktop.fill("[name=event_date]", "2026-01-05")
    desktop.get_by_role("button", name="Catat peristiwa").click()
    desktop.get_by_text(re.compile("Peristiwa .* tercatat")).wait_for()

    phone.goto("/desa/dagan/statistik/")
    assert phone.locator(".stat strong").first.inner_text() == "11"
    assert _youngest_row(phone) == "0 0 0"

    desktop.goto("/dasbor/dagan/penduduk/")
    desktop.get_by_role("link", name="Catat kelahiran atau pendatang").click()
    desktop.fill("[name=nik]", "0")
    desktop.fill("[name=name]", "BAYI PERTIWI")
    desktop.select_option("[name=sex]", value="2")
    desktop.fill("[name=birth_date]", "2026-01-10")
    desktop.select_option("[name=family_relation]", value="4")
    desktop.fill("[name=family_number]", rows[0]["no_kk"])
    desktop.get_by_label("Lahir", exact=True).check()
    desktop.fill("[name=event_date]", "2026-01-10")
    desktop.get_by_role("button", name="Simpan").click()
    desktop.get_by_text("BAYI PERTIWI tercatat.").wait_for()

    phone.goto("/desa/dagan/statistik/")
    assert phone.locator(".stat strong").first.inner_text() == "12"
    # One baby girl: a small cell, so the public sees "< 5", never the 1.
    assert _youngest_row(phone) == "0 < 5 < 5"
    assert "BAYI PERTIWI" not in phone.content()
