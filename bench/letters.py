"""Letters from the register (issue 15): PDF rendering and the archive at scale.

Measures p50/p95 of
- rendering one letter's PDF (letterhead, table, QR, embedded fonts), over the 15 templates;
- issuing one letter end to end (number under lock, snapshot, PDF, private storage, audit);
- the archive page (as the village admin) over 100,000 letters of one village (3,000
  residents): first page,
  search by resident name (POST), by number prefix (POST), by type and by date range (GET).
Targets: PDF p50/p95 ≤ 300 ms, archive search p95 ≤ 100 ms.

Builds its own data in its own database, so run it with a throw-away BALAI_VAR_DIR:
    BALAI_VAR_DIR=/tmp/balai-bench-letters .venv/bin/python bench/letters.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/balai_bench_letters \\
        BALAI_VAR_DIR=/tmp/balai-bench-letters-pg .venv/bin/python bench/letters.py
"""

from __future__ import annotations

import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to a throw-away directory: this writes 100,000 letters.")
os.environ.setdefault("SECRET_KEY", "bench-letters-not-secret-" + "x" * 40)

import django

django.setup()

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from balai.accounts.models import User
from balai.letters.catalogue import TEMPLATES
from balai.letters.models import Letter, LetterType
from balai.letters.pdf import letter_pdf_bytes
from balai.letters.seed import seed_templates
from balai.letters.services import issue_letter
from balai.population.models import Area, Family, Resident
from balai.regions.models import Region
from balai.regions.services import regions_load_default
from balai.villages.models import Membership, Official, Village

LETTERS = 100_000
RESIDENTS = 3_000  # a large village's register: about 33 letters each
RUNS = 60
NAMES = [
    "SITI",
    "BUDI",
    "RAHAYU",
    "SRI",
    "AGUS",
    "WAHYUNI",
    "SUTRISNO",
    "DWI",
    "EKO",
    "TRI",
    "NUR",
    "HIDAYAT",
    "LESTARI",
    "PURWANTO",
    "MARYATI",
    "SETIAWAN",
    "KURNIASIH",
    "JOKO",
]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(label: str, values: list[float]) -> None:
    ms = [v * 1000 for v in values]
    print(f"  {label:<38} p50 {pct(ms, 50):7.1f} ms   p95 {pct(ms, 95):7.1f} ms   (n={len(ms)})")


def build() -> tuple[Village, User, list[Resident], Official]:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # production static names
    if not Region.objects.exists():
        regions_load_default()
    seed_templates()
    village, _ = Village.objects.get_or_create(
        region_id="33.03.09.2013", defaults={"slug": "dagan", "status": "live"}
    )
    user, created = User.objects.get_or_create(
        email="bench@dagan.desa.id", defaults={"name": "Bench"}
    )
    if created:
        Membership.objects.create(user=user, village=village, role="admin")
    head, _ = Official.objects.get_or_create(
        village=village, name="H. Sutrisno", position="Kepala Desa"
    )
    area, _ = Area.objects.get_or_create(village=village, dusun="Dusun I", rw="001", rt="002")
    rng = random.Random(3)
    if not Resident.objects.filter(village=village).exists():
        families = Family.objects.bulk_create(
            Family(village=village, number=f"3303090101{i:06d}", address="Jl. Mawar", area=area)
            for i in range(RESIDENTS)
        )
        Resident.objects.bulk_create(
            Resident(
                village=village,
                family=family,
                area=area,
                nik=f"33030955089{i:05d}",
                name=" ".join(rng.sample(NAMES, 2)),
                sex=rng.choice([1, 2]),
                birth_place="PURBALINGGA",
                birth_date=datetime.date(1980, 1, 1) + datetime.timedelta(days=i * 7),
                religion=1,
                occupation=1,
                marital_status=2,
                citizenship=1,
                family_relation=1,
            )
            for i, family in enumerate(families)
        )
    residents = list(Resident.objects.filter(village=village).select_related("family", "area"))
    return village, user, residents, head


