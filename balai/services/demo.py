"""Demo data for the counter services: the district's catalogue copied into every demo village,
and online requests in every state in Dagan and a few other villages (some matched to the
register, some waiting past their promised day, one letter handed over as a download)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from balai.accounts.models import User
from balai.disclosure.calendar import add_working_days
from balai.services import services
from balai.services.catalogue import catalogue_seed, default_services_seed
from balai.services.models import RequestFile, RequestMessage, Service, ServiceRequest
from balai.villages.models import Village

Status = ServiceRequest.Status
PURPOSES = [
    "Untuk melamar pekerjaan di pabrik rambut palsu.",
    "Untuk mendaftar sekolah anak ke SMP.",
    "Untuk pengajuan KUR ke bank.",
    "Untuk keringanan biaya rumah sakit.",
    "Untuk mengurus akta di Dinas Dukcapil.",
    "Untuk persyaratan beasiswa kuliah.",
]
# Dagan shows every state; the other demo villages a few requests each.
DAGAN_STATES = [
    Status.SUBMITTED,
    Status.SUBMITTED,
    Status.PROCESSING,
    Status.NEEDS_MORE,
    Status.READY,
    Status.DONE,
    Status.DONE,
    Status.REJECTED,
]
OTHER_STATES = [Status.SUBMITTED, Status.PROCESSING, Status.READY]


def _code(rng: random.Random) -> str:
    return "".join(rng.choice(services.CODE_ALPHABET) for _i in range(services.CODE_LENGTH))


def _residents(village: Village, count: int) -> list[Any]:
    from balai.population.models import Resident

    qs = Resident.objects.for_village(village).filter(status=Resident.ALIVE, family_relation=1)
    return list(qs.order_by("pk")[:count])


def _request(
    rng: random.Random,
    village: Village,
    service: Service,
    person: Any,
    age_days: int,
    email: str = "",
) -> ServiceRequest:
    name = person.name.title() if person else "Sri Wahyuni"
    nik = person.nik if person else "3303" + "".join(rng.choice("0123456789") for _i in range(12))
    data = {
        "name": name,
        "nik": nik,
        "phone": f"+62812{rng.randint(10_000_000, 99_999_999)}",
        "purpose": rng.choice(PURPOSES),
        "email": email,
    }
    req = services.request_submit(village=village, service=service, data=data, documents=[])
    submitted = timezone.now() - timedelta(days=age_days, hours=rng.randint(0, 6))
    due = add_working_days(timezone.localdate(submitted), service.duration_days)
    ServiceRequest.objects.filter(pk=req.pk).update(
        code=_code(rng), submitted_at=submitted, due_on=due
    )
    req.refresh_from_db()
    return req


def _advance(req: ServiceRequest, state: str, person: Any, actor: User | None) -> None:
    from balai.registrations.demo import tiny_pdf

    if person is not None and state != Status.SUBMITTED:
        services.request_match(req=req, resident=person, actor=actor)
    if state == Status.NEEDS_MORE:
        services.request_ask(
            req=req, actor=actor, message="Foto Kartu Keluarga kurang jelas. Mohon kirim ulang."
        )
    elif state == Status.READY:
        services.request_ready(req=req, actor=actor)
    elif state == Status.DONE:
        req.letter_pdf.save("surat.pdf", ContentFile(tiny_pdf(req.service.name)), save=True)
        services.request_handover(req=req, actor=actor)
    elif state == Status.REJECTED:
        services.request_reject(
            req=req, actor=actor, reason="NIK tidak terdaftar sebagai warga desa ini."
        )


def demo_build(*, rng: random.Random, villages: list[Village], users: dict[str, User]) -> dict:
    default_services_seed()
    for village in villages:
        catalogue_seed(village=village)
    actor = users.get("admin@dagan.desa.id")
    made = 0
    for index, village in enumerate(villages[:4]):
        states = DAGAN_STATES if index == 0 else OTHER_STATES
        online = list(Service.objects.for_village(village).filter(online=True, letter_key__gt=""))
        people = _residents(village, len(states))
        for n, state in enumerate(states):
            person = people[n] if n < len(people) and state != Status.REJECTED else None
            service = online[n % len(online)]
            # Two of Dagan's residents gave an email: their notes wait in the worker's outbox.
            email = f"warga{n + 1}@contoh.id" if index == 0 and n in (3, 5) else ""
            req = _request(rng, village, service, person, rng.randint(0, 9), email)
            _advance(req, state, person, actor)
            made += 1
    return {"service requests": made}


def demo_clear(*, village_ids: set[int]) -> None:
    RequestFile.objects.filter(village__in=village_ids).delete()
    RequestMessage.objects.filter(village__in=village_ids).delete()
    ServiceRequest.objects.filter(village__in=village_ids).delete()
    Service.objects.filter(village__in=village_ids).delete()
