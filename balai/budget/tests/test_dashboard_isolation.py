"""Another village's admin gets 404 on every budget dashboard URL of Dagan, GET and POST, and
nothing of Dagan changes; editors (no budget role) get 404 too."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.budget.models import BudgetLine, FiscalYear, Project
from balai.budget.tests.conftest import csv_upload, make_year
from balai.imports.models import ImportJob
from balai.imports.tests.jobs import make_job

pytestmark = pytest.mark.django_db

YEAR = ["year", "line_add", "approve", "poster", "report", "import_start"]
LINE = ["line_edit", "line_delete", "realisation_add"]
BATCH = ["import", "import_confirm", "import_report"]
PROJECT = ["project_edit", "project_delete", "report_add"]
PLAIN = ["years", "import_template", "projects", "project_add"]
ALL = YEAR + LINE + BATCH + PROJECT + PLAIN
POST = {
    "year": "2030",
    "number": "9 Tahun 2025",
    "date": "2025-01-02",
    "amount": "5000",
    "account": "4.2.1.01",
    "original_amount": "1",
    "name": "Penyusup",
    "percentage": "90",
}


@pytest.fixture
def things(dagan):
    fy = make_year(dagan, 2025, status="draft")
    line = BudgetLine.objects.filter(fiscal_year=fy).first()
    batch = make_job(dagan, "budget.apbdes", params={"fiscal_year": fy.pk})
    project = Project.objects.create(village=dagan, fiscal_year=fy, name="Jalan", slug="jalan")
    return {"fy": fy, "line": line, "batch": batch, "project": project}


def url(name: str, things: dict) -> str:
    kw = {"slug": "dagan"}
    if name in YEAR + LINE:
        kw["year"] = 2025
    if name in LINE:
        kw["pk"] = things["line"].pk
    if name in BATCH:
        kw["pk"] = things["batch"].pk
    if name in PROJECT:
        kw["pk"] = things["project"].pk
    return reverse(f"budget_dashboard:{name}", kwargs=kw)


def test_every_dashboard_url_is_covered_here():
    from balai.budget.urls.dashboard import urlpatterns

    assert {p.name for p in urlpatterns} == set(ALL)


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_village_admin_gets_404_everywhere(client, charlie, things, name, method):
    client.force_login(charlie)
    data = {**POST, "file": csv_upload()} if method == "post" else {}
    assert getattr(client, method)(url(name, things), data).status_code == 404
    fy = FiscalYear.objects.get(pk=things["fy"].pk)
    assert fy.status == "draft" and fy.line_count == 6
    assert FiscalYear.objects.count() == 1
    assert Project.objects.get().name == "Jalan"
    assert ImportJob.objects.get().status == "checked"


@pytest.mark.parametrize("name", ["years", "year", "line_add", "projects"])
def test_an_editor_has_no_budget_role(client, bob, things, name):
    client.force_login(bob)
    assert client.get(url(name, things)).status_code == 404


@pytest.mark.parametrize("name", ["years", "year", "projects"])
def test_the_mentor_and_the_district_admin_may_work_on_the_budget(client, maya, dina, things, name):
    for person in (maya, dina):
        client.force_login(person)
        assert client.get(url(name, things)).status_code == 200


def test_dagan_admin_gets_404_for_another_village_year_line_and_project(client, alice, bojongsari):
    fy = make_year(bojongsari, 2025)
    line = BudgetLine.objects.filter(fiscal_year=fy).first()
    project = Project.objects.create(village=bojongsari, fiscal_year=fy, name="Lain", slug="lain")
    client.force_login(alice)
    assert (
        client.get(
            reverse("budget_dashboard:year", kwargs={"slug": "dagan", "year": 2025})
        ).status_code
        == 404
    )
    kw = {"slug": "dagan", "year": 2025, "pk": line.pk}
    assert client.post(reverse("budget_dashboard:line_delete", kwargs=kw)).status_code == 404
    kw = {"slug": "dagan", "pk": project.pk}
    assert client.post(reverse("budget_dashboard:project_delete", kwargs=kw)).status_code == 404
    assert (
        BudgetLine.objects.filter(pk=line.pk).exists()
        and Project.objects.filter(pk=project.pk).exists()
    )
