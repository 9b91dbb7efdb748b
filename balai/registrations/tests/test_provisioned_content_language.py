from __future__ import annotations

import pytest
from django.utils import translation

from balai.registrations import services
from balai.registrations.tests.conftest import file_application
from balai.villages.models import Page


@pytest.mark.django_db
def test_an_admin_reading_english_still_provisions_an_indonesian_site(dina):
    application = file_application()
    with translation.override("en"):
        approval = services.application_approve(application=application, admin=dina)
    titles = set(Page.objects.for_village(approval.village).values_list("title", flat=True))
    assert titles == {"Layanan Administrasi", "Kebijakan Privasi"}
    assert approval.village.tagline.startswith("Situs resmi")
