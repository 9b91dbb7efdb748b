"""Checks between rows are keyed by row, not by NIK, and follow SIAK practice for parents:

- a duplicate NIK is reported once, on the later row naming the first, and lends its birth
  date to nobody (before, the later row's date replaced the first row's in the parents check,
  and a correct child elsewhere was refused);
- a parent younger than the child, or less than 10 years older, is a warning (a father's
  second wife is often named as the mother of his children), unless the family head is named
  as the parent of their own child and was born more than a year after it: then one of the
  birth dates is wrong and the row is refused.
"""

from __future__ import annotations

from django.urls import reverse

from balai.imports.models import ImportJob
from balai.population.models import Resident
from balai.population.tests.conftest import family, upload, xlsx_bytes


def _check(client, rows) -> ImportJob:
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"file": upload(xlsx_bytes(rows))})
    return ImportJob.objects.latest("pk")


def _issues(job: ImportJob, kind: str = "errors") -> list[tuple[int, str, str]]:
    return [tuple(issue) for issue in job.report[kind]]


def _person(base: dict, nik_tail: str, **fields) -> dict:
    return {**base, "nik": base["nik"][:12] + nik_tail, **fields}


def test_a_duplicate_nik_is_reported_once_and_lends_its_birth_date_to_nobody(admin_client, dagan):
    rows = family(1) + family(2)
    # Row 5 repeats the NIK of row 2 (family 1's head), with a birth date after his son's.
    rows[3] = {**rows[3], "nik": rows[0]["nik"], "tanggallahir": "2015-01-01"}
    job = _check(admin_client, rows)
    assert _issues(job) == [(5, "nik", "NIK sama dengan baris 2.")]
    assert job.report["refused"] == 1


def test_a_second_wife_named_as_mother_is_a_warning_and_the_row_imports(admin_client, dagan):
    head, wife, child = family(1)
    second = _person(wife, "0099", nama="RATNA", tanggallahir="2002-02-02")
    second["nik"] = second["nik"][:6] + "420202" + second["nik"][12:]
    child = {**child, "ibu_nik": second["nik"], "tanggallahir": "1998-07-01"}
    child["nik"] = child["nik"][:6] + "010798" + child["nik"][12:]
    job = _check(admin_client, [head, wife, second, child])
    assert job.status == ImportJob.Status.CHECKED, job.report["errors"]
    [(row, column, note)] = [w for w in _issues(job, "warnings") if w[1] == "ibu_nik"]
    assert (row, column) == (5, "ibu_nik") and "lebih muda dari anak ini" in note
    admin_client.post(
        reverse("population_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    )
    assert Resident.objects.filter(name=child["nama"]).exists()


def test_a_mother_only_nine_years_older_is_a_warning(admin_client, dagan):
    head, wife, child = family(1)
    wife = {**wife, "tanggallahir": "2001-05-15"}
    wife["nik"] = wife["nik"][:6] + "550501" + wife["nik"][12:]
    child = {**child, "ibu_nik": wife["nik"]}
    job = _check(admin_client, [head, wife, child])
    assert job.status == ImportJob.Status.CHECKED
    assert any("hanya 9 tahun lebih tua" in note for _r, _c, note in _issues(job, "warnings"))


def test_a_head_named_as_father_of_his_own_child_and_born_after_it_is_refused(admin_client, dagan):
    head, wife, child = family(1)
    child = {**child, "tanggallahir": "1972-01-20"}
    child["nik"] = child["nik"][:6] + "200172" + child["nik"][12:]
    job = _check(admin_client, [head, wife, child])
    assert job.status == ImportJob.Status.REFUSED
    [(row, column, reason)] = _issues(job)
    assert (row, column) == (4, "ayah_nik")
    assert "lebih tua dari kepala keluarga (baris 2), yang tercatat sebagai ayah" in reason


def test_a_head_named_as_father_and_only_7_years_older_is_a_warning(admin_client, dagan):
    """Valid registers have these (the OpenSID reference has heads 6 years older)."""
    head, wife, child = family(1)
    child = {**child, "tanggallahir": "1983-03-01"}
    child["nik"] = child["nik"][:6] + "010383" + child["nik"][12:]
    job = _check(admin_client, [head, wife, child])
    assert job.status == ImportJob.Status.CHECKED
    notes = [n for r, c, n in _issues(job, "warnings") if (r, c) == (4, "ayah_nik")]
    assert notes and "hanya 7 tahun lebih tua" in notes[0]  # 1975-03-12 → 1983-03-01


def test_a_child_older_than_a_head_not_named_as_parent_is_a_warning(admin_client, dagan):
    head, wife, child = family(1)
    child = {**child, "ayah_nik": "", "tanggallahir": "1970-07-01"}
    child["nik"] = child["nik"][:6] + "010770" + child["nik"][12:]
    job = _check(admin_client, [head, wife, child])
    assert job.status == ImportJob.Status.CHECKED
    notes = [n for r, c, n in _issues(job, "warnings") if (r, c) == (4, "tanggallahir")]
    assert notes and "anak tiri" in notes[0]


def test_a_parent_named_in_another_family_who_is_younger_is_a_warning(admin_client, dagan):
    rows = family(1) + family(2)
    rows[5] = {**rows[5], "ibu_nik": rows[1]["nik"], "tanggallahir": "1979-01-01"}
    rows[5]["nik"] = rows[5]["nik"][:6] + "010179" + rows[5]["nik"][12:]
    rows[5]["ayah_nik"] = ""
    job = _check(admin_client, rows)
    assert job.status == ImportJob.Status.CHECKED, job.report["errors"]
    notes = [n for r, c, n in _issues(job, "warnings") if (r, c) == (7, "ibu_nik")]
    assert notes and "(baris 3) lebih muda dari anak ini" in notes[0]
