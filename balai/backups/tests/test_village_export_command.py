"""`village_export`: an operator writes one village's archive to a file only they can read
(even over an older, world-readable file), and the export is audit-logged."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest
from django.core.management import CommandError, call_command

from balai.audit.models import AuditEntry


def test_the_archive_file_is_owner_only_and_audited(dagan, tmp_path):
    output = tmp_path / "dagan.zip"
    output.write_bytes(b"old")
    output.chmod(0o644)
    call_command("village_export", "dagan", str(output), stdout=io.StringIO())
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    with zipfile.ZipFile(output) as zf:
        assert "data/village.json" in zf.namelist()
    assert AuditEntry.objects.filter(action="village.export", target="dagan").exists()


def test_an_unknown_village_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("village_export", "tidak-ada", str(tmp_path / "x.zip"))
    assert not (tmp_path / "x.zip").exists()
