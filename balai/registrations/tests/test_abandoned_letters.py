from __future__ import annotations

import os
import time
from datetime import timedelta

from balai.lib.storage import private_storage
from balai.registrations.services import letter_store_temporary, letters_temporary_purge
from balai.registrations.tests.conftest import pdf_upload


def test_letters_of_abandoned_wizards_are_purged_after_two_days(db):
    old = letter_store_temporary(upload=pdf_upload())
    fresh = letter_store_temporary(upload=pdf_upload())
    storage = private_storage()
    three_days_ago = time.time() - 3 * 24 * 3600
    os.utime(storage.path(old.path), (three_days_ago, three_days_ago))
    assert letters_temporary_purge(older_than=timedelta(days=2)) >= 1
    assert not storage.exists(old.path)
    assert storage.exists(fresh.path)
