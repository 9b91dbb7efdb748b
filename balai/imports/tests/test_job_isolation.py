"""Every job URL of every import, tried by the wrong people: charlie (admin of Bojongsari) gets
404 for Dagan's jobs, under Dagan's address and with Dagan's job ids under his own; a job of
one import is not found under another's pages; an editor has no role in personal data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.imports.models import ImportJob
from balai.imports.tests.conftest import DOMAINS
from balai.imports.tests.jobs import make_job

NAMES = (
    "import",
    "import_confirm",
    "import_report",
    "import_marked",
    "import_held",
    "import_partial",
)
IMPORTERS = {
    "population": "population.residents",
    "welfare": "welfare.recipients",
    "budget": "budget.apbdes",
}


@pytest.fixture
def jobs(dagan, bojongsari, fiscal_year):
    from balai.budget.models import FiscalYear

    theirs = FiscalYear.objects.create(village=bojongsari, year=2025)
    return {
        domain: (
            make_job(dagan, key, params={"fiscal_year": fiscal_year.pk}),
            make_job(bojongsari, key, params={"fiscal_year": theirs.pk}),
        )
        for domain, key in IMPORTERS.items()
    }


def _url(domain: str, name: str, slug: str, pk: int) -> str:
    return reverse(f"{domain}_dashboard:{name}", kwargs={"slug": slug, "pk": pk})


def test_every_job_url_is_covered_here():
    from balai.budget.urls.dashboard import urlpatterns as budget
    from balai.population.urls.dashboard import urlpatterns as population
    from balai.welfare.urls.dashboard import urlpatterns as welfare

    for patterns in (budget, population, welfare):
        assert {
            p.name for p in patterns if "<int:pk>" in str(p.pattern) and "impor" in str(p.pattern)
        } == set(NAMES)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_charlie_gets_404_for_dagans_jobs_under_either_address(
    client, charlie, jobs, domain, name, method
):
    ours, _theirs = jobs[domain]
    client.force_login(charlie)
    for slug in ("dagan", "bojongsari"):
        response = getattr(client, method)(_url(domain, name, slug, ours.pk))
        assert response.status_code == 404, (slug, response.status_code)
    assert ImportJob.objects.get(pk=ours.pk).status == ImportJob.Status.CHECKED


@pytest.mark.parametrize("domain", DOMAINS)
def test_charlie_reaches_his_own_job(client, charlie, jobs, domain):
    _ours, theirs = jobs[domain]
    client.force_login(charlie)
    assert client.get(_url(domain, "import", "bojongsari", theirs.pk)).status_code == 200


@pytest.mark.parametrize("domain", DOMAINS)
def test_a_job_is_not_found_under_another_imports_pages(client, alice, jobs, domain):
    client.force_login(alice)
    for other in DOMAINS:
        if other != domain:
            ours, _theirs = jobs[other]
            assert client.get(_url(domain, "import", "dagan", ours.pk)).status_code == 404


@pytest.mark.parametrize("domain", ["population", "welfare"])
def test_an_editor_has_no_role_in_personal_imports(client, bob, jobs, domain):
    ours, _theirs = jobs[domain]
    client.force_login(bob)
    for name in NAMES:
        assert client.get(_url(domain, name, "dagan", ours.pk)).status_code == 404
