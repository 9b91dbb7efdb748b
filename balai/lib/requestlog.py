"""One log line per request, on the `balai.requests` logger.

    request id=3f2a… method=GET path=/desa/dagan/berita/ status=200 ms=12.4 village=dagan

The id comes from the proxy's `X-Request-ID` (nginx sends its `$request_id`, and its own access
log carries the same id) when the request came through a trusted proxy (TRUSTED_PROXIES), else
it is made here; either way it is returned in the response's `X-Request-ID` header, so a visitor
reporting an error can quote it.

What is never in the line: the query string (a search may hold a name or a NIK), the body
(passwords), cookies, the visitor's address. The path goes through the same redaction as every
other log record (lib/logs.py: one-time links and tokens become "[rahasia]", e-mail addresses
"[email]", a 16-digit number (a NIK or a KK number) "[nik]").
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from balai.lib.net import from_trusted_proxy

logger = logging.getLogger("balai.requests")

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; a UUID or a load balancer's id fits too.
VALID_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def _printable(text: str) -> str:
    """A decoded path may hold a newline ("/x%0Arequest id=…"): escaped, it cannot start a forged
    line of its own (Django escapes its own request logging the same way, CVE-2025-48432)."""
    return text if text.isprintable() and text.isascii() else text.encode("unicode_escape").decode()


def request_id(request: HttpRequest) -> str:
    """The proxy's id when a trusted proxy sent a well-formed one, else a new one."""
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    if given and VALID_ID.fullmatch(given) and from_trusted_proxy(request):
        return given
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """Outermost middleware: times everything below it, including the other middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        rid = request_id(request)
        request.request_id = rid  # type: ignore[attr-defined]
        if settings.SENTRY_DSN:  # an error report names the id the visitor was shown
            import sentry_sdk

            sentry_sdk.get_isolation_scope().set_tag("request_id", rid)
        response = self.get_response(request)
        response[HEADER] = rid
        village = getattr(request, "village", None)
        logger.log(
            logging.WARNING if response.status_code >= 500 else logging.INFO,
            "request id=%s method=%s path=%s status=%d ms=%.1f village=%s",
            rid,
            _printable(request.method or ""),
            _printable(request.path),
            response.status_code,
            (time.perf_counter() - started) * 1000,
            getattr(village, "slug", None) or getattr(request, "log_village", None) or "-",
        )
        return response
