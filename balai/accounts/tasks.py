"""Background work of accounts: the password reset e-mail."""

from __future__ import annotations

from django_tasks import task

from balai.accounts import services


@task()
def password_reset_email_send(user_id: int | None) -> bool:
    """Send the reset link; with no user (an unknown address) it does nothing, on purpose."""
    return services.password_reset_email_send(user_id=user_id)
