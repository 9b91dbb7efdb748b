"""PDF uploads checked by their structure, and refused when they carry active content.

Village documents (a Perdes, DIP items, PPID answers, request letters, transfer proofs) are PDFs
that residents and district staff download and open, so a file is accepted only when it is a
real PDF and nothing in it runs, launches or unpacks anything:

- `%PDF-x.y` at offset 0, and `startxref <offset>` then `%%EOF` in the last kilobyte;
- a cross-reference table with its `trailer` dictionary, or a cross-reference stream;
- the newest trailer's `/Root` names an object that is in the file (or in one of its compressed
  object streams) and is the document catalog;
- no dictionary, in the file or in a compressed object stream, uses a name from
  `ACTIVE_NAMES`. Names are compared after their `#xx` escapes are decoded, so `/J#61vaScript`
  is `/JavaScript`, and object streams are decoded (Flate, ASCIIHex, ASCII85) before they are
  read. An `/OpenAction` that only opens the document at a page is allowed: a destination
  (`[3 0 R /Fit]`, which LibreOffice and many other writers put in every file) or a plain GoTo
  action (LaTeX's hyperref); any other action is not.

Such files are **refused, not stripped**: cleaning a PDF means rewriting it, which can break a
signed or carefully made document and can leave half of a payload behind, while village
documents never need scripts, attachments or launch actions. The person is told to print the
document to PDF again, which drops all of it.

The work is bounded: one pass of a regular-expression lexer over the bytes outside stream
bodies (a stream's body is skipped by its `/Length` or its `endstream`), at most `MAX_TOKENS`
tokens and `MAX_DEPTH` nesting, at most `MAX_DECODED` bytes decoded from object streams in all;
a file over a bound is refused as too complex. Streams that are not object streams (page
content, images, fonts) are never decoded: they hold no dictionaries a reader would act on.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple

MAX_TOKENS = 1_000_000
MAX_DEPTH = 64
MAX_DECODED = 32 * 1024 * 1024
MAX_FILTERS = 4

# Names that run code, act without a click, launch or fetch something outside the document, or
# carry files: /JavaScript and /JS (scripts), /AA (actions on open, close, print, focus…),
# /Launch (start a program), /EmbeddedFile(s) and /GoToE (attachments), /RichMedia (Flash and
# video players), /XFA (forms with their own scripting), /GoToR, /SubmitForm and /ImportData
# (open, send to or read from another file or server).
ACTIVE_NAMES = frozenset(
    {
        "JavaScript",
        "JS",
        "AA",
        "Launch",
        "EmbeddedFile",
        "EmbeddedFiles",
        "GoToE",
        "GoToR",
        "RichMedia",
        "XFA",
        "SubmitForm",
        "ImportData",
    }
)


class PdfRefused(ValueError):
    """Why the PDF is refused: `structure`, `active` or `complex`; `detail` is for logs."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class Name(str):
    """A PDF name, its `#xx` escapes decoded."""


class Ref(NamedTuple):
    number: int
    generation: int


class _Word(bytes):
    """A keyword or a number that is not a plain integer (`obj`, `R`, `true`, `1.5`)."""


_STRING = object()  # a literal or hex string: its content never matters here

_TOKEN = re.compile(
    rb"""
    [\x00\t\n\x0c\r\x20]*
    (?:
      (?P<comment>%[^\r\n]*)
    | (?P<dopen><<)
    | (?P<dclose>>>)
    | (?P<aopen>\[)
    | (?P<aclose>\])
    | (?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r\x20]*>)
    | (?P<name>/[^\x00\t\n\x0c\r\x20()<>\[\]{}/%]*)
    | (?P<str>\()
    | (?P<int>[+-]?[0-9]+(?![^\x00\t\n\x0c\r\x20()<>\[\]{}/%]))
    | (?P<word>[^\x00\t\n\x0c\r\x20()<>\[\]{}/%]+)
    | (?P<junk>.)
    | \Z
    )
    """,
    re.VERBOSE | re.DOTALL,
)
_STRING_SPECIAL = re.compile(rb"[()\\]")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_EOL = re.compile(rb"\r\n|\n|\r")
_ENDSTREAM = re.compile(rb"[\x00\t\n\x0c\r\x20]*endstream")
_XREF_SUBSECTION = re.compile(
    rb"[\x00\t\n\x0c\r\x20]*([0-9]{1,10})[\x20]+([0-9]{1,10})[\x20]*(?:\r\n|\n|\r)"
)
_XREF_ENTRY = re.compile(rb"[0-9]{10}[\x20][0-9]{5}[\x20][nf][\r\n\x20]{1,2}")
_HIDDEN_OBJECT = re.compile(rb"[0-9][\x00\t\n\x0c\r\x20]+[0-9]+[\x00\t\n\x0c\r\x20]*obj")
_HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
_STARTXREF = re.compile(rb"startxref[\x00\t\n\x0c\r\x20]+([0-9]{1,12})[\x00\t\n\x0c\r\x20]*%%EOF")


