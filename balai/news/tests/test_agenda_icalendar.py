"""The agenda's iCalendar feed is valid RFC 5545 whatever an editor types: CRLF line ends only,
line breaks from a textarea escaped, commas, semicolons and backslashes escaped, and long lines
folded at 75 octets without cutting a character in two. Parsed back, the text is what was typed."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

TITLE = (
    "Musyawarah Desa “RKPDes 2027” bersama BPD, LPMD, PKK; Karang Taruna — Dusun Kaliwungu, "
    "Kedungwringin dan Tegalpingen"
)
DESCRIPTION = "Bawa bekal.\r\nJangan lupa topi; payung, dan jas hujan.\rTanda \\ miring\n\nSelesai"


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            assert nxt in "nN,;\\", f"bad escape \\{nxt}"
            i += 2
        else:
            assert value[i] not in ",;", f"unescaped {value[i]!r} in {value!r}"
            out.append(value[i])
            i += 1
    return "".join(out)


def parse_ics(raw: bytes) -> list[dict[str, str]]:
    """Components as {NAME: text}, checking the RFC 5545 line rules on the way."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    for line in physical:
        assert b"\r" not in line and b"\n" not in line, f"bare line break in {line!r}"
        assert len(line) <= 75, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")  # a fold never cuts a character in two
    logical: list[str] = []
    for line in physical:
        text = line.decode("utf-8")
        if text[:1] in (" ", "\t"):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    components: list[dict[str, str]] = []
    for line in logical:
        name, _sep, value = line.partition(":")
        if name == "BEGIN":
            components.append({"BEGIN": value})
        elif name != "END":
            components[-1][name] = value
    return components


def test_a_textarea_description_and_a_long_title_come_out_as_valid_icalendar(
    login, alice, dagan, client
):
    start = timezone.localtime() + timedelta(days=3)
    login(alice).post(
        "/dasbor/dagan/berita/agenda/tambah/",
        {
            "title": TITLE,
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "place": "Balai Desa, Jl. Raya 1",
            "description": DESCRIPTION,
        },
    )
    client.logout()
    raw = client.get("/desa/dagan/agenda.ics").content
    calendar, event = parse_ics(raw)
    assert calendar["BEGIN"] == "VCALENDAR" and calendar["VERSION"] == "2.0"
    assert event["BEGIN"] == "VEVENT"
    assert _unescape(event["SUMMARY"]) == TITLE
    assert _unescape(event["LOCATION"]) == "Balai Desa, Jl. Raya 1"
    assert _unescape(event["DESCRIPTION"]) == (
        "Bawa bekal.\nJangan lupa topi; payung, dan jas hujan.\nTanda \\ miring\n\nSelesai"
    )
