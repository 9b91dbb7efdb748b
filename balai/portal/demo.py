"""The demo district: Kabupaten Purbalingga with about 40 live village sites, their officials,
one login per role and applications in every state, built from a fixed seed.

Everything is synthetic. What one build created is listed in a `demo.build` audit entry, so the
next build deletes exactly that (and the demo logins) before building again: re-runnable, and a
real village registered on the same install is left alone.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify

from balai.accounts.models import Invitation, KecamatanViewer, User
from balai.audit.models import AuditEntry
from balai.portal import demo_text as text
from balai.regions.models import Region
from balai.regions.selectors import village_regions
from balai.regions.services import regions_load_default
from balai.registrations.models import Application
from balai.villages.cache import district_version_bump
from balai.villages.models import (
    RESERVED_SLUGS,
    Membership,
    Official,
    Page,
    Village,
    VillageDomain,
)
from balai.villages.richtext import page_body_html

SEED = 2026
PASSWORD = "demo-balai-2026"
DAGAN = "33.03.09.2013"
BOBOTSARI = "33.03.09"
MARKER = "demo.build"

# email, name, what the login is for
LOGINS = [
    ("admin@purbalinggakab.go.id", "Rina Kusumawati", "admin kabupaten (Dinkominfo)"),
    ("camat.bobotsari@purbalinggakab.go.id", "Bambang Haryanto", "pemantau Kec. Bobotsari"),
    ("mentor@rtik-purbalingga.or.id", "Yoga Pratama", "pendamping RTIK (Dagan + 2 desa)"),
    ("admin@dagan.desa.id", "Sri Wahyuni", "admin Desa Dagan"),
    ("editor@dagan.desa.id", "Agus Setiawan", "editor Desa Dagan"),
]


@dataclass
class DemoResult:
    live: int = 0
    draft: int = 0
    suspended: int = 0
    officials: int = 0
    pages: int = 0
    users: int = 0
    applications: dict[str, int] = field(default_factory=dict)
    applications_built: bool = False
    modules: dict[str, int] = field(default_factory=dict)


# Each domain module adds its own demo data: `balai.<module>.demo` defines
#   demo_build(*, rng: random.Random, villages: list[Village], users: dict[str, User]) -> dict
#       (counts to print, e.g. {"articles": 800}); `villages` are the live demo sites, Dagan first;
#   demo_clear(*, village_ids: set[int]) -> None
#       (deletes that module's rows of those villages, children first).
DEMO_MODULES = [
    "news",
    "population",
    "welfare",
    "budget",
    "disclosure",
    "market",
    "institutions",  # links some of the news above as activities
    "maps",
    "legal",
    "letters",  # letters issued from the register above
    "mentoring",
    "services",
    "complaints",
    "watch",  # scores the sites the modules above filled
    "backups",  # archives a village with everything above in it
    "opendata",
]


def _demo_modules() -> list:
    modules = []
    for name in DEMO_MODULES:
        try:
            modules.append(importlib.import_module(f"balai.{name}.demo"))
        except ModuleNotFoundError as exc:
            if exc.name not in (f"balai.{name}", f"balai.{name}.demo"):
                raise
    return modules


def demo_clear() -> None:
    """Delete what earlier builds made, children before parents (PROTECT foreign keys)."""
    village_ids: set[int] = set()
    user_ids = set(
        User.objects.filter(email__in=[e for e, _n, _r in LOGINS]).values_list("pk", flat=True)
    )
    app_ids: set[int] = set()
    markers = AuditEntry.objects.filter(action=MARKER)
    for details in markers.values_list("details", flat=True):
        village_ids.update(details.get("villages", []))
        user_ids.update(details.get("users", []))
        app_ids.update(details.get("applications", []))
    applications = Application.objects.filter(Q(pk__in=app_ids) | Q(village__in=village_ids))
    for application in applications:
        application.letter.delete(save=False)  # the private file, not only the row
    applications.delete()
    Invitation.objects.filter(village__in=village_ids).delete()
    AuditEntry.objects.filter(village__in=village_ids).delete()
    AuditEntry.objects.filter(actor__in=user_ids).delete()
    markers.delete()
    for module in reversed(_demo_modules()):
        module.demo_clear(village_ids=village_ids)
    for model in (Membership, Official, Page, VillageDomain):
        model.objects.filter(village__in=village_ids).delete()
    Village.objects.filter(pk__in=village_ids).delete()
    User.objects.filter(pk__in=user_ids).delete()  # cascades memberships and kecamatan roles


def _slugs(regions: list[Region]) -> dict[str, str]:
    """Slug per region code; a name that repeats in the district is qualified by kecamatan."""
    counts: dict[str, int] = {}
    for region in regions:
        counts[region.name] = counts.get(region.name, 0) + 1
    slugs = {}
    for region in regions:
        slug = slugify(region.name)
        if counts[region.name] > 1 or slug in RESERVED_SLUGS or len(slug) < 3:
            slug = f"{slug}-{slugify(region.parent_name)}"
        slugs[region.code] = slug[:50]
    return slugs


def _pick(rng: random.Random, available: list[Region], count: int) -> list[Region]:
    """`count` regions spread over the kecamatan: one from each in turn, in a seeded order."""
    by_kecamatan: dict[str, list[Region]] = {}
    for region in available:
        by_kecamatan.setdefault(region.parent_id or "", []).append(region)
    order = sorted(by_kecamatan)
    rng.shuffle(order)
    for code in order:
        rng.shuffle(by_kecamatan[code])
    picked: list[Region] = []
    while len(picked) < count and any(by_kecamatan.values()):
        for code in order:
            if by_kecamatan[code] and len(picked) < count:
                picked.append(by_kecamatan[code].pop())
    return picked


def _village(rng: random.Random, region: Region, slug: str, status: str) -> Village:
    now = timezone.now()
    kind = "Kel." if region.is_kelurahan else "Desa"
    return Village(
        region=region,
        slug=slug,
        status=status,
        suspended_reason=text.SUSPENDED_REASON if status == Village.Status.SUSPENDED else "",
        tagline=rng.choice(text.TAGLINES).format(name=region.name, kec=region.parent_name),
        primary_color=rng.choice(text.COLORS),
        history=text.history(rng, region.name, region.parent_name),
        vision=rng.choice(text.VISIONS).format(name=region.name, kind=region.get_type_display()),
        mission="\n".join(rng.sample(text.MISSIONS, rng.randint(4, 6))),
        office_address=(
            f"Jl. {rng.choice(text.STREETS)} No. {rng.randint(1, 120)}, {kind} {region.name}, "
            f"Kec. {region.parent_name}, Kabupaten Purbalingga {region.postal_code}"
        ).strip(),
        latitude=Decimal(f"{rng.uniform(-7.45, -7.30):.6f}"),
        longitude=Decimal(f"{rng.uniform(109.20, 109.50):.6f}"),
        phone=f"0281-{rng.randint(891000, 899999)}",
        email=f"pemdes@{slug}.desa.id",
        office_hours=rng.choice(text.OFFICE_HOURS),
        went_live_at=None
        if status == Village.Status.DRAFT
        else now - timedelta(days=rng.randint(3, 400)),
    )


def _officials(rng: random.Random, village: Village) -> list[Official]:
    positions = text.KELURAHAN_POSITIONS if village.region.is_kelurahan else text.DESA_POSITIONS
    chosen = positions[: rng.randint(6, min(10, len(positions)))]
    return [
        Official(village=village, name=text.person_name(rng), position=position, order=i)
        for i, position in enumerate(chosen, start=1)
    ]


def _pages(village: Village) -> list[Page]:
    # bulk_create skips Page.save(), which cleans bodies: clean them here instead.
    name = village.display_name
    return [
        Page(
            village=village,
            title="Layanan Administrasi",
            slug="layanan-administrasi",
            body=page_body_html(text.SERVICES.format(name=name)),
            order=1,
        ),
        Page(
            village=village,
            title="Kebijakan Privasi",
            slug="kebijakan-privasi",
            body=page_body_html(text.PRIVACY.format(name=name)),
            order=9,
        ),
    ]


def _users() -> dict[str, User]:
    hashed = make_password(PASSWORD)  # hashed once: PBKDF2 per user would cost seconds
    users = [
        User(email=email, name=name, password=hashed, is_district_admin=(i == 0))
        for i, (email, name, _role) in enumerate(LOGINS)
    ]
    User.objects.bulk_create(users)
    return {u.email: u for u in User.objects.filter(email__in=[e for e, _n, _r in LOGINS])}


def _applications(rng: random.Random, regions: list[Region], admin: User) -> bool:
    try:
        from balai.registrations.demo import demo_applications
    except ImportError:
        return False
    demo_applications(rng=rng, regions=regions, admin=admin)
    return True


def _choose(rng: random.Random, villages: int) -> tuple[list[Region], list[Region], dict]:
    """The regions that get a site (Dagan first, one kelurahan, the rest spread out; the last
    three become two drafts and a suspended site), the free regions left, and every slug."""
    regions = list(village_regions())
    slugs = _slugs(regions)
    open_apps = Application.objects.filter(status__in=Application.OPEN_STATUSES)
    taken = set(Village.objects.values_list("region_id", flat=True))
    taken |= set(open_apps.values_list("region_id", flat=True))
    if DAGAN in taken:
        raise RuntimeError("Desa Dagan sudah punya situs atau permohonan di luar data demo.")
    used_slugs = set(Village.objects.values_list("slug", flat=True))
    available = [
        r
        for r in regions
        if r.code not in taken and r.code != DAGAN and slugs[r.code] not in used_slugs
    ]
    first = [next(r for r in regions if r.code == DAGAN)]
    kelurahan = [r for r in available if r.is_kelurahan]
    if kelurahan and villages >= 10:
        first.append(rng.choice(kelurahan))
    rest = [r for r in available if r not in first]
    picked = first + _pick(rng, rest, max(villages - len(first), 0) + 3)
    return picked, [r for r in available if r not in picked], slugs


def demo_build(*, villages: int = 40, seed: int = SEED, scale: str = "demo") -> DemoResult:
    """Build (or rebuild) the demo district. `villages` is the number of live sites."""
    if not Region.objects.filter(code=DAGAN).exists():
        regions_load_default()
    rng = random.Random(seed)
    result = DemoResult()
    with transaction.atomic():
        demo_clear()
        picked, left, slugs = _choose(rng, villages)
        statuses = [Village.Status.LIVE] * (len(picked) - 3)
        statuses += [Village.Status.DRAFT, Village.Status.DRAFT, Village.Status.SUSPENDED]
        sites = [_village(rng, r, slugs[r.code], s) for r, s in zip(picked, statuses, strict=True)]
        Village.objects.bulk_create(sites)
        officials = [o for v in sites for o in _officials(rng, v)]
        Official.objects.bulk_create(officials)
        pages = [p for v in sites for p in _pages(v)]
        Page.objects.bulk_create(pages)
        users = _users()
        _roles(rng, users, sites)
        live_sites = [v for v in sites if v.status == Village.Status.LIVE]
        for offset, module in enumerate(_demo_modules(), start=1):
            if scale == "district" and module.__name__ == "balai.population.demo":
                # Benchmark size: about 1,000,000 residents over the district's villages.
                from balai.population.demo_scale import district_populate

                made = district_populate(villages=live_sites, seed=seed + offset)
                result.modules["residents"] = made
                continue
            counts = module.demo_build(
                rng=random.Random(seed + offset), villages=live_sites, users=users
            )
            result.modules.update(counts or {})
        before = set(Application.objects.values_list("pk", flat=True))
        app_regions = sorted(rng.sample(left, min(8, len(left))), key=lambda r: r.code)
        result.applications_built = _applications(rng, app_regions, users[LOGINS[0][0]])
        new_apps = Application.objects.exclude(pk__in=before)
        # Approved demo applications provisioned sites of their own: those are demo sites too.
        site_ids = [v.pk for v in sites] + [
            pk for pk in new_apps.values_list("village", flat=True) if pk
        ]
        AuditEntry.objects.create(
            action=MARKER,
            target="demo",
            details={
                "villages": site_ids,
                "users": [u.pk for u in users.values()],
                "applications": list(new_apps.values_list("pk", flat=True)),
            },
        )
        by_status = Village.objects.filter(pk__in=site_ids).values_list("status")
        counts = dict(by_status.annotate(n=Count("id")).values_list("status", "n"))
        apps = new_apps.values_list("status").annotate(n=Count("id")).values_list("status", "n")
        result.applications = {str(Application.Status(s).label): n for s, n in apps}
    district_version_bump()
    result.live = counts.get(Village.Status.LIVE, 0)
    result.draft = counts.get(Village.Status.DRAFT, 0)
    result.suspended = counts.get(Village.Status.SUSPENDED, 0)
    result.officials, result.pages, result.users = len(officials), len(pages), len(users)
    return result


def _roles(rng: random.Random, users: dict[str, User], sites: list[Village]) -> None:
    """Memberships, the kecamatan viewer, and the audit entries a real history would have."""
    admin, camat, mentor, dagan_admin, dagan_editor = (users[e] for e, _n, _r in LOGINS)
    dagan = sites[0]
    live_others = [v for v in sites[1:] if v.status == Village.Status.LIVE]
    mentored = [dagan] + rng.sample(live_others, min(2, len(live_others)))
    Membership.objects.bulk_create(
        [
            Membership(village=dagan, user=dagan_admin, role=Membership.Role.ADMIN),
            Membership(
                village=dagan, user=dagan_editor, role=Membership.Role.EDITOR, can_publish=True
            ),
        ]
        + [Membership(village=v, user=mentor, role=Membership.Role.MENTOR) for v in mentored]
    )
    KecamatanViewer.objects.create(user=camat, kecamatan_id=BOBOTSARI)
    suspended = next(v for v in sites if v.status == Village.Status.SUSPENDED)
    entries = [
        AuditEntry(actor=admin, village=v, action="membership.mentor_assign", target=mentor.email)
        for v in mentored
    ] + [
        AuditEntry(
            actor=admin,
            action="user.kecamatan_viewer_add",
            target=camat.email,
            details={"kecamatan": BOBOTSARI},
        ),
        AuditEntry(
            actor=admin,
            village=suspended,
            action="village.status",
            target=suspended.slug,
            details={"previous": "live", "status": "suspended", "reason": text.SUSPENDED_REASON},
        ),
    ]
    AuditEntry.objects.bulk_create(entries)
