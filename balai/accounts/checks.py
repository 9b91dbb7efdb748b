"""`manage.py check --deploy` fails on the development secret key.

Without DEBUG the settings already refuse to load with it; this catches the other way it can
reach a server: DEBUG=1 left on together with the key printed in settings.py.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.security, deploy=True)
def secret_key_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.SECRET_KEY != settings.DEVELOPMENT_SECRET_KEY:
        return []
    return [
        Error(
            "SECRET_KEY is the development key printed in balai/settings.py.",
            hint="Set SECRET_KEY or SECRET_KEY_FILE to a long random value, and turn DEBUG off.",
            id="balai.E001",
        )
    ]
