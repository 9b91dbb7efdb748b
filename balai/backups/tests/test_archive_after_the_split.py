"""The support app became mentoring, watch and backups: an archive written before the split
(its models named `support.*`) still restores, and the district's own records about a village
(alerts, event registrations, the archives themselves) stay out of its archive."""

from __future__ import annotations

import hashlib
import json
import zipfile

from django.utils import timezone

from balai.backups.archive import village_archive_write
from balai.backups.models import VillageExport
from balai.backups.restore import village_restore
from balai.backups.services import village_rows_purge
from balai.mentoring.models import Event, EventRegistration, HelpAttachment, HelpRequest
from balai.mentoring.services import help_reply_add, help_request_create
from balai.mentoring.tests.conftest import png_upload
from balai.watch.models import FreshnessScore, IntegrityAlert

NEW = ("mentoring.", "watch.", "backups.")


def _as_before_the_split(src, dst) -> None:
    """Rewrite an archive the way the support app wrote it: `support.<model>` everywhere."""

    def old(text: str) -> str:
        for prefix in NEW:
            text = text.replace(f"data/{prefix}", "data/support.")
            text = text.replace(f"files/{prefix}", "files/support.")
        return text

    with zipfile.ZipFile(src) as zin:
        members = {old(n): zin.read(n) for n in zin.namelist() if n != "manifest.json"}
        manifest = json.loads(zin.read("manifest.json"))
    for entry in manifest["models"]:
        if entry["model"].startswith(NEW):
            entry["model"] = "support." + entry["model"].split(".", 1)[1]
    manifest["files"] = {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}
    with zipfile.ZipFile(dst, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
        zout.writestr("manifest.json", json.dumps(manifest))


def test_an_archive_from_before_the_split_restores(dagan, alice, maya, tmp_path):
    request = help_request_create(
        village=dagan, author=alice, topic="news", message="Foto", images=[png_upload()]
    )
    help_reply_add(help_request=request, author=maya, role="mentor", message="Oke", images=[])
    FreshnessScore.objects.create(village=dagan, score=40, computed_at=timezone.now())
    screenshot = request.attachments.get().file.read()
    current, before = tmp_path / "now.zip", tmp_path / "before.zip"
    village_archive_write(village=dagan, target=current)
    _as_before_the_split(current, before)
    with zipfile.ZipFile(before) as zf:
        assert "data/support.helprequest.json" in zf.namelist()
    village_rows_purge(village=dagan)

    restored = village_restore(path=str(before))

    help_request = HelpRequest.objects.for_village(restored).get()
    assert help_request.message == "Foto" and help_request.replies.get().message == "Oke"
    attachment = HelpAttachment.objects.get(request=help_request)
    assert attachment.file.read() == screenshot
    assert FreshnessScore.objects.get(village=restored).score == 40


def test_the_districts_own_records_stay_out_of_the_village_archive(dagan, alice, tmp_path):
    event = Event.objects.create(kind="juguran", title="Juguran", starts_at=timezone.now())
    EventRegistration.objects.create(event=event, village=dagan, user=alice)
    IntegrityAlert.objects.create(
        village=dagan, kind=IntegrityAlert.Kind.GAMBLING, message="Judi", dedupe_key="x"
    )
    VillageExport.objects.create(village=dagan, requested_by=alice)
    manifest = village_archive_write(village=dagan, target=tmp_path / "a.zip")
    labels = {m["model"] for m in manifest["models"]}
    assert "mentoring.helprequest" in labels and "watch.freshnessscore" in labels
    for excluded in (
        "mentoring.eventregistration",
        "mentoring.event",
        "watch.integrityalert",
        "watch.loginrecord",
        "backups.villageexport",
    ):
        assert excluded not in labels
