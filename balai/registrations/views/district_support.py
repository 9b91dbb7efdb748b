"""The sample request letter an applicant downloads (PDF to print, .docx to edit).

Public and personal-data free: the letter may name the chosen desa (`?desa=<Kemendagri code>`)
and the wanted address (`?alamat=<slug>`), both public facts, never the applicant.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from balai.lib.exports import attachment
from balai.registrations import sample_letter, selectors

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$")


@require_GET
def sample(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("format tidak dikenal")
    region = selectors.region_for_application(request.GET.get("desa", ""))
    wanted = request.GET.get("alamat", "")
    lines = sample_letter.letter_lines(region, wanted if SLUG.match(wanted) else "")
    build = sample_letter.letter_pdf if fmt == "pdf" else sample_letter.letter_docx
    response = HttpResponse(build(lines), content_type=FORMATS[fmt])
    response["X-Content-Type-Options"] = "nosniff"
    return attachment(response, f"contoh-surat-permohonan.{fmt}", personal=False)
