#!/usr/bin/env python
from __future__ import annotations

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings, which check the secret key
    except ImproperlyConfigured as exc:
        # One line saying what to set, not a traceback (nor Django's "Unknown command").
        sys.exit(f"Balai tidak bisa mulai: {exc}")
    execute_from_command_line(sys.argv)
