from __future__ import annotations

import random

from balai.lib.pdf import pdf_check
from balai.regions.models import Region
from balai.registrations.demo import demo_applications, tiny_pdf
from balai.registrations.models import Application
from balai.villages.models import Village

CODES = ["33.03.01.2001", "33.03.01.2002", "33.03.01.2003", "33.03.01.2004", "33.03.01.2005"]


def test_the_demo_letter_is_a_pdf_the_upload_check_accepts():
    pdf = tiny_pdf()
    pdf_check(pdf)  # raises if the structural check would refuse it


def test_demo_applications_cover_every_state(dina):
    regions = list(Region.objects.filter(code__in=CODES).order_by("code"))
    applications = demo_applications(rng=random.Random(7), regions=regions, admin=dina)
    states = {a.status for a in applications}
    assert states == set(Application.Status.values)
    revision = next(a for a in applications if a.status == "revision")
    assert revision.events.last().message
    approved = next(a for a in applications if a.status == "approved")
    assert Village.objects.get(pk=approved.village_id).is_live


def test_demo_applications_are_the_same_for_the_same_seed(dina, django_db_blocker):
    regions = list(Region.objects.filter(code__in=CODES).order_by("code"))
    first = demo_applications(rng=random.Random(7), regions=regions[:2], admin=dina)
    summary = [(a.code, a.applicant_name, a.whatsapp, a.status) for a in first]
    Application.objects.all().delete()
    again = demo_applications(rng=random.Random(7), regions=regions[:2], admin=dina)
    assert [(a.code, a.applicant_name, a.whatsapp, a.status) for a in again] == summary
