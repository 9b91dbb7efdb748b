"""The page a letter's QR code opens: that the letter exists, its number, type, date and
signer, the resident's name partly masked, and whether it was cancelled. Never the NIK, the
address or the birth date; never cached (a revocation shows at once)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from balai.letters.models import Letter
from balai.lib.net import client_network
from balai.lib.ratelimit import Limit, rate_limit_hit, too_many_message
from balai.villages.requests import VillageRequest

VERIFY_LIMIT = Limit(60, 15 * 60)


def masked_name(name: str) -> str:
    """ "SITI RAHAYU" → "SI** RA****": enough to recognise, not to find someone."""
    return " ".join(w[:2] + "*" * max(len(w) - 2, 1) for w in name.split())


@require_safe
@never_cache
def verify(request: VillageRequest, code: str) -> HttpResponse:
    if rate_limit_hit(scope="letters-verify", value=client_network(request), limit=VERIFY_LIMIT):
        return render(
            request,
            "letters/site/verify.html",
            {"limited": too_many_message(VERIFY_LIMIT)},
            status=429,
        )
    letter = (
        Letter.objects.for_village(request.village)
        .filter(verify_code=code)
        .only(
            "number",
            "title",
            "issued_on",
            "signer_name",
            "signer_position",
            "on_behalf",
            "resident_name",
            "revoked_at",
            "revoked_reason",
        )
        .first()
    )
    ctx = {"letter": letter, "masked": masked_name(letter.resident_name) if letter else ""}
    return render(request, "letters/site/verify.html", ctx, status=200 if letter else 404)
