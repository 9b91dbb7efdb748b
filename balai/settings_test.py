"""Test overlay: swaps only what tests need (immediate tasks, fast hasher, local cache)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# Before the base settings, which refuse to load without a key when DEBUG is off.
os.environ.setdefault("SECRET_KEY", "balai-test-key-" + "x" * 40)

from balai.settings import *  # noqa: F403

_tmp = Path(tempfile.mkdtemp(prefix="balai-test-"))
# Each test process keeps its uploads here and removes them when it ends.
atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "balai.lib.storage.PublicStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DISTRICT_DOMAIN = "testserver"
ALLOWED_HOSTS = ["*"]
# A second alias on the test database, for the replica router's tests (lib/tests/test_dbrouter.py).
# It is a replica only for a test that lists it in DATABASE_REPLICAS.
DATABASES = {
    **DATABASES,  # noqa: F405
    "replica": {**DATABASES["default"], "TEST": {"MIRROR": "default"}},  # noqa: F405
}
