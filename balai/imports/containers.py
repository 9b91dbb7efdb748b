"""What a file is, by its bytes: sniffing, and the container checks made before anything
inside is unpacked.

Spreadsheets come in containers: .xlsx and .ods are zip archives of XML parts, .xls is an OLE2
compound file holding a BIFF stream, a Siskeudes export is a zip of CSV tables. A zip's
central directory declares each entry's size, so a bomb is refused by summing the declared
sizes, entry count and compression ratio, without inflating anything; Python's zipfile then
never produces more than an entry declares (and a lying entry fails its CRC check).

Framework-free: used by the upload view, the worker and the reader child process.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from balai.imports.problems import FileProblem
from balai.lib.dumps import is_sql_dump, is_wxr, xml_declares_entities

SPREADSHEET_KINDS = frozenset({"xlsx", "xls", "ods", "csv"})
DUMP_KINDS = frozenset({"sql", "gz"})
ALL_KINDS = SPREADSHEET_KINDS | {"zip"} | DUMP_KINDS
EXPORT_KINDS = frozenset({"wxr"})  # WordPress's export: only the move from WordPress takes it
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class Limits:
    """How big a file may be, and how much its containers may unpack to."""

    max_bytes: int = 50 * 1024 * 1024
    max_unpacked: int = 500 * 1024 * 1024
    max_ratio: int = 200  # unpacked / packed, above 20 MB unpacked
    max_entries: int = 2000


def sniff(handle: IO[bytes], limits: Limits = Limits()) -> str:
    """'xlsx', 'xls', 'ods', 'csv' or 'zip', from the bytes. Raises FileProblem."""
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(0)
    if size == 0:
        raise FileProblem("empty")
    if size > limits.max_bytes:
        raise FileProblem("too_big", size=size, limit=limits.max_bytes)
    head = handle.read(4096)
    handle.seek(0)
    if head.startswith(ZIP):
        return _zip_kind(handle, limits)
    if head.startswith(OLE2):
        return _ole_kind(handle)
    if head.startswith(b"PK"):
        raise FileProblem("broken")
    if head.startswith(b"\x1f\x8b"):
        return "gz"  # a gzipped dump: its reader limits what it unpacks
    if is_sql_dump(head):
        return "sql"
    if xml_declares_entities(head):
        raise FileProblem("xml_entities")
    if is_wxr(head):
        return "wxr"  # its reader refuses declarations and caps the items
    return _text_kind(head)


def _zip_kind(handle: IO[bytes], limits: Limits) -> str:
    infos = zip_check(handle, limits)
    names = {info.filename for info in infos}
    try:
        with zipfile.ZipFile(handle) as archive:
            if "mimetype" in names and archive.read("mimetype")[:64].startswith(ODS_TYPE):
                return "ods"
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileProblem("broken") from exc
    finally:
        handle.seek(0)
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise FileProblem("xlsb")
    if "content.xml" in names:  # an OpenDocument text or drawing, not a spreadsheet
        raise FileProblem("unknown_type")
    return "zip"


def zip_check(handle: IO[bytes], limits: Limits) -> list[zipfile.ZipInfo]:
    """The entries of a zip, refused from its directory alone when it would unpack too far."""
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise FileProblem("broken") from exc
    finally:
        handle.seek(0)
    if len(infos) > limits.max_entries:
        raise FileProblem("zip_entries", count=len(infos), limit=limits.max_entries)
    if any(info.flag_bits & 0x1 for info in infos):
        raise FileProblem("encrypted")
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > limits.max_unpacked or (
        unpacked > 20 * 1024 * 1024 and unpacked / packed > limits.max_ratio
    ):
        raise FileProblem("zip_unpacked", size=unpacked, limit=limits.max_unpacked)
    return infos


def _ole_kind(handle: IO[bytes]) -> str:
    names = {name.lower() for name in Compound(handle.read()).names()}
    handle.seek(0)
    if "encryptedpackage" in names:  # an .xlsx saved with a password
        raise FileProblem("encrypted")
    if "workbook" in names or "book" in names:
        return "xls"
    raise FileProblem("unknown_type")


# Other formats by their first bytes: documents, images, archives, programs.
BINARY = (
    b"%PDF",
    b"{\\rtf",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"RIFF",
    b"BM",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"MZ",
    b"\xca\xfe\xba\xbe",
    b"%!PS",
    b"ID3",
)
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _text_kind(head: bytes) -> str:
    """A CSV is text: UTF-8, or Windows-1252 without its undefined bytes, few control
    characters, and not a web page or another format's signature."""
    if b"\x00" in head or head.startswith(BINARY):
        raise FileProblem("unknown_type")
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \r\n\t").lower()
    if text.startswith("<") and ("<table" in text or "<html" in text or "<!doctype" in text):
        raise FileProblem("html")
    if text.startswith("<?xml"):
        raise FileProblem("unknown_type")
    try:
        head[:-3].decode("utf-8")  # a multi-byte character may be cut at the end
    except UnicodeDecodeError:
        if CP1252_UNDEFINED & set(head):
            raise FileProblem("unknown_type") from None
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    if controls > len(head) // 100:
        raise FileProblem("unknown_type")
    return "csv"


