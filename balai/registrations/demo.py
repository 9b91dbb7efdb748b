"""Demo applications in every state, for `manage.py demo` (called by the demo-data command).

Deterministic given `rng`: names, numbers, tracking codes and dates come from it. The letter is
a one-page PDF written here, so the demo needs no files on disk.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from balai.regions.models import Region
from balai.registrations import selectors, services
from balai.registrations.models import TRACKING_ALPHABET, Application, ApplicationEvent

FIRST_NAMES = ["Slamet", "Sri", "Budi", "Siti", "Agus", "Tri", "Eko", "Dwi", "Wahyu", "Nur"]
LAST_NAMES = ["Riyadi", "Wahyuni", "Santoso", "Rahayu", "Prasetyo", "Lestari", "Susanto"]
REVISION_MESSAGES = [
    "Surat permohonan belum ditandatangani kepala desa. Mohon unggah surat yang sudah "
    "ditandatangani dan dicap.",
    "Foto surat kurang jelas; nomor dan tanggal surat tidak terbaca. Mohon unggah ulang.",
]
REJECTION_REASONS = [
    "Pemohon bukan perangkat desa yang berwenang, dan kepala desa menyatakan belum "
    "mengajukan permohonan.",
]
# The order the states are handed out in, so even three regions give a useful queue.
STATES = ["submitted", "revision", "approved", "rejected", "submitted"]


def tiny_pdf(text: str = "Surat permohonan situs desa") -> bytes:
    """A valid one-page PDF showing one line of text (correct xref offsets, ends in %%EOF)."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 760 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _code(rng: random.Random) -> str:
    return "".join(rng.choice(TRACKING_ALPHABET) for _ in range(10))


def _whatsapp(rng: random.Random) -> str:
    return (
        "+628"
        + str(rng.choice([12, 13, 21, 22, 52, 57, 77, 95]))
        + str(rng.randrange(10**7, 10**8))
    )


def _submit(*, rng: random.Random, region: Region) -> Application:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    slug = selectors.slug_suggestion(region)
    upload = SimpleUploadedFile(
        "surat.pdf", tiny_pdf(f"Permohonan situs Desa {region.name}"), "application/pdf"
    )
    application = services.application_submit(
        region=region,
        applicant_name=f"{first} {last}",
        applicant_position=rng.choice(Application.Position.values),
        whatsapp=_whatsapp(rng),
        email=f"{first.lower()}.{slug}@example.com",
        wanted_slug=slug,
        letter=services.letter_store_temporary(upload=upload),
    )
    # Deterministic codes, so the README can point at a demo tracking page.
    Application.objects.filter(pk=application.pk).update(code=_code(rng))
    application.refresh_from_db()
    return application


def _backdate(application: Application, *, days: int) -> None:
    """Spread the demo queue over past weeks, events keeping their order."""
    start = timezone.now() - timedelta(days=days)
    Application.objects.filter(pk=application.pk).update(created_at=start)
    for step, event in enumerate(application.events.order_by("created_at", "id")):
        ApplicationEvent.objects.filter(pk=event.pk).update(
            created_at=start + timedelta(days=step, hours=2 * step)
        )


def demo_applications(
    *, rng: random.Random, regions: list[Region], admin: Any
) -> list[Application]:
    """One application per given region (free regions only), cycling through every state.

    `admin` is the district admin who decides. Returns the applications in region order.
    """
    applications = []
    for index, region in enumerate(regions):
        state = STATES[index % len(STATES)]
        application = _submit(rng=rng, region=region)
        if state == "revision":
            services.application_request_revision(
                application=application, admin=admin, message=rng.choice(REVISION_MESSAGES)
            )
        elif state == "rejected":
            services.application_reject(
                application=application, admin=admin, reason=rng.choice(REJECTION_REASONS)
            )
        elif state == "approved":
            services.application_approve(application=application, admin=admin)
        _backdate(application, days=rng.randint(len(STATES), 40))
        application.refresh_from_db()
        applications.append(application)
    return applications
