"""Optional error reporting to a Sentry-compatible server (SENTRY_DSN in the environment).

An error report leaves the district's machine, so it carries less than a log line: no request
body (passwords, NIKs typed into a form), no query string (searches), no cookies or headers, no
e-mail address or IP address of the user, no local variables of the stack frames; messages and
breadcrumbs go through the same redaction as the logs (lib/logs.py: e-mails, NIKs, tokens).
What stays is what finding the bug needs: the exception, its stack, the path, the method, the
request id (tag), the user's numeric id.
"""

from __future__ import annotations

from typing import Any

from balai.lib.logs import redact

# What a request in an event keeps; everything else (data, query_string, cookies, headers, env)
# is dropped.
REQUEST_KEEP = ("method", "url")


def _clean(text: str) -> str:
    return redact(text)


def _strip_query(url: str) -> str:
    return _clean(url.split("?", 1)[0].split("#", 1)[0])


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """`before_send`: the event without personal data (see the module)."""
    request = event.get("request")
    if isinstance(request, dict):
        kept = {k: request[k] for k in REQUEST_KEEP if k in request}
        if isinstance(kept.get("url"), str):
            kept["url"] = _strip_query(kept["url"])
        event["request"] = kept
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    event.pop("extra", None)
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        if isinstance(logentry.get("message"), str):
            logentry["message"] = _clean(logentry["message"])
        if isinstance(logentry.get("formatted"), str):
            logentry["formatted"] = _clean(logentry["formatted"])
        logentry.pop("params", None)
    if isinstance(event.get("message"), str):
        event["message"] = _clean(event["message"])
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = _clean(exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    breadcrumbs = event.get("breadcrumbs")
    values = breadcrumbs.get("values") if isinstance(breadcrumbs, dict) else breadcrumbs
    for crumb in values or []:
        if isinstance(crumb.get("message"), str):
            crumb["message"] = _clean(crumb["message"])
        data = crumb.get("data")
        if isinstance(data, dict):
            if isinstance(data.get("url"), str):
                data["url"] = _strip_query(data["url"])
            for key in ("http.query", "http.fragment", "params"):
                data.pop(key, None)
    return event


def init_error_reporting(dsn: str, environment: str, release: str | None = None) -> None:
    """Start the Sentry SDK (called by the settings only when SENTRY_DSN is set)."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=0.0,
        integrations=[DjangoIntegration()],
        before_send=scrub_event,  # type: ignore[arg-type]
        before_send_transaction=scrub_event,  # type: ignore[arg-type]
    )
