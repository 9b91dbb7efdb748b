"""The website's move from OpenSID v2410's own backup and its desa/ folder (MANIFEST.md): every
article, page, comment, agenda and gallery photo with its images re-encoded, the old addresses
answering with a 301, a second run adding nothing, and hostile zips refused."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.imports.models import ImportJob
from balai.moving.models import OldAddress
from balai.news.models import Album, AlbumPhoto, Article, Category, Comment, Event, Image
from balai.villages.models import Page

DATA = Path(__file__).parents[2] / "imports" / "tests" / "data"
SQL = gzip.decompress((DATA / "opensid_v2410_senggigi.sql.gz").read_bytes())
FOLDER = (DATA / "opensid_v2410_senggigi_desa.zip").read_bytes()

pytestmark = pytest.mark.django_db
KINDS = ("berkala", "serta_merta", "setiap_saat", "dikecualikan", "documents", "legal")
KINDS += ("programmes",)
KINDS += ("recipients", "recipients_unlinked", "budget_years", "budget_lines")
KINDS += ("budget_empty_rows", "projects", "project_photos", "sellers", "products")
KINDS += ("product_photos",)


def move(client, folder: bytes | None = FOLDER) -> ImportJob:
    data = {
        "file": SimpleUploadedFile("backup.sql", SQL),
        "allow_other_village": "on",
    }
    if folder is not None:
        data["uploads"] = SimpleUploadedFile("backup_folder_desa.zip", folder)
    response = client.post(reverse("moving_dashboard:start", kwargs={"slug": "dagan"}), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    job = ImportJob.objects.filter(importer="moving.opensid").latest("pk")
    assert job.status == ImportJob.Status.CHECKED, (job.failure, job.report.get("errors"))
    confirm = reverse("moving_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    client.post(confirm)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.failure
    return job


def test_every_article_page_comment_event_and_photo_moves(login, alice, dagan, client):
    job = move(login(alice))
    assert job.report["summary"]["content"] == {
        "categories": 4,
        "articles": 10,
        "published": 9,
        "comments": 3,
        "pages": 2,
        "events": 2,
        "albums": 1,
        "photos": 4,
        "images": 13,
        "officials": 5,
        **{key: job.report["summary"]["content"][key] for key in KINDS},  # test_kinds_move
    }
    articles = Article.objects.for_village(dagan)
    assert articles.count() == 10
    assert articles.filter(status=Article.Status.PUBLISHED).count() == 9
    draft = articles.get(status=Article.Status.DRAFT)
    assert draft.title == "Rapat Evaluasi Realisasi APBDes Semester I"
    assert articles.filter(lead_image__isnull=False).count() == 10
    assert articles.get(is_pinned=True).title == "Musyawarah Desa Penyusunan RKPDes 2025"
    assert {c.name for c in Category.objects.for_village(dagan)} == {
        "Berita Desa",
        "Kegiatan Desa",
        "Pengumuman",
        "Kesehatan",
    }
    assert articles.filter(category__name="Berita Desa").count() == 4
    assert articles.filter(category__name="Kesehatan").count() == 1
    anyaman = articles.get(title__startswith="Pelatihan UMKM Anyaman")
    assert "127.0.0.1:8082" not in anyaman.body and "/media/berita/" in anyaman.body
    festival = articles.get(title__startswith="Festival Budaya")
    assert festival.body.count("<img") == 2  # gambar1 and gambar2
    blt = articles.get(title__startswith="Penyaluran BLT")
    assert "Perkades Nomor 5 Tahun 2024" in blt.body and ".pdf" in blt.body
    assert str(blt.publish_at.date()) == "2024-09-02"
    # every picture re-encoded through the image pipeline
    assert Image.objects.for_village(dagan).count() == 13 + 4
    comments = Comment.objects.for_village(dagan)
    assert comments.filter(status=Comment.Status.APPROVED).count() == 2
    assert comments.filter(status=Comment.Status.PENDING).count() == 1
    pages = Page.objects.for_village(dagan)
    assert {p.title for p in pages} >= {"Sejarah Desa Senggigi", "Visi dan Misi Desa"}
    assert Event.objects.for_village(dagan).count() == 2
    album = Album.objects.for_village(dagan).get()
    assert album.title == "Festival Budaya Senggigi 2024"
    assert AlbumPhoto.objects.filter(album=album).count() == 4

    # What OpenSID showed, the public site shows.
    client.logout()
    index = client.get("/desa/dagan/berita/").content.decode()
    assert "Gotong Royong Bersih Pantai Senggigi" in index
    assert "Rapat Evaluasi Realisasi" not in index
    story = client.get(f"/desa/dagan/berita/{anyaman.slug}/")
    assert story.status_code == 200
    # Old addresses answer with a 301 to the new ones.
    old = client.get(
        "/desa/dagan/index.php/artikel/2024/09/18/pelatihan-umkm-anyaman-ketak-bagi-ibu-rumah-tangga"
    )
    assert old.status_code == 301 and old["Location"] == f"/desa/dagan/berita/{anyaman.slug}/"
    assert client.get("/desa/dagan/first/artikel/25")["Location"] == old["Location"]
    assert client.get("/desa/dagan/artikel/33").status_code == 301
    assert client.get("/desa/dagan/artikel/9999").status_code == 404
    assert OldAddress.objects.for_village(dagan).filter(kind="article").count() >= 30


def test_a_second_run_adds_nothing(login, alice, dagan):
    client = login(alice)
    move(client)
    move(client)
    assert Article.objects.for_village(dagan).count() == 10
    assert Comment.objects.for_village(dagan).count() == 3
    assert Album.objects.for_village(dagan).count() == 1
    assert Image.objects.for_village(dagan).count() == 17


def test_without_the_folder_the_text_moves_and_the_report_lists_each_image(login, alice, dagan):
    job = move(login(alice), folder=None)
    warnings = job.report["warnings"]
    assert any(
        "gambar" in column and "tidak dipindahkan" in reason for _, column, reason in warnings
    )
    assert Article.objects.for_village(dagan).count() == 10
    assert not Image.objects.for_village(dagan).exists()


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_that_climbs_out_of_its_folder_is_refused(login, alice, dagan):
    client = login(alice)
    data = {
        "file": SimpleUploadedFile("backup.sql", SQL),
        "uploads": SimpleUploadedFile("desa.zip", _zip({"desa/../../etc/passwd": b"x"})),
        "allow_other_village": "on",
    }
    client.post(reverse("moving_dashboard:start", kwargs={"slug": "dagan"}), data)
    job = ImportJob.objects.get(importer="moving.opensid")
    assert job.status == ImportJob.Status.FAILED and "keluar dari foldernya" in job.failure
    assert not Article.objects.exists()


def test_an_image_that_is_not_an_image_is_a_report_line(login, alice, dagan):
    with zipfile.ZipFile(io.BytesIO(FOLDER)) as source:
        entries = {i.filename: source.read(i) for i in source.infolist() if not i.is_dir()}
    entries["desa/upload/artikel/sedang_1796542033_artikel_03.jpg"] = b"<?php system($_GET[1]); ?>"
    entries.pop("desa/upload/artikel/kecil_1796542033_artikel_03.jpg")
    job = move(login(alice), folder=_zip(entries))
    reasons = [r for _, c, r in job.report["warnings"] if c.endswith("gambar")]
    assert any("1796542033_artikel_03.jpg" in r for r in reasons)
    gotong = Article.objects.for_village(dagan).get(title__startswith="Gotong Royong")
    assert gotong.lead_image is None


def test_identity_and_officials_move_without_overwriting(login, alice, dagan):
    from balai.villages.models import Official

    dagan.phone = "0281-555"
    dagan.save(update_fields=["phone"])
    job = move(login(alice))
    assert job.report["summary"]["content"]["officials"] == 5
    dagan.refresh_from_db()
    assert dagan.office_address == "Jl. Raya Senggigi Km. 10, Dusun Senggigi"
    assert dagan.email == "pemdes@senggigi.desa.id"
    assert dagan.phone == "0281-555"  # the site's own value is kept
    assert dagan.logo
    officials = Official.objects.for_village(dagan).order_by("order")
    assert [(o.name, o.position) for o in officials] == [
        ("H. Mulyadi, S.Pd.", "Kepala Desa"),
        ("AHMAD HADI", "Sekretaris"),
        ("Siti Aminah, S.E.", "Kaur Keuangan"),
        ("Zainal Arifin", "Kasi Pemerintahan"),
        ("Baiq Nurul Hidayati, A.Md.", "Kaur Umum dan Perencanaan"),
    ]
    assert all(o.photo for o in officials)
    move(login(alice))
    assert Official.objects.for_village(dagan).count() == 5
