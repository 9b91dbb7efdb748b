"""Two applicants for one village at the same moment: the database decides, politely."""

from __future__ import annotations

import pytest

from balai.registrations import services
from balai.registrations.models import Application
from balai.registrations.services import RegistrationError
from balai.registrations.tests.conftest import BOKOL, file_application


def test_the_second_of_two_simultaneous_applications_gets_a_clear_message(application, monkeypatch):
    storage = application.letter.storage
    letters_before = len(storage.listdir("surat-permohonan")[1])
    # As if our check ran before the other applicant's insert committed.
    monkeypatch.setattr(services, "_region_blocker", lambda region: None)
    monkeypatch.setattr(services.selectors, "slug_problem", lambda *a, **k: None)
    with pytest.raises(RegistrationError) as caught:
        file_application(BOKOL, wanted_slug="bokol-lain")
    assert "sedang menunggu tinjauan" in caught.value.message
    assert Application.objects.count() == 1
    # The losing letter does not linger in private storage.
    assert len(storage.listdir("surat-permohonan")[1]) == letters_before
