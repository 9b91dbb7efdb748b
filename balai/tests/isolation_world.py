"""The world the tenant-isolation harness runs in (tests/test_tenant_isolation.py): the cast
of balai/conftest.py, one row of every kind a dashboard URL takes in Dagan, the few rows of
Bojongsari and of the district the cases also need, a signed-in test client per person, and a
snapshot of every row to tell that nothing changed.

A new kind of row: write it in the builder of its app below (or a new one added to APP_ROWS),
under the key its case names in tests/isolation_cases.py. Reuse the app's own test helpers,
or tests/builders.py's generic `build` for a row whose values do not matter.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from balai.accounts.models import KecamatanViewer
from balai.conftest import BOJONGSARI, DAGAN, make_user, make_village
from balai.tests.builders import build
from balai.villages.models import Membership

Snapshot = dict[str, list[str]]

# Everyone the harness sends requests as; "anonymous" signs in as nobody.
PEOPLE = ("alice", "bob", "charlie", "maya", "kiki", "dina", "bojongsari_seller", "anonymous")


@dataclass
class World:
    """The rows by key, a client per person, and every row as it was once they were built."""

    rows: dict[str, Any] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    baseline: Snapshot = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.rows[key]

    def sign_in(self) -> None:
        """One client per person, signed in once for the whole module (a session written in a
        test would be rolled back with it)."""
        for who in PEOPLE:
            self.clients[who] = Client()
            if who != "anonymous":
                self.clients[who].force_login(self.rows[who])


def _cast(rows: dict[str, Any]) -> None:
    """The cast of balai/conftest.py (its fixtures are per test; this world is per module)."""
    dagan = rows["dagan"] = make_village(DAGAN, "dagan", tagline="Desa batik tulis")
    bojongsari = rows["bojongsari"] = make_village(BOJONGSARI, "bojongsari")
    members = [
        ("alice", "alice@dagan.desa.id", "Alice Rahayu", dagan, Membership.Role.ADMIN),
        ("bob", "bob@dagan.desa.id", "Bob Santoso", dagan, Membership.Role.EDITOR),
        ("charlie", "charlie@bojongsari.desa.id", "Charlie Wibowo", bojongsari, "admin"),
        ("maya", "maya@rtik.or.id", "Maya Lestari", dagan, Membership.Role.MENTOR),
    ]
    for key, email, name, village, role in members:
        rows[key] = make_user(email, name)
        membership = Membership.objects.create(user=rows[key], village=village, role=role)
        rows[f"{key}_membership"] = membership
    rows["kiki"] = make_user("kiki@kec-bojongsari.go.id", "Kiki Pratama")
    rows["kiki_viewer"] = KecamatanViewer.objects.create(user=rows["kiki"], kecamatan_id="33.03.09")
    rows["dina"] = make_user("dina@purbalinggakab.go.id", "Dina Kominfo", is_district_admin=True)


def _villages_and_members(rows: dict[str, Any]) -> None:
    from balai.accounts.services import invitation_create
    from balai.villages.models import Official, Page, VillageDomain

    dagan = rows["dagan"]
    rows["official"] = build(Official, dagan)
    build(Official, dagan)  # something to move it past
    rows["page"] = build(Page, dagan)
    rows["invitation"], _token = invitation_create(
        village=dagan, email="sari@dagan.desa.id", role="editor"
    )
    rows["domain"] = build(VillageDomain, dagan)


def _news(rows: dict[str, Any]) -> None:
    from balai.news.models import Album, ArticleRevision, Comment, Event, Image, Submission
    from balai.news.tests.conftest import publish

    dagan = rows["dagan"]
    article = rows["article"] = publish(dagan, title="Berita Dagan")
    rows["revision"] = ArticleRevision.objects.filter(article=article).first()
    rows["bojongsari_article"] = publish(rows["bojongsari"], title="Berita Bojongsari")
    rows["comment"] = Comment.objects.create(village=dagan, article=article, name="B", body="x")
    for key, model in [("submission", Submission), ("news_event", Event), ("album", Album)]:
        rows[key] = build(model, dagan)
    rows["image"] = build(Image, dagan)


def _population(rows: dict[str, Any]) -> None:
    from balai.imports.tests.jobs import make_job
    from balai.population.models import Area, Family, Resident

    dagan = rows["dagan"]
    area = Area.objects.create(village=dagan, dusun="Dusun I", rw="001", rt="001")
    rows["family"] = Family.objects.create(village=dagan, number="3303090101100001", area=area)
    rows["resident"] = Resident.objects.create(
        village=dagan,
        nik="3303091203750001",
        name="SUGENG",
        family=rows["family"],
        area=area,
        sex=1,
        family_relation=1,
        birth_date=datetime.date(1975, 3, 12),
    )
    rows["population_import"] = make_job(dagan, "population.residents", uploaded_by=rows["alice"])
    from balai.moving.models import Move

    rows["moving_import"] = make_job(dagan, "moving.opensid", uploaded_by=rows["alice"])
    import io
    import zipfile

    from django.core.files.base import ContentFile

    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w") as archive:
        archive.writestr("README.txt", "arsip")
    rows["move"] = move = Move(village=dagan, version="24.10", written=True)
    move.archive.save("arsip.zip", ContentFile(blob.getvalue()))


def _welfare(rows: dict[str, Any]) -> None:
    from balai.imports.tests.jobs import make_job
    from balai.welfare.models import Objection, Programme, Recipient

    dagan = rows["dagan"]
    programme = {
        "name": "BLT Dana Desa 2026",
        "kind": "blt_dd",
        "source": "desa",
        "unit": "family",
        "amount": 300_000,
        "period_start": datetime.date(2026, 1, 1),
    }
    rows["programme"] = Programme.objects.create(village=dagan, **programme)
    rows["bojongsari_programme"] = Programme.objects.create(village=rows["bojongsari"], **programme)
    rows["recipient"] = Recipient.objects.create(
        village=dagan,
        programme=rows["programme"],
        family=rows["family"],
        name="SUGENG",
        start=datetime.date(2026, 1, 1),
    )
    rows["welfare_import"] = make_job(dagan, "welfare.ranking", uploaded_by=rows["alice"])
    rows["welfare_objection"] = Objection.objects.create(
        village=dagan, programme=rows["programme"], kind="other", message="Cek."
    )


def _budget(rows: dict[str, Any]) -> None:
    from balai.budget import tree
    from balai.budget.models import Account, BudgetLine, Project
    from balai.budget.tests.conftest import make_year
    from balai.imports.tests.jobs import make_job

    if not Account.objects.exists():
        tree.accounts_load()
    tree.account_index_clear()
    dagan = rows["dagan"]
    year = make_year(dagan, 2025, status="draft")
    # Charlie's village has its own 2025: under his slug only the line lookup stands between
    # him and Dagan's lines.
    make_year(rows["bojongsari"], 2025, status="draft")
    rows["budget_line"] = BudgetLine.objects.filter(fiscal_year=year).first()
    rows["budget_import"] = make_job(dagan, "budget.apbdes", params={"fiscal_year": year.pk})
    rows["project"] = Project.objects.create(
        village=dagan, fiscal_year=year, name="Jalan", slug="jalan"
    )


def _disclosure(rows: dict[str, Any]) -> None:
    from balai.disclosure import services
    from balai.disclosure.calendar import add_working_days
    from balai.disclosure.models import DipItem, EmergencyNotice, LocalHoliday
    from balai.disclosure.tests.conftest import make_request
    from balai.registrations.demo import tiny_pdf

    dagan = rows["dagan"]
    info = make_request(dagan, received_on=timezone.localdate().replace(month=1, day=5))
    info.answer_file.save("jawaban.pdf", ContentFile(tiny_pdf()))
    rows["info_request"] = info
    rows["ppid_objection"] = services.objection_file(
        info=info, grounds=["c"], statement="Belum.", filed_on=add_working_days(info.due_on, 2)
    )
    services.dip_seed(village=dagan, year=2026)
    rows["dip_item"] = DipItem.objects.for_village(dagan).first()
    rows["notice"] = build(EmergencyNotice, dagan)
    rows["holiday"] = build(LocalHoliday, dagan)


def _market(rows: dict[str, Any]) -> None:
    from balai.market.models import Order, ProductPhoto, Review
    from balai.market.tests.conftest import make_product, make_seller
    from balai.tests.isolation_cases import upload_bytes

    dagan, bojongsari = rows["dagan"], rows["bojongsari"]
    sekar = make_user("siti@sekar.id", "Siti Aminah")
    rows["seller"] = make_seller(dagan, user=sekar, email="siti@sekar.id")
    rows["product"] = product = make_product(rows["seller"])
    rows["photo"] = ProductPhoto.objects.create(
        village=dagan, product=product, image="lapak/a.jpg", thumb="lapak/b.jpg", alt="Kain"
    )
    rows["order"] = order = Order.objects.create(
        village=dagan,
        seller=rows["seller"],
        product=product,
        code="LPK-AAAAAA",
        form_token="t1",
        product_name=product.name,
        category="batik",
        quantity=1,
        buyer_name="Dewi",
        buyer_phone="+6281211112222",
        delivery="ambil",
        status="selesai",
    )
    order.proof.save("bukti.jpg", ContentFile(upload_bytes("jpg")))
    rows["review"] = Review.objects.create(
        village=dagan, order=order, product=product, rating=5, display_name="Dewi"
    )
    # Someone who sells in Bojongsari: a seller, but not of Dagan's shop.
    rows["bojongsari_seller"] = make_user("lina@bojongsari.id", "Lina Marlina")
    other = make_seller(bojongsari, "Gula Kelapa", user=rows["bojongsari_seller"])
    rows["bojongsari_product"] = make_product(other, "Gula Kelapa")


def _institutions(rows: dict[str, Any]) -> None:
    from balai.institutions.models import Institution, Member

    for village in ("dagan", "bojongsari"):
        prefix = "" if village == "dagan" else "bojongsari_"
        inst = Institution.objects.create(
            village=rows[village], kind="bpd", name="BPD", slug="bpd", address="Balai Desa"
        )
        rows[f"{prefix}institution"] = inst
        rows[f"{prefix}institution_member"] = Member.objects.create(
            village=rows[village], institution=inst, name="Ketua BPD", position="Ketua"
        )
    rows["institution"].articles.add(rows["article"])
    Member.objects.create(
        village=rows["dagan"], institution=rows["institution"], name="Wakil", position="Wakil"
    )


def _mentoring(rows: dict[str, Any]) -> None:
    from balai.mentoring.models import Event, Guide
    from balai.mentoring.services import help_request_create
    from balai.mentoring.tests.conftest import png_upload

    dagan, alice = rows["dagan"], rows["alice"]
    help_request = help_request_create(
        village=dagan, author=alice, topic="news", message="x", images=[png_upload()]
    )
    rows["help_request"] = help_request
    rows["attachment"] = help_request.attachments.get()
    rows["bojongsari_help_request"] = help_request_create(
        village=rows["bojongsari"], author=rows["charlie"], topic="news", message="x", images=[]
    )
    rows["rtik_event"] = build(Event, dagan)
    rows["guide"] = build(Guide, dagan)


def _watch(rows: dict[str, Any]) -> None:
    from balai.watch.models import IntegrityAlert

    rows["alert"] = build(IntegrityAlert, rows["dagan"])


def _backups(rows: dict[str, Any]) -> None:
    from balai.backups.models import VillageExport

    rows["export"] = VillageExport.objects.create(village=rows["dagan"], status="done")
    rows["export"].file.save("dagan.zip", ContentFile(b"PK\x05\x06" + bytes(18)))


def _maps(rows: dict[str, Any]) -> None:
    from balai.maps.models import BoundaryLoad, MapArea, Place, Potential

    dagan = rows["dagan"]
    square = [[[[109.36, -7.30], [109.37, -7.30], [109.37, -7.31], [109.36, -7.30]]]]
    rows["map_area"] = MapArea.objects.create(
        village=dagan, name="Dusun Krajan", geometry=square, display=square
    )
    rows["map_place"] = Place.objects.create(
        village=dagan, name="Balai Desa", category="kantor", latitude=-7.3051, longitude=109.3685
    )
    rows["map_potential"] = Potential.objects.create(village=dagan, kind="wisata", name="Curug")
    rows["boundary_load"] = BoundaryLoad.objects.create(
        path="peta/x.bin", filename="batas.geojson", key_property="kode_desa", status="done"
    )


def _services(rows: dict[str, Any]) -> None:
    from balai.lib.uploads import document_prepare
    from balai.services import services
    from balai.services.catalogue import catalogue_seed
    from balai.services.models import DefaultService, Service
    from balai.services.tests.conftest import pdf_upload

    dagan, bojongsari = rows["dagan"], rows["bojongsari"]
    catalogue_seed(village=dagan)
    catalogue_seed(village=bojongsari)
    rows["default_service"] = DefaultService.objects.first()
    rows["service"] = service = Service.objects.for_village(dagan).get(letter_key="domisili")
    data = {"name": "Wartini", "nik": "3303091203750001", "phone": "+6281234567890", "purpose": "x"}
    rows["service_request"] = services.request_submit(
        village=dagan, service=service, data=data, documents=[document_prepare(pdf_upload())]
    )
    rows["service_request_file"] = rows["service_request"].files.get()
    rows["service_request"].letter_pdf.save("surat.pdf", document_prepare(pdf_upload()))
    other = Service.objects.for_village(bojongsari).get(letter_key="domisili")
    rows["bojongsari_service_request"] = services.request_submit(
        village=bojongsari, service=other, data=data, documents=[]
    )


def _legal(rows: dict[str, Any]) -> None:
    from balai.legal.tests.conftest import make_act

    rows["legal_act"] = make_act(rows["dagan"])


def _complaints(rows: dict[str, Any]) -> None:
    from balai.complaints.tests.conftest import make_complaint

    # Held as spam (so releasing it has something to do), with a photo, and escalated (so the
    # district's and the kecamatan's pages open it).
    rows["complaint"] = make_complaint(
        rows["dagan"], text="Ada judi di pos ronda", photo=True, escalated=True
    )


def _letters(rows: dict[str, Any]) -> None:
    from balai.letters.models import TemplateVersion
    from balai.letters.seed import seed_templates
    from balai.letters.services import issue_letter

    seed_templates()
    rows["template_version"] = TemplateVersion.objects.get(letter_type__key="skck", number=1)
    rows["letter"] = issue_letter(
        village=rows["dagan"],
        template="skck",
        resident=rows["resident"],
        values={"keperluan": "melamar kerja"},
        signer=rows["official"],
        on_behalf=True,
        user=rows["alice"],
    )


def _registrations(rows: dict[str, Any]) -> None:
    from balai.registrations.tests.conftest import file_application

    rows["application"] = file_application()


# One builder per app, in the order their rows depend on each other.
APP_ROWS: list[Callable[[dict[str, Any]], None]] = [
    _cast,
    _villages_and_members,
    _news,
    _population,
    _welfare,
    _budget,
    _disclosure,
    _market,
    _institutions,
    _mentoring,
    _watch,
    _backups,
    _maps,
    _services,
    _legal,
    _complaints,
    _letters,
    _registrations,
]


def dagan_world() -> World:
    """The cast, one row of every kind a dashboard URL takes, and the rows charlie's own
    village needs for the cases that put one of his rows beside one of Dagan's; everyone signed
    in; the snapshot to compare with."""
    world = World()
    for builder in APP_ROWS:
        builder(world.rows)
    world.sign_in()
    world.baseline = snapshot()
    return world


# ---------------------------------------------------------------------------------------------
# "Nothing changed": every row of every Balai model, but reference data and login traces.

NOT_WATCHED = {"regions.Region", "budget.Account", "watch.LoginRecord"}
NOT_WATCHED_FIELDS = {"accounts.User": {"last_login"}}


def _watched() -> list[tuple[str, str, list[str]]]:
    """(label, table, columns) of every watched model."""
    watched = []
    for model in apps.get_models():
        label = model._meta.label
        if not model.__module__.startswith("balai.") or label in NOT_WATCHED:
            continue
        skip = NOT_WATCHED_FIELDS.get(label, set())
        columns = [f.column for f in model._meta.concrete_fields if f.column and f.name not in skip]
        watched.append((label, model._meta.db_table, columns))
    return watched


@functools.cache
def _snapshot_sql() -> str:
    """One statement for the whole snapshot, every row as (label, its columns as one text): the
    harness takes a snapshot after every request, and one round trip keeps that cheap."""
    quote = connection.ops.quote_name
    selects = []
    for label, table, columns in _watched():
        text = " || '|' || ".join(f"COALESCE(CAST({quote(c)} AS TEXT), '-')" for c in columns)
        selects.append(f"SELECT '{label}', {text} FROM {quote(table)}")
    return " UNION ALL ".join(selects)


def _snapshot_rows(cursor: Any) -> list[tuple[str, str]]:
    sql = _snapshot_sql()
    if connection.vendor != "postgresql":
        cursor.execute(sql)
        return cursor.fetchall()
    # PostgreSQL takes ten times as long to plan this statement as to run it: keep the plan for
    # the connection's life.
    cursor.execute("SELECT 1 FROM pg_prepared_statements WHERE name = 'isolation_snapshot'")
    if cursor.fetchone() is None:
        cursor.execute(f"PREPARE isolation_snapshot AS {sql}")
    cursor.execute("EXECUTE isolation_snapshot")
    return cursor.fetchall()


def snapshot() -> Snapshot:
    """Every watched row, as the text of its columns, by model label."""
    taken: Snapshot = defaultdict(list)
    with connection.cursor() as cursor:
        for label, row in _snapshot_rows(cursor):
            taken[label].append(row)
    return {label: sorted(rows) for label, rows in taken.items()}


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """The labels of the models whose rows differ between two snapshots."""
    labels = before.keys() | after.keys()
    return sorted(label for label in labels if before.get(label) != after.get(label))
