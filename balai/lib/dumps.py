"""Whether some bytes begin a SQL dump (mysqldump, phpMyAdmin, OpenSID's backup): after
comments, a first statement. Framework-free: the upload checks, the storage and the import
pipeline's sniffing all ask it."""

from __future__ import annotations

import re

SQL_DUMP = re.compile(
    rb"(?:\s|#[^\n]*\n|--[^\n]*\n|/\*.*?\*/;?)*"
    rb"(?:DROP|CREATE|INSERT|SET|LOCK|USE|START|ALTER|REPLACE)\s",
    re.I | re.S,
)


def is_sql_dump(head: bytes) -> bool:
    return SQL_DUMP.match(head.lstrip(b"\xef\xbb\xbf")) is not None