def decode_text(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM) when it is, otherwise Windows-1252, which
    is what Excel on an Indonesian Windows saves as "CSV"."""
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


class Compound:
    """A minimal reader of OLE2 compound files (the .xls container): the directory and the
    streams, with every sector index and chain length checked, so a crafted file can neither
    loop nor read outside itself."""

    END_OF_CHAIN = 0xFFFFFFFE
    FREE = 0xFFFFFFFF

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(OLE2):
            raise FileProblem("broken")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise FileProblem("broken")
        self.sector = 1 << shift
        self.mini = 1 << mini_shift
        (fat_count, self.dir_start, _sig, self.cutoff) = struct.unpack_from("<IIII", data, 44)
        (self.minifat_start, minifat_count, difat_start, difat_count) = struct.unpack_from(
            "<IIII", data, 60
        )
        self.count = (len(data) - 512) // self.sector + 1
        fat_sectors = list(struct.unpack_from("<109I", data, 76))
        sector = difat_start
        for _ in range(min(difat_count, self.count)):
            if sector >= self.count:
                break
            values = struct.unpack_from(f"<{self.sector // 4}I", self._sector(sector))
            fat_sectors.extend(values[:-1])
            sector = values[-1]
        fat_sectors = [s for s in fat_sectors[:fat_count] if s < self.count]
        self.fat: list[int] = []
        for s in fat_sectors:
            self.fat.extend(struct.unpack_from(f"<{self.sector // 4}I", self._sector(s)))
        self.entries = list(self._entries())
        root = self.entries[0] if self.entries else None
        self.ministream = self._chain_bytes(root[1], root[2]) if root else b""
        self.minifat: list[int] = []
        if minifat_count:
            raw = self._chain_bytes(self.minifat_start, minifat_count * self.sector)
            self.minifat = list(struct.unpack_from(f"<{len(raw) // 4}I", raw))

    def _sector(self, index: int) -> bytes:
        start = 512 + index * self.sector
        if index >= self.count or start >= len(self.data):
            raise FileProblem("broken")
        return self.data[start : start + self.sector]

    def _chain(self, start: int, table: list[int]) -> Iterator[int]:
        seen = 0
        while start != self.END_OF_CHAIN and start != self.FREE:
            if start >= len(table) or seen > len(table):
                raise FileProblem("broken")
            yield start
            seen += 1
            start = table[start]

    def _chain_bytes(self, start: int, size: int) -> bytes:
        out = bytearray()
        for index in self._chain(start, self.fat):
            out += self._sector(index)
            if len(out) >= size:
                break
        return bytes(out[:size])

    def _entries(self) -> Iterator[tuple[str, int, int, int]]:
        raw = self._chain_bytes(self.dir_start, len(self.data))
        for offset in range(0, len(raw) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", raw, offset + 64)
            start, size = struct.unpack_from("<II", raw, offset + 116)
            name = raw[offset : offset + min(name_len, 64)].decode("utf-16-le", "replace")
            yield name.rstrip("\x00"), start, size, kind

    def names(self) -> list[str]:
        return [name for name, _start, _size, kind in self.entries if kind == 2]

    def stream(self, wanted: str) -> bytes:
        for name, start, size, kind in self.entries:
            if kind == 2 and name.lower() == wanted.lower():
                if size < self.cutoff:
                    out = bytearray()
                    for index in self._chain(start, self.minifat):
                        begin = index * self.mini
                        if begin >= len(self.ministream):
                            raise FileProblem("broken")
                        out += self.ministream[begin : begin + self.mini]
                        if len(out) >= size:
                            break
                    return bytes(out[:size])
                return self._chain_bytes(start, size)
        raise FileProblem("broken")
