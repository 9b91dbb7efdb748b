"""DCAT-AP 3.0 checks in code, over the node model of dcat.py (what the SHACL shapes of
DCAT-AP say about the classes we write, without an RDF stack): for each class its mandatory
properties, the recommended ones we promise to fill, maximum counts, and the ranges that are
controlled vocabularies (EU frequency, data theme, file type; IANA media types) or must be
IRIs, dates or language-tagged text. `problems(node)` lists every violation; [] is valid."""

from __future__ import annotations

import re

from balai.opendata.dcat import EU, IRI, Literal, Node, Value
from balai.opendata.registry import FREQUENCIES, THEMES

# class → (mandatory, recommended, at most one)
RULES: dict[str, tuple[set[str], set[str], set[str]]] = {
    "dcat:Catalog": (
        {"dct:title", "dct:description", "dct:publisher"},
        {
            "foaf:homepage",
            "dct:license",
            "dct:language",
            "dct:spatial",
            "dct:modified",
            "dcat:themeTaxonomy",
            "dcat:dataset",
        },
        {"dct:publisher", "dct:modified", "dct:license", "foaf:homepage"},
    ),
    "dcat:Dataset": (
        {"dct:title", "dct:description"},
        {
            "dcat:contactPoint",
            "dcat:distribution",
            "dcat:keyword",
            "dct:publisher",
            "dct:spatial",
            "dcat:theme",
        },
        {"dct:publisher", "dct:modified", "dct:accrualPeriodicity", "dct:issued"},
    ),
    "dcat:Distribution": (
        {"dcat:accessURL"},
        {"dct:format", "dct:license", "dcat:mediaType"},
        {"dct:format", "dct:license", "dcat:mediaType", "dct:modified"},
    ),
    "foaf:Agent": ({"foaf:name"}, {"dct:type"}, set()),
    "vcard:Organization": ({"vcard:fn"}, set(), set()),
    "dct:PeriodOfTime": (set(), set(), {"dcat:startDate", "dcat:endDate"}),
    "dct:Location": (set(), set(), set()),
}
IRI_RANGE = {
    "dct:publisher",
    "dcat:contactPoint",
    "dcat:distribution",
    "dcat:dataset",
    "dct:license",
    "dcat:accessURL",
    "dcat:downloadURL",
    "dcat:landingPage",
    "foaf:homepage",
    "dcat:theme",
    "dct:accrualPeriodicity",
    "dct:format",
    "dcat:mediaType",
    "dct:language",
    "dct:spatial",
    "dct:temporal",
    "vcard:hasEmail",
    "vcard:hasURL",
    "dcat:themeTaxonomy",
    "dct:type",
}
TEXT = {"dct:title", "dct:description", "dcat:keyword", "foaf:name", "vcard:fn"}
DATES = {"dct:modified", "dct:issued", "dcat:startDate", "dcat:endDate"}
VOCABULARIES = {
    "dct:accrualPeriodicity": (f"{EU}frequency/", FREQUENCIES),
    "dcat:theme": (f"{EU}data-theme/", THEMES),
    "dct:format": (f"{EU}file-type/", {"CSV", "JSON"}),
    "dct:language": (f"{EU}language/", {"IND", "ENG"}),
}
MEDIA = re.compile(r"^http://www\.iana\.org/assignments/media-types/[a-z]+/[a-z0-9.+-]+$")
ABSOLUTE = re.compile(r"^(https?|mailto):\S+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$")


def _value_problems(where: str, predicate: str, value: Value) -> list[str]:
    problems = []
    if predicate in IRI_RANGE and isinstance(value, Literal):
        problems.append(f"{where} {predicate}: harus IRI atau node, bukan teks")
    if isinstance(value, IRI) and not ABSOLUTE.match(value.value):
        problems.append(f"{where} {predicate}: IRI tidak mutlak {value.value!r}")
    if predicate in TEXT and not (isinstance(value, Literal) and value.lang and value.value):
        problems.append(f"{where} {predicate}: harus teks berbahasa (@id) dan tidak kosong")
    if predicate in DATES:
        ok = isinstance(value, Literal) and (
            (value.datatype == "xsd:date" and DATE.match(value.value))
            or (value.datatype == "xsd:dateTime" and DATETIME.match(value.value))
        )
        if not ok:
            problems.append(f"{where} {predicate}: harus xsd:date atau xsd:dateTime")
    if predicate in VOCABULARIES and isinstance(value, IRI):
        base, codes = VOCABULARIES[predicate]
        if not value.value.startswith(base) or value.value[len(base) :] not in codes:
            problems.append(f"{where} {predicate}: {value.value} bukan kosakata EU yang sah")
    if predicate == "dcat:mediaType" and isinstance(value, IRI) and not MEDIA.match(value.value):
        problems.append(f"{where} dcat:mediaType: {value.value} bukan jenis media IANA")
    return problems


def _node_problems(node: Node) -> list[str]:
    where = f"{node.types[0]} {node.iri or '[]'}"
    problems = []
    for cls in node.types:
        mandatory, recommended, single = RULES.get(cls, (set(), set(), set()))
        present = {p for p, _v in node.props}
        problems += [f"{where}: wajib {p} tidak ada" for p in sorted(mandatory - present)]
        problems += [f"{where}: dianjurkan {p} tidak ada" for p in sorted(recommended - present)]
        for p in single:
            if len(node.values(p)) > 1:
                problems.append(f"{where}: {p} lebih dari satu")
        if cls == "dct:PeriodOfTime" and not present & {"dcat:startDate", "dcat:endDate"}:
            problems.append(f"{where}: periode tanpa awal maupun akhir")
        if cls == "vcard:Organization" and not present & {"vcard:hasEmail", "vcard:hasURL"}:
            problems.append(f"{where}: kontak tanpa e-mail maupun URL")
        if cls == "dct:Location" and not present & {"dct:identifier", "skos:prefLabel"}:
            problems.append(f"{where}: lokasi tanpa kode maupun nama")
    # Only one title and description per language.
    for p in ("dct:title", "dct:description"):
        langs = [v.lang for v in node.values(p) if isinstance(v, Literal)]
        if len(langs) != len(set(langs)):
            problems.append(f"{where}: {p} lebih dari satu dalam satu bahasa")
    for predicate, value in node.props:
        problems += _value_problems(where, predicate, value)
    return problems


def problems(root: Node) -> list[str]:
    """Every DCAT-AP violation in the graph under `root` (each named node checked once)."""
    found, seen, stack = [], set(), [root]
    while stack:
        node = stack.pop()
        if node.iri:
            if node.iri in seen:
                continue
            seen.add(node.iri)
        found += _node_problems(node)
        stack += [v for _p, v in node.props if isinstance(v, Node)]
    return found
