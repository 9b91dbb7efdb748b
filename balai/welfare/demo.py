"""Demo social assistance: each live demo village gets the national programmes (PKH, BPNT,
PBI-JK), BLT Dana Desa for last year and this year (this year's list announced), DTSEN
deciles for most households, a few village poverty flags, and recipients drawn from its demo
residents — poorer deciles more often. Runs after the population demo."""

from __future__ import annotations

import random
from datetime import date

from balai.population.models import Resident
from balai.welfare.figures import figures_recompute
from balai.welfare.models import (
    Objection,
    PovertyFlag,
    Programme,
    Recipient,
    WelfareFigure,
    WelfareRank,
)

DECILE_WEIGHTS = [9, 10, 11, 11, 10, 10, 10, 10, 10, 9]
REASONS = ["Lansia tinggal sendiri", "Kepala keluarga sakit menahun", "Rumah tidak layak huni"]


def _programmes(village, year: int) -> dict[str, Programme]:
    specs = {
        "pkh": {
            "name": "PKH",
            "kind": "pkh",
            "source": "pusat",
            "unit": "family",
            "amount": 750_000,
            "period_label": "per triwulan",
            "exclusive_group": "tunai",
            "district_wide": True,
            "period_start": date(year - 3, 1, 1),
        },
        "bpnt": {
            "name": "BPNT / Sembako",
            "kind": "bpnt",
            "source": "pusat",
            "unit": "family",
            "amount": 200_000,
            "period_label": "per bulan",
            "district_wide": True,
            "period_start": date(year - 3, 1, 1),
        },
        "pbi": {
            "name": "PBI-JK",
            "kind": "pbi",
            "source": "pusat",
            "unit": "person",
            "amount": 42_000,
            "period_label": "iuran per bulan",
            "district_wide": True,
            "period_start": date(year - 2, 1, 1),
        },
        "blt_old": {
            "name": f"BLT Dana Desa {year - 1}",
            "kind": "blt_dd",
            "source": "desa",
            "unit": "family",
            "amount": 300_000,
            "period_label": "per bulan",
            "exclusive_group": "tunai",
            "period_start": date(year - 1, 1, 1),
            "period_end": date(year - 1, 12, 31),
            "decree_number": f"141/{village.pk:02d}/I/{year - 1}",
            "decree_date": date(year - 1, 1, 20),
            "musdesus_date": date(year - 1, 1, 12),
        },
        "blt": {
            "name": f"BLT Dana Desa {year}",
            "kind": "blt_dd",
            "source": "desa",
            "unit": "family",
            "amount": 300_000,
            "period_label": "per bulan",
            "exclusive_group": "tunai",
            "period_start": date(year, 1, 1),
            "period_end": date(year, 12, 31),
            "decree_number": f"141/{village.pk:02d}/I/{year}",
            "decree_date": date(year, 1, 22),
            "musdesus_date": date(year, 1, 14),
        },
    }
    made = {key: Programme(village=village, **spec) for key, spec in specs.items()}
    for _key, programme in made.items():
        programme.save()  # save(): BLT-DD programmes start announced
    made["blt"].list_published = True
    made["blt"].save(update_fields=["list_published"])
    return made


def _village(rng: random.Random, village, today: date) -> tuple[int, int]:
    heads = list(
        Resident.objects.for_village(village)
        .filter(family_relation=1, status=1)
        .exclude(household=None)
        .select_related("household")
    )
    if not heads:
        return 0, 0
    deciles = {h.household_id: rng.choices(range(1, 11), DECILE_WEIGHTS)[0] for h in heads}
    ranked = [h for h in heads if rng.random() < 0.8]
    WelfareRank.objects.bulk_create(
        WelfareRank(
            village=village,
            household=h.household,
            decile=deciles[h.household_id],
            data_date=date(today.year, 3, 31),
            source="DTSEN",
        )
        for h in ranked
    )
    PovertyFlag.objects.bulk_create(
        PovertyFlag(
            village=village,
            household=h.household,
            reason=rng.choice(REASONS),
            flagged_on=date(today.year, 1, 10),
        )
        for h in rng.sample(heads, min(4, len(heads)))
    )
    programmes = _programmes(village, today.year)
    rows = []

    def give(key, head, start, **kw):
        p = programmes[key]
        target = {"resident": head} if p.unit == "person" else {"family_id": head.family_id}
        rows.append(
            Recipient(
                village=village,
                programme=p,
                name=head.name,
                area_id=head.area_id,
                start=start,
                end=kw.pop("end", p.period_end),
                amount=p.amount,
                **target,
                **kw,
            )
        )

    for head in heads:
        d = deciles[head.household_id]
        pkh = d <= 2 and rng.random() < 0.55
        if pkh:
            give(
                "pkh",
                head,
                date(today.year - rng.randint(0, 3), rng.choice([1, 4, 7]), 1),
                card_number=f"KKS-{rng.randint(10**9, 10**10 - 1)}",
            )
        if d <= 3 and rng.random() < 0.5:
            give("bpnt", head, date(today.year - rng.randint(0, 3), 1, 1))
        if d <= 4 and rng.random() < 0.35:
            give("pbi", head, date(today.year - rng.randint(0, 2), 1, 1))
        if not pkh and d <= 3 and rng.random() < 0.3:
            give(
                "blt_old",
                head,
                date(today.year - 1, 1, 1),
                status="ended",
                status_reason="Periode program berakhir",
            )
        if not pkh and d <= 3 and rng.random() < 0.3:
            give("blt", head, date(today.year, 1, 1))
    Recipient.objects.bulk_create(rows, batch_size=1000)
    figures_recompute(village=village)
    return len(rows), len(ranked)


def demo_build(*, rng: random.Random, villages: list, users: dict) -> dict[str, int]:
    today = date.today()
    recipients = ranked = 0
    for village in villages:
        r, k = _village(rng, village, today)
        recipients, ranked = recipients + r, ranked + k
    return {"welfare_recipients": recipients, "welfare_ranked_households": ranked}


def demo_clear(*, village_ids: set[int]) -> None:
    for model in (
        Objection,
        Recipient,
        Programme,
        WelfareRank,
        PovertyFlag,
        WelfareFigure,
    ):
        model.objects.filter(village__in=village_ids).delete()
    from balai.imports.models import ImportJob

    ImportJob.objects.filter(village__in=village_ids, importer__startswith="welfare.").delete()
