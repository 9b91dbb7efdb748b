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


# A WordPress export (WXR): XML whose RSS root declares WordPress's export namespace.
WXR_NAMESPACE = re.compile(rb"xmlns:wp\s*=\s*[\"']https?://wordpress\.org/export/1\.[0-9]+/")


def is_wxr(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and b"<rss" in head and WXR_NAMESPACE.search(head) is not None


def xml_declares_entities(head: bytes) -> bool:
    """XML with a DOCTYPE or an ENTITY declaration (how a "billion laughs" file expands); an
    HTML page's `<!DOCTYPE html>` is not XML's and is left to the other checks."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return False
    if b"<!ENTITY" in head or re.match(rb"<!DOCTYPE\s+rss\b", text):
        return True
    return text.startswith(b"<?xml") and b"<!DOCTYPE" in head
