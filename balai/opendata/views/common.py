"""What the village's and the district's open-data views share: finding an entry, its files,
the catalogue documents and the CORS header machine readers need."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse

from balai.lib.exports import attachment, csv_response
from balai.opendata import dcat, tables
from balai.opendata.catalogue import Catalogue, Entry
from balai.villages.models import Village

FORMATS = ("csv", "kamus", "json")


def cors(response: HttpResponse) -> HttpResponse:
    """Open data: any site may read it from a browser (GET only; no cookies are involved)."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def entry_for(entries: list[Entry], key: str) -> Entry:
    for entry in entries:
        if entry.key == key:
            return entry
    raise Http404("dataset tidak ditemukan")


def dataset_context(cat: Catalogue, entry: Entry, village: Village | None) -> dict[str, Any]:
    rows = tables.dataset_rows(entry.dataset, village)
    return {
        "catalogue": cat,
        "entry": entry,
        "dataset": entry.dataset,
        "row_count": len(rows),
        "preview": tables.preview(entry.dataset, rows),
        "preview_size": tables.PREVIEW_ROWS,
    }


def file_response(entry: Entry, village: Village | None, fmt: str) -> HttpResponse:
    dataset = entry.dataset
    if fmt == "kamus":
        rows = tables.dictionary_rows(dataset)
        return cors(csv_response(f"{entry.name}-kamus.csv", rows, personal=False))
    rows = tables.dataset_rows(dataset, village)
    if fmt == "csv":
        return cors(
            csv_response(f"{entry.name}.csv", tables.csv_rows(dataset, rows), personal=False)
        )
    response = HttpResponse(
        tables.json_document(entry, rows), content_type="application/json; charset=utf-8"
    )
    return cors(attachment(response, f"{entry.name}.json", personal=False))


def catalogue_response(cat: Catalogue, fmt: str) -> HttpResponse:
    if fmt == "ttl":
        body, kind = dcat.catalogue_turtle(cat), "text/turtle; charset=utf-8"
    else:
        body, kind = dcat.catalogue_jsonld(cat), "application/ld+json"
    return cors(HttpResponse(body, content_type=kind))
