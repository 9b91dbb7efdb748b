"""`manage.py demo`: build (or rebuild) the demo district and print its logins."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from balai.portal.demo import LOGINS, PASSWORD, SEED, demo_build


class Command(BaseCommand):
    help = "Build (or rebuild) the demo Purbalingga district and print its logins."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--villages", type=int, default=40, help="number of live village sites")
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument(
            "--scale",
            choices=["demo", "district"],
            default="demo",
            help="district: every village of the kabupaten with a live site and about "
            "1,000,000 residents, for benchmarks (takes minutes)",
        )

    def handle(self, *args, villages: int, seed: int, scale: str, **options) -> None:
        started = time.monotonic()
        if scale == "district":
            villages = 239  # every desa and kelurahan that is free; the rest apply or wait
        result = demo_build(villages=villages, seed=seed, scale=scale)
        out = self.stdout.write
        out(self.style.SUCCESS(f"Demo district built in {time.monotonic() - started:.1f} s"))
        out(
            f"  village sites: {result.live} live, {result.draft} draft, "
            f"{result.suspended} suspended"
        )
        out(f"  officials: {result.officials}, pages: {result.pages}, logins: {result.users}")
        if result.applications_built:
            states = ", ".join(f"{n} {label}" for label, n in sorted(result.applications.items()))
            out(f"  applications: {states or 'none'}")
        else:
            out(self.style.WARNING("  applications: skipped (balai.registrations.demo missing)"))
        if result.modules:
            out("  " + ", ".join(f"{label}: {n}" for label, n in result.modules.items()))
        out("")
        width = max(len(email) for email, _n, _r in LOGINS)
        out(f"  {'login'.ljust(width)}  role")
        for email, _name, role in LOGINS:
            out(f"  {email.ljust(width)}  {role}")
        out(f"  password for every login: {PASSWORD}")
        out("")
        out("  Open http://127.0.0.1:8000/")
