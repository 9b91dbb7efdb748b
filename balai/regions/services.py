from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from balai.regions.models import Region

DATA_DIR = Path(__file__).resolve().parent / "data"
LEVELS = {
    "provinsi": Region.Level.PROVINSI,
    "kabupaten_kota": Region.Level.KABUPATEN,
    "kabupaten": Region.Level.KABUPATEN,
    "kecamatan": Region.Level.KECAMATAN,
    "desa_kelurahan": Region.Level.DESA,
}


def regions_load(*, path: Path) -> int:
    """Insert or update the regions of one CSV (code,name,level,parent_code,type[,postal_code]).

    Rows are sorted by code length so parents come before children. Returns rows written.
    """
    with path.open(newline="", encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: (len(r["code"]), r["code"]))
    existing = set(Region.objects.values_list("code", flat=True))
    creates: list[Region] = []
    updates: list[Region] = []
    for row in rows:
        region = Region(
            code=row["code"],
            name=row["name"],
            level=LEVELS[row["level"]],
            type=row["type"],
            parent_id=row["parent_code"] or None,
            postal_code=row.get("postal_code") or "",
        )
        (updates if region.code in existing else creates).append(region)
    with transaction.atomic():
        # Parents first: bulk_create in code-length order keeps the foreign keys valid.
        Region.objects.bulk_create(creates, batch_size=1000)
        Region.objects.bulk_update(
            updates, ["name", "level", "type", "parent", "postal_code"], batch_size=1000
        )
    return len(rows)


def regions_load_default() -> int:
    """Every provinsi and kabupaten of Indonesia, then Purbalingga down to its desa."""
    total = regions_load(path=DATA_DIR / "wilayah_kabupaten.csv")
    return total + regions_load(path=DATA_DIR / "wilayah_purbalingga.csv")
