"""The district admin's view of the registers: for a year, which live desa have published
their APB Desa Perdes and which have not, by kecamatan. Two queries for the table."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from balai.legal import selectors
from balai.villages.permissions import district_admin_required


@district_admin_required
def apbdes(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    text = request.GET.get("tahun", "")
    year = int(text) if text.isdigit() and 2000 <= int(text) <= this_year + 1 else this_year
    kecamatans = selectors.kecamatans()
    code = request.GET.get("kecamatan", "")
    kecamatan = next((k for k in kecamatans if k.code == code), None)
    rows = selectors.district_apbdes(year=year, kecamatan=kecamatan)
    missing = [row for row in rows if row.act is None]
    only_missing = request.GET.get("tampil") == "belum"
    ctx = {
        "year": year,
        "years": list(range(this_year + 1, this_year - 6, -1)),
        "kecamatans": kecamatans,
        "kecamatan": kecamatan,
        "rows": missing if only_missing else rows,
        "published": len(rows) - len(missing),
        "missing": len(missing),
        "total": len(rows),
        "only_missing": only_missing,
    }
    return render(request, "legal/district_dashboard/apbdes.html", ctx)
