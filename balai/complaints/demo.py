"""Demo complaints: Dagan has one in every state — just received, in progress with a warning,
answered publicly, answered privately, closed, one escalated to the kecamatan and the district
with the camat's note, one anonymous, one held as spam — and a few other villages have a
handful each, so the district's figures have something to count. All people are synthetic."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from balai.complaints.models import (
    Complaint,
    ComplaintEvent,
    ComplaintSettings,
    new_code,
)
from balai.disclosure.calendar import WorkingCalendar
from balai.lib import demo_names as text
from balai.villages.models import Village

N = 5  # the district's default rule
Status = Complaint.Status
Kind = ComplaintEvent.Kind

# (category, text, public summary, public reply, private reply)
STORIES = [
    (
        "infrastruktur",
        "Lampu penerangan jalan di depan mushola RT 02 mati sejak seminggu, jalan gelap.",
        "Lampu penerangan jalan di depan mushola RT 02 mati.",
        "Lampu sudah diganti oleh petugas desa pada hari Kamis. Terima kasih atas laporannya.",
        "",
    ),
    (
        "lingkungan",
        "Saluran air di RW 03 tersumbat sampah, kalau hujan meluap ke jalan.",
        "Saluran air di RW 03 tersumbat sampah.",
        "Kerja bakti membersihkan saluran dijadwalkan Minggu pagi bersama warga RW 03.",
        "Kami sudah menghubungi Ketua RW 03.",
    ),
    (
        "pelayanan",
        "Mengurus surat pengantar di kantor desa harus menunggu lama karena petugas tidak ada.",
        "Antrean surat pengantar lama karena petugas tidak di tempat.",
        "Mulai bulan ini pelayanan surat dibuka pukul 08.00–14.00 dengan petugas piket.",
        "",
    ),
    ("bansos", "Tetangga kami lansia belum pernah didata untuk bantuan.", "", "", ""),
    (
        "aspirasi",
        "Usul ada pelatihan membatik untuk remaja di balai desa saat libur sekolah.",
        "Usulan pelatihan membatik untuk remaja.",
        "Usulan dimasukkan ke musyawarah desa untuk RKP tahun depan.",
        "",
    ),
    ("keamanan", "Sering ada balap liar di jalan desa malam Minggu.", "", "", ""),
    ("infrastruktur", "Jalan usaha tani di blok sawah timur berlubang besar.", "", "", ""),
]
# Dagan's plan: (state, working days ago). Escalated is past the limit and unanswered.
DAGAN_PLAN = [
    ("received", 0),
    ("warn", N - 2),
    ("escalated", N + 3),
    ("answered_public", 12),
    ("answered_private", 9),
    ("closed", 30),
    ("anonymous", 1),
    ("held", 2),
]


def _back(calendar: WorkingCalendar, day: date, n: int) -> date:
    while n > 0:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            n -= 1
    return day


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _complaint(rng, calendar, village, seq, state, received, story) -> Complaint:
    category, body, summary, public, private = story
    first, last = rng.choice(text.FIRST_NAMES), rng.choice(text.LAST_NAMES)
    anonymous = state == "anonymous"
    complaint = Complaint(
        village=village,
        number=f"ADU-{received.year}-{seq:04d}",
        code=new_code(),
        category=category,
        text=body if state != "held" else "Slot gacor maxwin, daftar sekarang di situs resmi",
        anonymous=anonymous,
        name="" if anonymous else f"{first} {last}",
        phone="" if anonymous else f"+6281{rng.randint(10000000, 99999999)}",
        received_on=received,
        due_on=calendar.add_working_days(received, N),
    )
    if state == "held":
        complaint.suspicious = "Kata yang sering dipakai spam judi: gacor, maxwin, slot"
    if state in ("answered_public", "answered_private", "closed"):
        answered = calendar.add_working_days(received, rng.randint(1, 4))
        complaint.status = Status.CLOSED if state == "closed" else Status.ANSWERED
        complaint.answered_on = answered
        complaint.response_days = calendar.working_days_between(received, answered)
        complaint.reply = private or "Terima kasih, laporan Anda sudah kami tindak lanjuti."
        if state != "answered_private" and public:
            complaint.public_summary, complaint.public_reply = summary, public
        if state == "closed":
            complaint.closed_on = calendar.add_working_days(answered, 3)
    if state in ("warn", "escalated"):
        complaint.status = Status.IN_PROGRESS
    if state == "escalated":
        complaint.escalated_at = _at(complaint.due_on, 10)
    return complaint


def _events(complaint: Complaint, state: str, staff: str, camat) -> list[ComplaintEvent]:
    def event(kind: str, day: date, **fields) -> ComplaintEvent:
        row = ComplaintEvent(village=complaint.village, complaint=complaint, kind=kind, **fields)
        row.created_at = _at(day)
        return row

    rows = [event(Kind.RECEIVED, complaint.received_on, status=Status.RECEIVED)]
    if complaint.status != Status.RECEIVED and not complaint.suspicious:
        rows.append(event(Kind.STATUS, complaint.received_on, status=Status.IN_PROGRESS))
    if complaint.answered_on:
        rows.append(
            event(
                Kind.REPLY,
                complaint.answered_on,
                status=Status.ANSWERED,
                text=complaint.reply,
                actor_label=staff,
            )
        )
    if complaint.closed_on:
        rows.append(
            event(Kind.STATUS, complaint.closed_on, status=Status.CLOSED, actor_label=staff)
        )
    if complaint.escalated_at:
        day = complaint.escalated_at.date()
        rows.append(event(Kind.ESCALATED, day, actor_label="Sistem"))
        rows.append(
            event(
                Kind.INSTRUCTION,
                day,
                text="Mohon segera dicek ke lokasi dan dijawab minggu ini.",
                actor=camat,
                actor_label=getattr(camat, "name", ""),
            )
        )
    return rows


def _plan(rng: random.Random) -> list[tuple[str, int]]:
    """Another village's few complaints: open ones still within the limit (the scheduler's
    escalation has nothing to do on the demo's first day), answered ones over six weeks."""
    plan = []
    for _ in range(rng.randint(2, 5)):
        state = rng.choice(["received", "warn", "answered_public", "answered_private", "closed"])
        ago = {"received": rng.randint(0, 1), "warn": N - 2}.get(state, rng.randint(5, 40))
        plan.append((state, ago))
    return plan


