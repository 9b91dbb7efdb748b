"""Upgrading a database made before the split: rows written by the support app's models are
found through mentoring, watch and backups afterwards, with the same ids and links, and the
content types (with the permissions people were given) follow the models. Backwards, the
tables and their rows get their old names again. (Migrating back and forth is slow: one test.)"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from balai.backups.models import VillageExport
from balai.mentoring.models import (
    Event,
    EventRegistration,
    Guide,
    GuideImage,
    HelpAttachment,
    HelpReply,
    HelpRequest,
)
from balai.watch.models import FreshnessScore, IntegrityAlert, LoginRecord

BEFORE = [("support", "0001_initial"), ("mentoring", None), ("watch", None), ("backups", None)]


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _rows_as_before_the_split(dagan, alice) -> dict[str, int]:
    """Write one row of every support model with the models as they were before the split."""
    old = MigrationExecutor(connection).loader.project_state(("support", "0001_initial")).apps
    model = lambda name: old.get_model("support", name)  # noqa: E731
    now = timezone.now()
    request = model("HelpRequest").objects.create(
        village_id=dagan.pk, author_id=alice.pk, topic="news", message="Sebelum pemisahan"
    )
    reply = model("HelpReply").objects.create(request=request, author_id=alice.pk, message="Ya")
    model("HelpAttachment").objects.create(request=request, reply=reply, file="bantuan/a.png")
    guide = model("Guide").objects.create(title="Panduan", slug="panduan", body="Isi")
    model("GuideImage").objects.create(guide=guide, image="panduan/b.png", alt="Layar")
    event = model("Event").objects.create(kind="juguran", title="Juguran", starts_at=now)
    model("EventRegistration").objects.create(event=event, village_id=dagan.pk, user_id=alice.pk)
    model("FreshnessScore").objects.create(village_id=dagan.pk, score=70, computed_at=now)
    model("LoginRecord").objects.create(user_id=alice.pk, ip="203.0.113.9", succeeded=True)
    model("IntegrityAlert").objects.create(
        village_id=dagan.pk, kind="gambling", message="Judi", dedupe_key="k"
    )
    model("VillageExport").objects.create(village_id=dagan.pk, status="done", size=12)
    return {"request": request.pk, "reply": reply.pk, "event": event.pk}


def _content_types_as_before_the_split(alice) -> Permission:
    """Main's content types (the reverse of support.0002 moved them back); alice was given a
    permission on one. An interrupted earlier upgrade also made watch.freshnessscore already,
    with a permission of its own: the two are merged."""
    ContentType.objects.clear_cache()
    assert ContentType.objects.filter(app_label="support").count() == 11
    assert not ContentType.objects.filter(app_label__in=["mentoring", "watch", "backups"])
    permission = Permission.objects.get(
        content_type__app_label="support", codename="view_helprequest"
    )
    alice.user_permissions.add(permission)
    alice.user_permissions.add(
        Permission.objects.get(content_type__app_label="support", codename="view_freshnessscore")
    )
    twin = ContentType.objects.create(app_label="watch", model="freshnessscore")
    Permission.objects.create(content_type=twin, codename="view_freshnessscore", name="View")
    return permission


def test_rows_and_content_types_made_before_the_split_follow_the_models(
    transactional_db, dagan, alice
):
    latest = _latest()
    LoginRecord.objects.create(user=alice, ip="198.51.100.4", succeeded=True)
    try:
        _migrate(BEFORE)
        assert {"support_helprequest", "support_villageexport"} <= _tables()
        assert not {"mentoring_helprequest", "watch_loginrecord"} & _tables()
        with connection.cursor() as cursor:  # backwards, the rows went with the tables
            cursor.execute("SELECT ip FROM support_loginrecord")
            assert cursor.fetchall() == [("198.51.100.4",)]
        ids = _rows_as_before_the_split(dagan, alice)
        permission = _content_types_as_before_the_split(alice)
    finally:
        _migrate(latest)
    ContentType.objects.clear_cache()

    assert not {t for t in _tables() if t.startswith("support_")}
    request = HelpRequest.objects.for_village(dagan).get()
    assert request.pk == ids["request"] and request.message == "Sebelum pemisahan"
    assert HelpReply.objects.get(request=request).pk == ids["reply"]
    assert HelpAttachment.objects.get(request=request).reply_id == ids["reply"]
    assert GuideImage.objects.get(guide=Guide.objects.get(slug="panduan")).alt == "Layar"
    assert EventRegistration.objects.get(village=dagan).event_id == ids["event"]
    assert Event.objects.get().title == "Juguran"
    assert FreshnessScore.objects.get(village=dagan).score == 70
    assert set(LoginRecord.objects.values_list("ip", flat=True)) == {"198.51.100.4", "203.0.113.9"}
    assert IntegrityAlert.objects.for_village(dagan).get().message == "Judi"
    assert VillageExport.objects.for_village(dagan).get().size == 12

    assert not ContentType.objects.filter(app_label="support").exists()
    moved = ContentType.objects.get_for_model(HelpRequest)
    assert Permission.objects.get(pk=permission.pk).content_type == moved
    alice.refresh_from_db()
    assert alice.has_perm("mentoring.view_helprequest")
    assert alice.has_perm("watch.view_freshnessscore")
    merged = ContentType.objects.get_for_model(FreshnessScore)
    assert Permission.objects.filter(codename="view_freshnessscore").get().content_type == merged
    assert ContentType.objects.get_for_model(VillageExport).app_label == "backups"