def _name(raw: bytes) -> Name:
    if b"#" in raw:
        raw = _NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), raw)
    return Name(raw.decode("latin-1"))


def _as_dict(items: list[Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for i in range(0, len(items) - 1, 2):
        if isinstance(items[i], Name):
            result[items[i]] = items[i + 1]
    return result


@dataclass
class _Scan:
    """What one pass over the file (or over a decoded object stream) found."""

    data: bytes
    tokens: int = 0
    objects: dict[int, Any] = field(default_factory=dict)
    trailers: list[dict[str, Any]] = field(default_factory=list)
    object_streams: list[tuple[dict[str, Any], bytes]] = field(default_factory=list)
    open_actions: list[Ref] = field(default_factory=list)
    has_xref_table: bool = False
    has_xref_stream: bool = False
    decoded: int = 0

    def count(self) -> None:
        self.tokens += 1
        if self.tokens > MAX_TOKENS:
            raise PdfRefused("complex", "too many tokens")

    def active(self, what: str) -> None:
        raise PdfRefused("active", what)

    def close_dict(self, items: list[Any]) -> dict[str, Any]:
        result = _as_dict(items)
        action = result.get("OpenAction")
        if isinstance(action, Ref):
            self.open_actions.append(action)
        elif action is not None and not _goes_to_a_page(action):
            self.active("OpenAction")
        return result

    def hidden(self, start: int, end: int) -> None:
        """Bytes the lexer skips (a string, a comment, a stream body) must not hold an object
        header: a reader that jumps to an offset from the cross-reference table would read it."""
        if _HIDDEN_OBJECT.search(self.data, start, end):
            raise PdfRefused("structure", "an object hidden in a string, comment or stream")

    def lex(self, start: int, end: int, *, top: bool) -> list[Any]:
        """Lex data[start:end]; returns the values completed outside any container.

        With `top`, `n g obj … endobj`, streams, `xref` tables and trailers are recognised
        (the file itself); without, it is an object stream's body (values one after another).
        """
        data = self.data
        stack: list[tuple[bool, list[Any]]] = []  # (is_dict, items)
        values: list[Any] = []  # completed top-level values, in order
        current: int | None = None  # the object number between `obj` and `endobj`
        after_trailer = after_startxref = False
        pos = start
        match = _TOKEN.match
        while pos < end:
            m = match(data, pos, end)
            if m is None:  # cannot happen: `junk` matches any byte
                break
            pos = m.end()
            kind = m.lastgroup
            if kind is None:  # whitespace up to the end
                break
            self.tokens += 1
            if self.tokens > MAX_TOKENS:
                raise PdfRefused("complex", "too many tokens")
            if kind == "comment":
                self.hidden(m.start(kind), pos)
                continue
            value: Any
            if kind == "name":
                value = _name(m.group(kind)[1:])
                if value in ACTIVE_NAMES:
                    self.active(value)
            elif kind == "int":
                value = int(m.group(kind))
            elif kind == "dopen" or kind == "aopen":
                if len(stack) >= MAX_DEPTH:
                    raise PdfRefused("complex", "nesting")
                stack.append((kind == "dopen", []))
                continue
            elif kind == "dclose" or kind == "aclose":
                if not stack or stack[-1][0] != (kind == "dclose"):
                    continue  # a stray closer: readers skip it too
                is_dict, items = stack.pop()
                value = self.close_dict(items) if is_dict else items
            elif kind == "str":
                opened, pos = pos, self._skip_string(pos, end)
                self.hidden(opened, pos)
                value = _STRING
            elif kind == "hex":
                value = _STRING
            elif kind == "word":
                word = m.group(kind)
                target = stack[-1][1] if stack else values
                if word == b"R" and len(target) >= 2:
                    number, generation = target[-2], target[-1]
                    if type(number) is int and type(generation) is int:
                        del target[-2:]
                        target.append(Ref(number, generation))
                        continue
                if top and not stack:
                    if word == b"obj" and len(values) >= 2 and type(values[-2]) is int:
                        current = values[-2]
                        values.clear()
                        continue
                    if word == b"endobj":
                        if current is not None and values:
                            self.objects[current] = values[-1]
                        current = None
                        values.clear()
                        continue
                    if word == b"stream":
                        pos = self._stream(pos, end, values[-1] if values else None)
                        continue
                    if word == b"xref":
                        pos = self._xref_table(pos, end)
                        continue
                    if word == b"trailer":
                        after_trailer = True
                        continue
                    if word == b"startxref":
                        after_startxref = True
                        continue
                value = _Word(word)
            else:  # junk: a stray byte, skipped as readers do
                continue
            if stack:
                stack[-1][1].append(value)
                continue
            if after_trailer and isinstance(value, dict):
                self.trailers.append(value)
                after_trailer = False
            if after_startxref:
                after_startxref = False
                continue
            values.append(value)
            if len(values) > 3 and top:
                del values[0]
        return values

    def _skip_string(self, pos: int, end: int) -> int:
        depth = 1
        search = _STRING_SPECIAL.search
        data = self.data
        while depth:
            m = search(data, pos, end)
            if m is None:
                return end
            self.count()
            char = data[m.start()]
            pos = m.end()
            if char == 0x5C:  # backslash: the next byte is escaped
                pos += 1
            elif char == 0x28:
                depth += 1
                if depth > MAX_DEPTH:  # unbalanced parentheses must be escaped
                    raise PdfRefused("complex", "nested parentheses")
            else:
                depth -= 1
        return pos

    def _stream(self, pos: int, end: int, head: Any) -> int:
        data = self.data
        eol = _EOL.match(data, pos, end)
        body_start = eol.end() if eol else pos
        body_end = -1
        length = head.get("Length") if isinstance(head, dict) else None
        if type(length) is int and 0 <= length <= end - body_start:
            after = _ENDSTREAM.match(data, body_start + length, end)
            if after:
                body_end, pos = body_start + length, after.end()
        if body_end < 0:
            found = data.find(b"endstream", body_start, end)
            if found < 0:
                raise PdfRefused("structure", "stream without endstream")
            body_end, pos = found, found + len(b"endstream")
        self.hidden(body_start, body_end)
        if isinstance(head, dict):
            kind = head.get("Type")
            if kind == "XRef":
                self.has_xref_stream = True
                self.trailers.append(head)
            elif kind == "ObjStm" or ("N" in head and "First" in head):
                self.object_streams.append((head, data[body_start:body_end]))
        return pos

    def _xref_table(self, pos: int, end: int) -> int:
        """Skip a well-formed cross-reference table (digits, spaces, n and f only)."""
        data = self.data
        while True:
            sub = _XREF_SUBSECTION.match(data, pos, end)
            if sub is None:
                return pos
            entry = _XREF_ENTRY.match
            after = sub.end()
            for _ in range(int(sub[2])):
                m = entry(data, after, end)
                if m is None:
                    break
                after = m.end()
            else:
                self.has_xref_table = True
                pos = after
                continue
            if after > sub.end():
                self.has_xref_table = True
            return after


def _decode(head: dict[str, Any], body: bytes, budget: int) -> bytes:
    filters = head.get("Filter")
    chain = filters if isinstance(filters, list) else [filters] if filters else []
    if len(chain) > MAX_FILTERS:
        raise PdfRefused("complex", "filter chain")
    params = head.get("DecodeParms")
    if any(isinstance(p, dict) and p.get("Predictor", 1) != 1 for p in _listed(params)):
        raise PdfRefused("complex", "predictor on an object stream")
    for name in chain:
        if name in ("FlateDecode", "Fl"):
            inflater = zlib.decompressobj()
            try:
                body = inflater.decompress(body, budget + 1)
            except zlib.error as exc:
                raise PdfRefused("complex", "object stream does not inflate") from exc
        elif name in ("ASCIIHexDecode", "AHx"):
            text = re.sub(rb"[\x00\t\n\x0c\r\x20]", b"", body.split(b">", 1)[0])
            try:
                body = bytes.fromhex((text + b"0" * (len(text) % 2)).decode("ascii"))
            except ValueError as exc:
                raise PdfRefused("complex", "bad hex stream") from exc
        elif name in ("ASCII85Decode", "A85"):
            text = body.split(b"~>", 1)[0]
            text = text[2:] if text.lstrip().startswith(b"<~") else text
            try:
                body = base64.a85decode(text.strip(), ignorechars=b" \t\n\r\x0c\x00")
            except ValueError as exc:
                raise PdfRefused("complex", "bad ascii85 stream") from exc
        else:
            raise PdfRefused("complex", f"object stream filter {name!r}")
        if len(body) > budget:
            raise PdfRefused("complex", "object streams too large")
    return body


def _goes_to_a_page(action: Any) -> bool:
    """An /OpenAction that only opens the document at a page: a destination array, or a GoTo
    action with nothing chained after it (what LaTeX's hyperref writes)."""
    if isinstance(action, list):
        return True
    return isinstance(action, dict) and action.get("S") == "GoTo" and "Next" not in action


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _object_stream(scan: _Scan, head: dict[str, Any], body: bytes) -> None:
    decoded = _decode(head, body, MAX_DECODED - scan.decoded)
    scan.decoded += len(decoded)
    count, first = head.get("N"), head.get("First")
    if type(count) is not int or type(first) is not int or not 0 <= first <= len(decoded):
        raise PdfRefused("structure", "object stream without N or First")
    inner = _Scan(decoded, tokens=scan.tokens)
    numbers = inner.lex(0, first, top=False)[0 : 2 * count : 2]
    inner_values = inner.lex(first, len(decoded), top=False)
    scan.tokens = inner.tokens
    scan.open_actions += inner.open_actions
    for number, value in zip(numbers, inner_values, strict=False):
        if type(number) is int:
            scan.objects.setdefault(number, value)


def pdf_check(data: bytes) -> None:
    """Raise PdfRefused unless `data` is a well-formed PDF without active content."""
    if not _HEADER.match(data):
        raise PdfRefused("structure", "no %PDF- header at offset 0")
    tail_start = max(0, len(data) - 1024)
    if b"%%EOF" not in data[tail_start:]:
        raise PdfRefused("structure", "no %%EOF at the end")
    startxref = None
    for m in _STARTXREF.finditer(data, max(0, len(data) - 1100)):
        startxref = int(m[1])
    if startxref is None or startxref >= len(data):
        raise PdfRefused("structure", "no startxref offset")
    scan = _Scan(data)
    scan.lex(0, len(data), top=True)
    if not (scan.has_xref_table or scan.has_xref_stream):
        raise PdfRefused("structure", "no cross-reference table or stream")
    root = next((t["Root"] for t in reversed(scan.trailers) if "Root" in t), None)
    if not isinstance(root, Ref):
        raise PdfRefused("structure", "no trailer with /Root")
    encrypted = any("Encrypt" in t for t in scan.trailers)
    if scan.object_streams and encrypted:
        raise PdfRefused("complex", "encrypted object streams cannot be checked")
    for head, body in scan.object_streams:
        _object_stream(scan, head, body)
    catalog = scan.objects.get(root.number)
    if not isinstance(catalog, dict) or not (
        catalog.get("Type") == "Catalog" or "Pages" in catalog
    ):
        raise PdfRefused("structure", "/Root is not a catalog")
    for ref in scan.open_actions:
        target = scan.objects.get(ref.number)
        if target is not None and not _goes_to_a_page(target):
            raise PdfRefused("active", "OpenAction")
