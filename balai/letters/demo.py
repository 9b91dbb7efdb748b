"""Demo letters: the district's fifteen templates, and a month of letters issued from the demo
residents of Dagan and two other villages (one revoked). Dagan's editor gets "pelayanan"."""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.utils import timezone

from balai.accounts.models import User
from balai.letters.forms import is_head
from balai.letters.models import (
    Letter,
    LetterCounter,
    LetterSettings,
    LocalTemplate,
    LocalVersion,
)
from balai.letters.seed import seed_templates
from balai.letters.selectors import ActiveTemplate, village_templates
from balai.letters.services import issue_letter, refusal, revoke_letter
from balai.population.models import Resident
from balai.villages.models import Membership, Official, Village

PER_VILLAGE = 20
SAMPLES = {
    "keperluan": [
        "melamar pekerjaan",
        "pengajuan KUR di BRI",
        "mendaftar sekolah",
        "membuka rekening bank",
    ],
    "nama_usaha": ["Warung Sembako Berkah", "Batik Tulis Sekar", "Bengkel Motor Jaya"],
    "alamat_usaha": ["RT 002 / RW 001"],
    "tujuan": ["Kota Semarang", "Jakarta Timur"],
    "barang": ["KTP-el", "dompet berisi SIM C"],
    "acara": ["Resepsi pernikahan", "Khitanan"],
    "urusan": ["pembuatan KTP-el", "pengurusan BPJS Kesehatan"],
}


def _value(field: dict[str, Any], rng: random.Random, today: datetime.date) -> Any:
    if field["kind"] == "tanggal":
        return (today - datetime.timedelta(days=rng.randint(1, 60))).isoformat()
    if field["kind"] == "angka":
        return rng.randint(1, 5)
    if field["kind"] == "pilihan":
        return rng.choice(field["choices"])
    return rng.choice(SAMPLES.get(field["name"], ["sesuai keterangan pemohon"]))


def _village_letters(rng: random.Random, village: Village, user: User | None) -> list[Letter]:
    residents = list(Resident.objects.for_village(village).select_related("family", "area")[:300])
    officials = list(Official.objects.for_village(village))
    if not residents or not officials:
        return []
    head = next((o for o in officials if is_head(o)), officials[0])
    secretary = next((o for o in officials if "sekretaris" in o.position.lower()), head)
    templates: list[ActiveTemplate] = village_templates(village)
    today = timezone.localdate()
    days = sorted(today - datetime.timedelta(days=rng.randint(0, 30)) for _ in range(PER_VILLAGE))
    letters = []
    for day in days:
        resident = rng.choice(residents)
        usable = [t for t in templates if not refusal(t.letter_type, resident)]
        template = rng.choice(usable)
        signer = rng.choice([head, head, secretary])
        letters.append(
            issue_letter(
                village=village,
                template=template,
                resident=resident,
                values={f["name"]: _value(f, rng, day) for f in template.fields},
                signer=signer,
                on_behalf=signer is not head,
                user=user,
                day=day,
            )
        )
    return letters


def demo_build(*, rng: random.Random, villages: list[Village], users: dict[str, User]) -> dict:
    seed_templates()
    dagan = villages[0]
    editor = users.get("editor@dagan.desa.id")
    if editor:
        Membership.objects.filter(village=dagan, user=editor).update(can_serve=True)
    LetterSettings.objects.get_or_create(village=dagan)
    issued: list[Letter] = []
    for village in villages[:3]:
        issued += _village_letters(rng, village, users.get("admin@dagan.desa.id"))
    dagan_letters = [letter for letter in issued if letter.village_id == dagan.pk]
    if dagan_letters:
        revoke_letter(
            letter=dagan_letters[len(dagan_letters) // 2],
            reason="Keperluan tertulis salah; surat diganti.",
            user=users.get("admin@dagan.desa.id"),
        )
    return {"letters": len(issued)}


def demo_clear(*, village_ids: set[int]) -> None:
    for letter in Letter.objects.filter(village__in=village_ids).exclude(pdf=""):
        letter.pdf.delete(save=False)
    Letter.objects.filter(village__in=village_ids).delete()
    LetterCounter.objects.filter(village__in=village_ids).delete()
    LetterSettings.objects.filter(village__in=village_ids).delete()
    LocalVersion.objects.filter(village__in=village_ids).delete()
    LocalTemplate.objects.filter(village__in=village_ids).delete()
