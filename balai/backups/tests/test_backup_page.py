"""The village's backup page: one archive is built at a time (a second click waits for the
first), a build whose worker died stops blocking after an hour, and only the last three
archives — each a full copy of residents' data — are kept."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from balai.backups.models import VillageExport
from balai.backups.services import KEEP, village_rows_purge

Status = VillageExport.Status


def _create(client) -> None:
    client.post(reverse("backups_dashboard:backup_create", kwargs={"slug": "dagan"}))


def test_a_second_archive_waits_while_one_is_being_built(login, alice, dagan):
    VillageExport.objects.create(village=dagan, requested_by=alice, status=Status.RUNNING)
    client = login(alice)
    _create(client)
    assert VillageExport.objects.count() == 1
    page = client.get(reverse("backups_dashboard:backup", kwargs={"slug": "dagan"}))
    assert "Arsip sebelumnya masih dibuat" in page.content.decode()
    assert 'hx-trigger="every 1s"' in page.content.decode()  # still polling the live build


def test_a_build_whose_worker_died_fails_and_no_longer_blocks(login, alice, dagan):
    stuck = VillageExport.objects.create(village=dagan, requested_by=alice, status=Status.RUNNING)
    VillageExport.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - timedelta(hours=2))
    client = login(alice)
    page = client.get(reverse("backups_dashboard:backup", kwargs={"slug": "dagan"}))
    assert "Gagal" in page.content.decode() and "every 1s" not in page.content.decode()
    _create(client)
    assert VillageExport.objects.filter(status=Status.DONE).count() == 1


def test_only_the_last_archives_are_kept(login, alice, dagan):
    client = login(alice)
    names = []
    for _ in range(KEEP + 2):
        _create(client)
        names.append(VillageExport.objects.latest("pk").file.name)
    kept = list(VillageExport.objects.order_by("pk"))
    assert [e.file.name for e in kept] == names[-KEEP:] and all(e.is_done for e in kept)
    storage = kept[0].file.storage
    assert [storage.exists(n) for n in names] == [False, False, True, True, True]


def test_purging_a_village_removes_its_archive_files(login, alice, dagan):
    _create(login(alice))
    export = VillageExport.objects.get()
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)
    village_rows_purge(village=dagan)
    assert not storage.exists(name)
