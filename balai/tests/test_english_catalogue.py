"""The English catalogue is complete, and English visitors really get English.

The .po file is read with a small parser of our own so that the check runs
without polib or GNU gettext installed.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

PO_PATH = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w+\}")


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)


def _unquote(token: str) -> str:
    # PO strings use C escapes, which a Python string literal reads the same way.
    return ast.literal_eval(token)


def parse_po(text: str) -> list[Entry]:
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None

    def finish() -> None:
        if current is not None and current.msgid is not None:
            entries.append(current)

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            current, target = None, None
            continue
        if current is None:
            current = Entry(line=number)
        if line.startswith("#~"):
            continue  # obsolete entry: not part of the catalogue
        if line.startswith("#,"):
            current.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            target = ("msgctxt", 0)
        elif line.startswith("msgid_plural "):
            current.msgid_plural = _unquote(line[len("msgid_plural ") :])
            target = ("msgid_plural", 0)
        elif line.startswith("msgid "):
            current.msgid = _unquote(line[len("msgid ") :])
            target = ("msgid", 0)
        elif match := re.match(r"msgstr\[(\d+)\]\s+(.*)", line):
            index = int(match.group(1))
            current.msgstr[index] = _unquote(match.group(2))
            target = ("msgstr", index)
        elif line.startswith("msgstr "):
            current.msgstr[0] = _unquote(line[len("msgstr ") :])
            target = ("msgstr", 0)
        elif line.startswith('"') and target is not None:
            part = _unquote(line)
            kind, index = target
            if kind == "msgid":
                current.msgid = (current.msgid or "") + part
            elif kind == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + part
            elif kind == "msgstr":
                current.msgstr[index] += part
        else:
            raise AssertionError(f"{PO_PATH.name}:{number}: cannot parse {raw!r}")
    finish()
    return entries


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return parse_po(PO_PATH.read_text(encoding="utf-8"))


def _messages(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.msgid != ""]


def test_the_catalogue_has_a_header_for_english(entries):
    header = [e for e in entries if e.msgid == ""]
    assert len(header) == 1
    assert "fuzzy" not in header[0].flags
    assert "Language: en\n" in header[0].msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header[0].msgstr[0]


def test_the_catalogue_is_not_trivially_small(entries):
    assert len(_messages(entries)) > 300


def test_every_message_is_translated(entries):
    empty = [
        f"line {e.line}: {e.msgid!r}"
        for e in _messages(entries)
        if not e.msgstr or any(not text.strip() for text in e.msgstr.values())
    ]
    assert empty == []


def test_plural_messages_have_both_forms(entries):
    incomplete = [
        f"line {e.line}: {e.msgid!r}"
        for e in _messages(entries)
        if e.msgid_plural is not None and sorted(e.msgstr) != [0, 1]
    ]
    assert incomplete == []


def test_no_message_is_fuzzy(entries):
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in entries if "fuzzy" in e.flags]
    assert fuzzy == []


def test_translations_keep_the_placeholders(entries):
    broken = []
    for e in _messages(entries):
        expected = set(PLACEHOLDER.findall(e.msgid))
        if e.msgid_plural is not None:
            expected |= set(PLACEHOLDER.findall(e.msgid_plural))
        for text in e.msgstr.values():
            if set(PLACEHOLDER.findall(text)) != expected:
                broken.append(f"line {e.line}: {e.msgid!r} -> {text!r}")
    assert broken == []


def test_translations_keep_leading_and_trailing_newlines(entries):
    broken = [
        f"line {e.line}: {e.msgid!r}"
        for e in _messages(entries)
        for text in e.msgstr.values()
        if (text.startswith("\n"), text.endswith("\n"))
        != (e.msgid.startswith("\n"), e.msgid.endswith("\n"))
    ]
    assert broken == []


PAGES = {
    "/": {
        "en": ["Register a village website", "See all villages", "Villages by subdistrict"],
        "id": ["Daftarkan website desa", "Lihat semua desa", "Desa per kecamatan"],
    },
    "/daftar/": {
        "en": ["What you need", "Start now", "Already registered?"],
        "id": ["Yang Anda perlukan", "Mulai sekarang", "Sudah mendaftar?"],
    },
    "/masuk/": {
        "en": ["Log in", "Forgot your password?", "Keep me logged in on this device"],
        "id": ["Lupa kata sandi?", "Belum punya akun?", "Tetap masuk di perangkat ini"],
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(PAGES))
def test_english_visitors_get_english(client, path):
    client.cookies["django_language"] = "en"
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    for english in PAGES[path]["en"]:
        assert english in html
    for indonesian in PAGES[path]["id"]:
        assert indonesian not in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(PAGES))
def test_bahasa_indonesia_stays_the_default(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for indonesian in PAGES[path]["id"]:
        assert indonesian in html
    for english in PAGES[path]["en"]:
        assert english not in html


@pytest.mark.django_db
def test_the_language_is_not_mixed_up_between_visitors(client):
    # Pages may be cached; one visitor's language must not leak to the next.
    assert "Yang Anda perlukan" in client.get("/daftar/").content.decode()
    assert "Desa per kecamatan" in client.get("/").content.decode()
    client.cookies["django_language"] = "en"
    assert "What you need" in client.get("/daftar/").content.decode()
    assert "Villages by subdistrict" in client.get("/").content.decode()
