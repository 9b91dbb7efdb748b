"""Uploading a file to each domain's import page, as the village admin does."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.imports.models import ImportJob

DOMAINS = ("population", "welfare", "budget")


@pytest.fixture
def fiscal_year(dagan):
    from balai.budget.models import FiscalYear

    return FiscalYear.objects.create(village=dagan, year=2025)


@pytest.fixture
def upload(client, alice, dagan, fiscal_year):
    """upload(domain, content, name) → (the response after redirects, the newest job or None)."""
    client.force_login(alice)

    def _upload(domain: str, content: bytes, name: str = "berkas.xlsx"):
        file = SimpleUploadedFile(name, content)
        if domain == "population":
            url, data = reverse("population_dashboard:imports", kwargs={"slug": "dagan"}), {}
        elif domain == "welfare":
            url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
            data = {"programme": ""}
        else:
            url = reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": 2025})
            data = {"realised_on": ""}
        response = client.post(url, {**data, "file": file}, follow=True)
        return response, ImportJob.objects.order_by("-pk").first()

    return _upload
