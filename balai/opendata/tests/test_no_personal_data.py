"""A crawl of every open-data output of the demo district — pages, CSV, data dictionaries,
JSON, DCAT catalogues, CKAN answers — finds no NIK, No. KK, birth date, address or name of a
resident, and no seller's or PPID requester's personal contact."""

from __future__ import annotations

import re

import pytest

from balai.disclosure.register_models import InfoRequest
from balai.market.models import Seller
from balai.opendata.catalogue import district_catalogue
from balai.population.models import Family, Resident

pytestmark = pytest.mark.django_db


def _outputs(client) -> dict[str, str]:
    urls = ["/data/", "/data/katalog.jsonld", "/data/katalog.ttl"]
    api = "/api/3/action/"
    urls += [
        api + "package_list",
        api + "package_search?rows=1000",
        api + "organization_list?all_fields=true",
    ]
    for entry in district_catalogue().entries:
        base = "/data/" if entry.org == "kabupaten" else f"/desa/{entry.org}/data/"
        urls += [base, base + "katalog.jsonld", base + "katalog.ttl"]
        urls += [f"{base}{entry.key}{tail}" for tail in ("/", ".csv", ".json", "-kamus.csv")]
        urls.append(f"{api}package_show?id={entry.name}")
    found = {}
    for url in dict.fromkeys(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = response.content.decode("utf-8-sig")
    return found


def test_no_personal_data_in_any_open_data_output(demo, client):
    pages = _outputs(client)
    assert len(pages) > 100
    text = "\n".join(pages.values())
    assert "dagan-penduduk-kategori" in text and "Kesejahteraan" in text
    niks = set(Resident.objects.values_list("nik", flat=True)) - {"0", ""}
    kks = set(Family.objects.values_list("number", flat=True))
    assert niks and kks
    assert not set(re.findall(r"\d{16}", text)) & (niks | kks)
    births = {
        d for d in Resident.objects.values_list("birth_date", flat=True) if d and d.year < 2020
    }
    assert births
    stamps = {
        f(d)
        for d in births
        for f in (
            lambda d: d.isoformat(),
            lambda d: d.strftime("%d-%m-%Y"),
            lambda d: d.strftime("%d/%m/%Y"),
        )
    }
    assert not {s for s in stamps if s in text}
    addresses = {a for a in Family.objects.values_list("address", flat=True) if len(a) > 8}
    addresses |= {
        a for a in Resident.objects.values_list("current_address", flat=True) if len(a) > 8
    }
    assert not {a for a in addresses if a in text}
    names = {n for n in Resident.objects.values_list("name", flat=True) if " " in n}
    assert names and not {n for n in names if n in text}
    contacts = set()
    for owner, phone, email in Seller.objects.values_list("owner_name", "whatsapp", "email"):
        contacts |= {owner, phone, email}
    for name, phone, email in InfoRequest.objects.values_list("name", "phone", "email"):
        contacts |= {name, phone, email}
    contacts = {c for c in contacts if c and len(c) > 5}
    assert contacts and not {c for c in contacts if c in text}
