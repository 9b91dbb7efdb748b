"""The DCAT-AP catalogues: every class has what DCAT-AP 3 requires and recommends (checked in
code by balai.opendata.validate), the JSON-LD and the Turtle are the same graph, and the Turtle
is well formed even for hostile text."""

from __future__ import annotations

import json

import pytest

from balai.opendata import dcat, validate
from balai.opendata.catalogue import district_catalogue, village_catalogue
from balai.opendata.tests.rdf import canonical, jsonld_triples, parse_turtle
from balai.villages.models import Village

pytestmark = pytest.mark.django_db


def test_the_district_catalogue_is_valid_dcat_ap(demo, client):
    node = dcat.catalogue_node(district_catalogue())
    assert validate.problems(node) == []
    datasets = node.values("dcat:dataset")
    assert len(datasets) > 15
    first = datasets[0]
    assert isinstance(first, dcat.Node) and len(first.values("dcat:distribution")) == 3


def test_a_village_catalogue_is_valid_and_the_same_graph_in_both_forms(demo, client):
    jsonld = client.get("/desa/dagan/data/katalog.jsonld")
    ttl = client.get("/desa/dagan/data/katalog.ttl")
    assert jsonld["Content-Type"] == "application/ld+json"
    assert ttl["Content-Type"] == "text/turtle; charset=utf-8"
    assert jsonld["Access-Control-Allow-Origin"] == "*"
    cat = village_catalogue(Village.objects.get(slug="dagan"))
    node = dcat.catalogue_node(cat)
    assert validate.problems(node) == []
    expected = canonical(dcat.triples(node))
    assert jsonld_triples(json.loads(jsonld.content)) == expected
    assert parse_turtle(ttl.content.decode()) == expected
    assert cat.base.endswith("/desa/dagan/data/")
    landing = f"{cat.base}penduduk-kategori/"
    assert (landing, "dct:title", "Penduduk menurut kategori|id|") in expected
    assert (landing, "dcat:distribution", f"{cat.base}penduduk-kategori.csv") in expected


def test_the_district_turtle_parses(demo, client):
    response = client.get("/data/katalog.ttl")
    triples = parse_turtle(response.content.decode())
    assert canonical(dcat.triples(dcat.catalogue_node(district_catalogue()))) == triples


def test_strings_and_iris_are_escaped(demo):
    cat = village_catalogue(Village.objects.get(slug="dagan"))
    node = dcat.Node("http://x/a b>c", ["dcat:Dataset"])
    node.add("dct:title", dcat.text('Kutip " miring \\ baris\nbaru\ttab \x01 ✓'))
    node.add("dct:description", dcat.Literal("@en", lang="id"))
    root = dcat.catalogue_node(cat).add("dcat:dataset", node)
    assert parse_turtle(dcat.to_turtle(root)) == canonical(dcat.triples(root))
    assert '\\"' in dcat.to_turtle(root) and "\\u0020" in dcat.to_turtle(root)


def test_the_validator_finds_what_is_missing_or_off_vocabulary():
    node = dcat.Node("http://x/d", ["dcat:Dataset"]).add("dct:title", dcat.Literal("tanpa bahasa"))
    node.add("dct:accrualPeriodicity", dcat.IRI(f"{dcat.EU}frequency/SOMETIMES"))
    node.add("dct:modified", dcat.Literal("kemarin", datatype="xsd:date"))
    node.add("dcat:distribution", dcat.Node("http://x/f", ["dcat:Distribution"]))
    found = "\n".join(validate.problems(node))
    assert "wajib dct:description" in found
    assert "dct:title: harus teks berbahasa" in found
    assert "SOMETIMES bukan kosakata EU" in found
    assert "dct:modified: harus xsd:date" in found
    assert "dcat:Distribution http://x/f: wajib dcat:accessURL" in found
    assert "dianjurkan dcat:contactPoint" in found


def test_the_fast_writers_write_the_models_graph(demo):
    for cat in (district_catalogue(), village_catalogue(Village.objects.get(slug="dagan"))):
        expected = canonical(dcat.triples(dcat.catalogue_node(cat)))
        assert jsonld_triples(json.loads(dcat.catalogue_jsonld(cat))) == expected
        assert parse_turtle(dcat.catalogue_turtle(cat)) == expected
