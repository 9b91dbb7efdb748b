from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from balai.complaints import services
from balai.complaints.models import Complaint
from balai.lib.uploads import reencode_image
from balai.villages.models import Village
from balai.villages.tests.conftest import image_upload


def make_complaint(
    village: Village,
    *,
    text: str = "Lampu jalan di RT 02 mati sejak seminggu.",
    received_on: date | None = None,
    photo: bool = False,
    escalated: bool = False,
    **data: Any,
) -> Complaint:
    fields = {
        "category": Complaint.Category.INFRASTRUCTURE,
        "text": text,
        "name": "Sri Wahyuni",
        "phone": "+6281234567890",
        "email": "",
        "anonymous": False,
        **data,
    }
    complaint = services.complaint_submit(
        village=village,
        data=fields,
        photo=reencode_image(image_upload()) if photo else None,
        received_on=received_on,
    )
    if escalated:
        Complaint.objects.filter(pk=complaint.pk).update(escalated_at=timezone.now())
        complaint.refresh_from_db()
    return complaint