def demo_build(*, rng: random.Random, villages: list[Village], users: dict) -> dict[str, int]:
    if not villages:
        return {"complaints": 0}
    today = timezone.localdate()
    calendar = WorkingCalendar(local=frozenset())
    camat = users.get("camat.bobotsari@purbalinggakab.go.id")
    complaints: list[tuple[Complaint, str]] = []
    for index, village in enumerate(villages[:6]):
        plan = DAGAN_PLAN if index == 0 else _plan(rng)
        for seq, (state, ago) in enumerate(sorted(plan, key=lambda p: -p[1]), start=1):
            received = _back(calendar, today, ago)
            story = STORIES[(seq + index) % len(STORIES)]
            complaints.append(
                (_complaint(rng, calendar, village, seq, state, received, story), state)
            )
    Complaint.objects.bulk_create([c for c, _s in complaints])
    events = [e for c, state in complaints for e in _events(c, state, "Petugas desa", camat)]
    ComplaintEvent.objects.bulk_create(events)
    # bulk_create ignores auto_now_add's value; the history keeps its real days.
    for row in events:
        ComplaintEvent.objects.filter(pk=row.pk).update(created_at=row.created_at)
    if len(villages) > 5:
        ComplaintSettings.objects.create(village=villages[5], public_list=False)
    return {"complaints": len(complaints)}


def demo_clear(*, village_ids: set[int]) -> None:
    ComplaintEvent.objects.filter(village__in=village_ids).delete()
    Complaint.objects.filter(village__in=village_ids).delete()
    ComplaintSettings.objects.filter(village__in=village_ids).delete()
