"""How many login and password-reset attempts are allowed, per e-mail and per visitor.

Built on the one limiter (balai.lib.ratelimit) and counted by the visitor's own network
(balai.lib.net.client_network): behind the documented nginx every request comes from 127.0.0.1,
and counting that address would let one visitor lock out the whole district.

Logins: LOGIN_MAX_FAILURES failures per e-mail in LOGIN_LOCKOUT_SECONDS lock that e-mail until
the window ends; the per-visitor limit is a multiple of it, because village offices and mobile
carriers put many people behind one address (carrier-grade NAT) and one person's typos must not
lock out the whole kecamatan. Guessing many passwords for one account is still stopped by the
e-mail limit. Both are checked before the password is.

Password resets: a few e-mails per address per hour (nobody's inbox gets flooded) and a few more
per visitor; both are counted whether or not the address has an account, so the limits reveal
nothing about who has one.
"""

from __future__ import annotations

from django.conf import settings

from balai.lib.ratelimit import (
    Limit,
    rate_limit_clear,
    rate_limit_exceeded,
    rate_limit_hit,
    rate_limit_wait,
)

CLIENT_LIMIT_FACTOR = 4
RESET_PER_EMAIL = Limit(3, 60 * 60)
RESET_PER_CLIENT = Limit(10, 60 * 60)


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def _login_scopes(email: str, client: str) -> list[tuple[str, str, Limit]]:
    window = settings.LOGIN_LOCKOUT_SECONDS
    failures = settings.LOGIN_MAX_FAILURES
    scopes = [("login-client", client or "unknown", Limit(failures * CLIENT_LIMIT_FACTOR, window))]
    if email:
        scopes.insert(0, ("login-email", normalize_email(email), Limit(failures, window)))
    return scopes


def login_wait(*, email: str, client: str) -> int:
    """Seconds until a login for this e-mail from this visitor is allowed again; 0 when it is."""
    return max(
        (
            max(1, rate_limit_wait(scope=scope, value=value))
            for scope, value, limit in _login_scopes(email, client)
            if rate_limit_exceeded(scope=scope, value=value, limit=limit)
        ),
        default=0,
    )


def login_failure_record(*, email: str, client: str) -> None:
    for scope, value, limit in _login_scopes(email, client):
        rate_limit_hit(scope=scope, value=value, limit=limit)


def login_failures_clear(*, email: str) -> None:
    """A successful login (or a password reset) clears the e-mail's counter."""
    rate_limit_clear(scope="login-email", value=normalize_email(email))


def password_reset_client_refused(*, client: str) -> bool:
    """Count one reset request from this visitor; True when it is over the limit."""
    return rate_limit_hit(scope="reset-client", value=client or "unknown", limit=RESET_PER_CLIENT)


def password_reset_email_refused(*, email: str) -> bool:
    """Count one reset request for this address; True when no more e-mails may go to it."""
    return rate_limit_hit(scope="reset-email", value=normalize_email(email), limit=RESET_PER_EMAIL)
