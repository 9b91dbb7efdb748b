"""Every public welfare page and download of the demo district (figures, announced lists,
objection forms, district page) holds no NIK, No. KK, address or birth date of a resident."""

from __future__ import annotations

import re

from balai.population.models import Family, Resident
from balai.portal.demo import demo_build
from balai.villages.models import Village
from balai.welfare.models import Programme

KEYS = ("desil", "program", "wilayah", "rw")


def test_no_identifying_number_on_any_public_welfare_page(client, db):
    demo_build(villages=4)
    urls = ["/bantuan-sosial/"] + [
        f"/bantuan-sosial/data-{k}.{f}" for k in KEYS for f in ("csv", "json")
    ]
    for v in Village.objects.filter(status="live"):
        urls += [f"/desa/{v.slug}/bantuan-sosial/"]
        urls += [
            f"/desa/{v.slug}/bantuan-sosial/data-{k}.{f}" for k in KEYS for f in ("csv", "json")
        ]
        for p in Programme.objects.for_village(v):
            urls += [
                f"/desa/{v.slug}/bantuan-sosial/daftar/{p.pk}/",
                f"/desa/{v.slug}/bantuan-sosial/daftar/{p.pk}/sanggah/",
            ]
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = response.content.decode() if response.status_code == 200 else ""
    text = "\n".join(pages.values())
    listed = [u for u, body in pages.items() if "/daftar/" in u and "Daftar penerima" in body]
    assert listed and "Desil 1" in pages["/desa/dagan/bantuan-sosial/"]
    niks = set(Resident.objects.values_list("nik", flat=True)) - {"0"}
    kks = set(Family.objects.values_list("number", flat=True))
    addresses = {a for a in Family.objects.values_list("address", flat=True) if a}
    assert not set(re.findall(r"\d{16}", text)) & (niks | kks)
    births = {
        d for d in Resident.objects.values_list("birth_date", flat=True) if d and d.year < 2020
    }
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
    assert not {a for a in addresses if a in text}
