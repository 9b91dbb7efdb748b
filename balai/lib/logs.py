"""Keep e-mail addresses, NIKs and one-time links out of the logs.

Logs are read by more people than the data they describe (hosting staff, whoever receives a
pasted error), and kept longer. Django logs every 4xx/5xx with its path (`django.request`) and the
development server logs every request line (`django.server`): a 404 of an expired invitation or
a reset link would put the token there, and an error in a form may quote an address.

`RedactPersonalData` rewrites each record it sees: addresses become "[email]", 16-digit numbers
(a NIK, a KK number) "[nik]", whatever follows
a secret path prefix (settings.LOG_SECRET_PATH_PREFIXES: invitations, reset links, tracking
codes) becomes "[rahasia]", as do long random tokens and Django reset tokens anywhere. It is set
on the django.request and django.server loggers (so every handler, including test capture, gets
the clean record) and on the console handler (for everything else, tracebacks included).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# secrets.token_urlsafe(32) (43 characters) and longer: upper case, lower case and digits. Task
# ids (32) stay readable.
RANDOM_TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])")
# Django's password reset token: a base-36 timestamp, a dash, 32 hex digits.
RESET_TOKEN = re.compile(r"\b[0-9a-z]{1,13}-[0-9a-f]{20,}\b")
# A NIK or a KK number: 16 digits on their own (in a path Django logs as "Not Found: …", in a
# message quoting a row).
NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
HIDDEN = "[rahasia]"


@lru_cache(maxsize=4)
def _secret_paths(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"({alternatives})[^\s?#\"']+")


def _looks_random(match: re.Match[str]) -> str:
    token = match.group(0)
    mixed = (
        any(c.isupper() for c in token)
        and any(c.islower() for c in token)
        and any(c.isdigit() for c in token)
    )
    return HIDDEN if mixed else token


def redact(text: str, secret_prefixes: Iterable[str] | None = None) -> str:
    """`text` without e-mail addresses, one-time links or random tokens."""
    if secret_prefixes is None:
        secret_prefixes = getattr(settings, "LOG_SECRET_PATH_PREFIXES", ())
    # Each pattern only where it can match: this runs on every log line, one per request too.
    if "@" in text or "%40" in text:
        text = EMAIL.sub("[email]", text)
    paths = _secret_paths(tuple(secret_prefixes))
    if paths is not None:
        text = paths.sub(lambda m: m.group(1) + HIDDEN, text)
    if "-" in text:
        text = RESET_TOKEN.sub(HIDDEN, text)
    text = NIK.sub("[nik]", text)
    return RANDOM_TOKEN.sub(_looks_random, text)


class RedactPersonalData(logging.Filter):
    """A logging filter that never drops a record, only cleans it (see the module)."""

    def filter(self, record: logging.LogRecord) -> bool:
        # The filter sits on a logger and on the handler it reaches: clean each record once.
        if getattr(record, "_balai_redacted", False):
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record: leave it to the handler
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record._balai_redacted = True
        return True
