"""The catalogue as DCAT-AP 3 (DCAT v3) RDF: one small node model, written as JSON-LD and as
Turtle (our own serializer: no RDF library in the install), and checked by `validate.py`.

Shape: dcat:Catalog —dcat:dataset→ dcat:Dataset (title, description, publisher foaf:Agent,
contact point vcard:Organization, keywords, EU data theme, temporal dct:PeriodOfTime, spatial
dct:Location with the Kemendagri region code, EU frequency, modified, landing page)
—dcat:distribution→ dcat:Distribution (CSV, data dictionary CSV, JSON: access and download URL,
IANA media type, EU file type, licence). EU vocabularies only where DCAT-AP asks for them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Union

from balai.opendata.catalogue import Catalogue, Entry

EU = "http://publications.europa.eu/resource/authority/"
PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "locn": "http://www.w3.org/ns/locn#",
    "adms": "http://www.w3.org/ns/adms#",
}
LANG = "id"
FORMATS = {  # our format → (IANA media type, EU file type)
    "CSV": ("text/csv", "CSV"),
    "JSON": ("application/json", "JSON"),
}


@dataclass(frozen=True)
class IRI:
    value: str


@dataclass(frozen=True)
class Literal:
    value: str
    lang: str = ""
    datatype: str = ""  # a prefixed name, e.g. "xsd:date"


@dataclass
class Node:
    """A subject: an IRI, or a blank node when `iri` is empty; its properties in order."""

    iri: str
    types: list[str]
    props: list[tuple[str, Value]] = field(default_factory=list)

    def add(self, predicate: str, value: Value | None) -> Node:
        if value is not None:
            self.props.append((predicate, value))
        return self

    def values(self, predicate: str) -> list[Value]:
        return [v for p, v in self.props if p == predicate]


Value = Union[IRI, Literal, Node]  # noqa: UP007  # a forward reference inside the dataclass


def text(value: str) -> Literal:
    return Literal(value, lang=LANG)


def _date(value: date | datetime) -> Literal:
    if isinstance(value, datetime):
        return Literal(value.replace(microsecond=0).isoformat(), datatype="xsd:dateTime")
    return Literal(value.isoformat(), datatype="xsd:date")


def _publisher(cat: Catalogue) -> Node:
    return (
        Node(cat.base + "#penerbit", ["foaf:Agent"])
        .add("foaf:name", text(cat.meta.publisher))
        .add("dct:type", IRI("http://purl.org/adms/publishertype/RegionalAuthority"))
    )


def _contact(cat: Catalogue) -> Node:
    node = Node("", ["vcard:Organization"]).add("vcard:fn", text(cat.meta.contact_name))
    if cat.meta.contact_email:
        node.add("vcard:hasEmail", IRI(f"mailto:{cat.meta.contact_email}"))
    return node.add("vcard:hasURL", IRI(cat.base))


def _spatial(code: str, name: str) -> Node:
    return (
        Node("", ["dct:Location"])
        .add("dct:identifier", Literal(code))
        .add("skos:prefLabel", text(name))
        .add("locn:geographicName", text(name))
    )


def _distribution(entry: Entry, cat: Catalogue, kind: str, url: str, title: str) -> Node:
    media, eu = FORMATS[kind]
    return (
        Node(url, ["dcat:Distribution"])
        .add("dct:title", text(title))
        .add("dcat:accessURL", IRI(entry.landing))
        .add("dcat:downloadURL", IRI(url))
        .add("dcat:mediaType", IRI(f"http://www.iana.org/assignments/media-types/{media}"))
        .add("dct:format", IRI(f"{EU}file-type/{eu}"))
        .add("dct:license", IRI(cat.meta.licence_uri))
        .add("dct:modified", _date(entry.modified))
    )


def dataset_node(entry: Entry, cat: Catalogue, publisher: Node) -> Node:
    node = (
        Node(entry.landing, ["dcat:Dataset"])
        .add("dct:identifier", Literal(entry.name))
        .add("dct:title", text(entry.title))
        .add("dct:description", text(entry.description))
        .add("dct:publisher", publisher)
        .add("dcat:contactPoint", _contact(cat))
        .add("dcat:theme", IRI(f"{EU}data-theme/{entry.theme}"))
        .add("dct:accrualPeriodicity", IRI(f"{EU}frequency/{entry.frequency}"))
        .add("dct:modified", _date(entry.modified))
        .add("dct:spatial", _spatial(entry.region_code, entry.region_name))
        .add("dcat:landingPage", IRI(entry.landing))
        .add("dct:language", IRI(f"{EU}language/IND"))
    )
    for keyword in entry.keywords:
        node.add("dcat:keyword", text(keyword))
    if entry.start or entry.end:
        period = Node("", ["dct:PeriodOfTime"])
        period.add("dcat:startDate", _date(entry.start) if entry.start else None)
        period.add("dcat:endDate", _date(entry.end) if entry.end else None)
        node.add("dct:temporal", period)
    for kind, url, title in (
        ("CSV", entry.csv_url, f"{entry.title} (CSV)"),
        ("CSV", entry.dictionary_url, f"{entry.title}: kamus data (CSV)"),
        ("JSON", entry.json_url, f"{entry.title} (JSON)"),
    ):
        node.add("dcat:distribution", _distribution(entry, cat, kind, url, title))
    return node


def catalogue_node(cat: Catalogue) -> Node:
    publisher = _publisher(cat)
    node = (
        Node(cat.base + "#katalog", ["dcat:Catalog"])
        .add("dct:title", text(f"Katalog data terbuka {cat.title}"))
        .add(
            "dct:description",
            text(f"Dataset publik {cat.title}: angka agregat, sel kecil disembunyikan."),
        )
        .add("dct:publisher", publisher)
        .add("foaf:homepage", IRI(cat.base))
        .add("dct:license", IRI(cat.meta.licence_uri))
        .add("dct:language", IRI(f"{EU}language/IND"))
        .add("dct:spatial", _spatial(cat.region_code, cat.region_name))
        .add("dct:modified", _date(cat.modified))
        .add("dcat:themeTaxonomy", IRI(f"{EU}data-theme"))
    )
    for entry in cat.entries:
        node.add("dcat:dataset", dataset_node(entry, cat, publisher))
    return node


# --- JSON-LD ---------------------------------------------------------------------------------


def _jsonld_value(value: Value, seen: set[str]) -> object:
    if isinstance(value, IRI):
        return {"@id": value.value}
    if isinstance(value, Literal):
        if value.lang:
            return {"@value": value.value, "@language": value.lang}
        if value.datatype:
            return {"@value": value.value, "@type": value.datatype}
        return value.value
    return _jsonld_node(value, seen)


def _jsonld_node(node: Node, seen: set[str]) -> dict:
    if node.iri and node.iri in seen:
        return {"@id": node.iri}  # described once (the publisher)
    if node.iri:
        seen.add(node.iri)
    out: dict[str, object] = {}
    if node.iri:
        out["@id"] = node.iri
    out["@type"] = node.types[0] if len(node.types) == 1 else node.types
    for predicate, value in node.props:
        item = _jsonld_value(value, seen)
        if predicate in out:
            current = out[predicate]
            out[predicate] = [*current, item] if isinstance(current, list) else [current, item]
        else:
            out[predicate] = item
    return out


def to_jsonld(node: Node) -> str:
    document = {"@context": dict(PREFIXES), **_jsonld_node(node, set())}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


# --- Turtle ----------------------------------------------------------------------------------

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def turtle_string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def turtle_iri(value: str) -> str:
    # Characters that may not stand in an IRIREF are written as UCHAR escapes.
    return "<" + _IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", value) + ">"


def _ttl_value(value: Value, later: list[Node], seen: set[str], indent: str) -> str:
    if isinstance(value, IRI):
        return turtle_iri(value.value)
    if isinstance(value, Literal):
        literal = turtle_string(value.value)
        if value.lang:
            return f"{literal}@{value.lang}"
        return f"{literal}^^{value.datatype}" if value.datatype else literal
    if value.iri:  # a named node: referenced here, described on its own
        if value.iri not in seen:
            seen.add(value.iri)
            later.append(value)
        return turtle_iri(value.iri)
    inner = indent + "    "
    body = _ttl_props(value, later, seen, inner)
    return f"[\n{inner}{body}\n{indent}]"


def _ttl_props(node: Node, later: list[Node], seen: set[str], indent: str) -> str:
    parts = ["a " + ", ".join(node.types)]
    for predicate, value in node.props:
        parts.append(f"{predicate} {_ttl_value(value, later, seen, indent)}")
    return f" ;\n{indent}".join(parts)


def to_turtle(node: Node) -> str:
    lines = [f"@prefix {p}: <{uri}> ." for p, uri in PREFIXES.items()]
    lines.append("")
    later, seen = [node], {node.iri}
    while later:
        current = later.pop(0)
        body = _ttl_props(current, later, seen, "    ")
        lines.append(f"{turtle_iri(current.iri)}\n    {body} .\n")
    return "\n".join(lines)


def triples(node: Node) -> set[tuple[str, str, str]]:
    """The node's triples with blank nodes numbered in order of appearance (for tests: a
    parsed Turtle or JSON-LD document must give the same set)."""
    out: set[tuple[str, str, str]] = set()
    counter = [0]
    named: dict[str, bool] = {}

    def walk(n: Node) -> str:
        if n.iri:
            subject = n.iri
            if named.get(subject):
                return subject
            named[subject] = True
        else:
            counter[0] += 1
            subject = f"_:b{counter[0]}"
        for t in n.types:
            out.add((subject, "rdf:type", t))
        for p, v in n.props:
            if isinstance(v, Node):
                out.add((subject, p, walk(v)))
            elif isinstance(v, IRI):
                out.add((subject, p, v.value))
            else:
                out.add((subject, p, f"{v.value}|{v.lang}|{v.datatype}"))
        return subject

    walk(node)
    return out