def values_for(spec: dict) -> dict:
    out = {}
    for f in spec["fields"]:
        out[f["name"]] = {"tanggal": "2026-11-03", "angka": 3}.get(f["kind"]) or (
            f["choices"][0] if f["kind"] == "pilihan" else "keperluan administrasi kependudukan"
        )
    return out


def bench_pdf(village: Village, user: User, residents: list[Resident], head: Official) -> None:
    rng = random.Random(5)
    render, issue = [], []
    letters = []
    for i in range(RUNS):
        spec = TEMPLATES[i % len(TEMPLATES)]
        started = time.perf_counter()
        letter = issue_letter(
            village=village,
            template=spec["key"],
            resident=rng.choice(residents),
            values=values_for(spec),
            signer=head,
            on_behalf=False,
            user=user,
        )
        issue.append(time.perf_counter() - started)
        letters.append(letter)
    for letter in letters:
        started = time.perf_counter()
        letter_pdf_bytes(letter, village)
        render.append(time.perf_counter() - started)
    print("Letter PDF:")
    line("render PDF (15 templates)", render)
    line("issue end to end (incl. PDF, storage)", issue)


def fill_archive(village: Village, residents: list[Resident]) -> None:
    have = Letter.objects.filter(village=village).count()
    if have >= LETTERS:
        return
    types = {t.key: t for t in LetterType.objects.select_related("current")}
    keys = list(types)
    start = datetime.date(2019, 1, 1)
    batch = []
    for i in range(have, LETTERS):
        key = keys[i % len(keys)]
        version = types[key].current
        day = start + datetime.timedelta(days=i * 2700 // LETTERS)
        resident = residents[i % len(residents)]
        batch.append(
            Letter(
                village=village,
                letter_type=types[key],
                district_version=version,
                title=version.title,
                code=version.code,
                number=f"{version.code}/{i + 1:06d}/B/{day.year}",
                year=day.year,
                sequence=i + 1,
                issued_on=day,
                resident=resident,
                resident_name=resident.name,
                resident_key=resident.name.upper(),
                signer_name="H. Sutrisno",
                signer_position="Kepala Desa",
                text="x",
                data={},
                values={},
            )
        )
        if len(batch) == 5000:
            Letter.objects.bulk_create(batch)
            batch = []
    Letter.objects.bulk_create(batch)
    with connection.cursor() as cursor:  # as autovacuum would after a load this size
        cursor.execute("ANALYZE letters_letter")


def bench_archive(village: Village, user: User) -> None:
    client = Client()
    client.force_login(user)
    url = reverse("letters_dashboard:archive", kwargs={"slug": village.slug})
    rng = random.Random(9)
    cases = {
        "first page": lambda: client.get(url),
        "search resident name (POST)": lambda: client.post(url, {"q": rng.choice(NAMES).lower()}),
        "search a rare name (POST)": lambda: client.post(url, {"q": "zulkarnaen"}),
        "search number prefix (POST)": lambda: client.post(
            url, {"q": f"470/0{rng.randint(10, 99)}"}
        ),
        "filter type (GET)": lambda: client.get(
            url, {"jenis": rng.choice([t["key"] for t in TEMPLATES])}
        ),
        "filter one month (GET)": lambda: client.get(
            url, {"dari": "2023-03-01", "sampai": "2023-03-31"}
        ),
    }
    count = Letter.objects.filter(village=village).count()
    print(f"Archive page over {count:,} letters of one village:")
    for label, call in cases.items():
        call()  # warm
        times = []
        for _ in range(40):
            started = time.perf_counter()
            response = call()
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
        line(label, times)


def main() -> None:
    print(f"database: {connection.vendor}  ({settings.DATABASES['default']['NAME']})")
    village, user, residents, head = build()
    bench_pdf(village, user, residents, head)
    fill_archive(village, residents)
    bench_archive(village, user)
    print("rerun: BALAI_VAR_DIR=/tmp/balai-bench-letters .venv/bin/python bench/letters.py")


if __name__ == "__main__":
    main()
