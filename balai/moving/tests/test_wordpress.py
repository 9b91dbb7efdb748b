"""The move from WordPress: a WXR export made like WordPress's own exporter
(`wp-admin/includes/export.php`, WXR 1.2) with 6 posts, 2 pages, categories, tags and 4 comments,
and the zip of its uploads folder. Counts, pictures re-encoded, a missing picture reported, a
second run adding nothing, the old permalinks answering with a 301, and hostile or foreign XML
refused on the form with the reason."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from balai.imports.models import ImportJob
from balai.moving.models import MovedItem, OldAddress
from balai.moving.wordpress import WxrProblem, read_wxr
from balai.news.models import Article, Category, Comment, Image, Tag
from balai.villages.models import Page

DATA = Path(__file__).parent / "data"
WXR = (DATA / "wordpress_karangsari.xml").read_bytes()
UPLOADS = (DATA / "wordpress_uploads.zip").read_bytes()

pytestmark = pytest.mark.django_db


def start_url() -> str:
    return reverse("moving_dashboard:wordpress", kwargs={"slug": "dagan"})


def check(client, data: bytes = WXR, uploads: bytes | None = UPLOADS) -> ImportJob:
    form = {"file": SimpleUploadedFile("karangsari.WordPress.2024-06-20.xml", data)}
    if uploads is not None:
        form["uploads"] = SimpleUploadedFile("uploads.zip", uploads)
    response = client.post(start_url(), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    job = ImportJob.objects.filter(importer="moving.wordpress").latest("pk")
    assert job.status == ImportJob.Status.CHECKED, (job.failure, job.report.get("errors"))
    return job


def move(client, **kwargs) -> ImportJob:
    job = check(client, **kwargs)
    confirm = reverse("moving_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    client.post(confirm)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.failure
    return job


def warnings(job: ImportJob) -> str:
    return " | ".join(str(w) for w in job.report["warnings"])


def test_the_dry_run_reports_and_writes_nothing(login, alice, dagan):
    client = login(alice)
    page = client.get(start_url())
    assert page.status_code == 200 and "Alat → Ekspor" in page.content.decode()
    job = check(client)
    assert job.kind == "wxr"
    summary = job.report["summary"]
    assert summary["counts"] == {
        "posts": 6,
        "published": 5,
        "drafts": 1,
        "pages": 2,
        "categories": 4,
        "tags": 2,
        "comments": 2,
        "images": 3,
        "attachments": 3,
    }
    assert summary["not_moved"] == {"comments_pending": 1, "comments_spam": 1, "comments_other": 0}
    assert summary["shortcodes"] == ["contact-form-7", "gallery"]
    assert summary["skipped_types"] == {"nav_menu_item": 1}
    assert job.report["changes"]["added"] == 10  # 6 posts, 2 pages, 2 comments
    said = warnings(job)
    assert "hilang.jpg" in said and "tidak ada di zip folder uploads" in said
    assert "spam" in said and "belum disetujui" in said
    report = client.get(reverse("moving_dashboard:import", kwargs={"slug": "dagan", "pk": job.pk}))
    text = report.content.decode()
    assert "Karangsari" in text and "[gallery]" in text
    assert not Article.objects.exists() and not Page.objects.filter(village=dagan).exists()


def test_posts_pages_comments_and_pictures_move(login, alice, dagan, client):
    move(login(alice))
    articles = Article.objects.for_village(dagan)
    assert articles.count() == 6
    musdes = articles.get(title="Musyawarah Desa 2024")
    assert musdes.status == Article.Status.PUBLISHED
    assert musdes.author_name == "Sekretaris Desa Karangsari"
    assert musdes.category is not None and musdes.category.name == "Pemerintahan"
    assert [t.name for t in musdes.tags.all()] == ["musdes"]
    assert musdes.publish_at.isoformat().startswith("2024-03-05T01:30:00")
    lead = musdes.lead_image
    assert lead is not None
    with lead.file.open("rb") as stored:  # re-encoded by Balai, not the uploaded bytes
        assert stored.read() not in UPLOADS
        stored.seek(0)
        assert PILImage.open(stored).size == (64, 48)
    assert "wp:paragraph" not in musdes.body and "<p>Musyawarah" in musdes.body
    work = articles.get(title="Kerja bakti saluran irigasi")
    assert work.author_name == "Budi Santoso" and work.category.name == "Kegiatan"
    assert {t.name for t in work.tags.all()} == {"gotong royong", "Pemerintahan"}
    assert "wp-content" not in work.body and "karangsari.desa.id" not in work.body
    assert "[caption" not in work.body and "Saluran sesudah dibersihkan" in work.body
    assert "[gallery" not in work.body and "hilang.jpg" not in work.body
    assert work.body.count("<img") == 2
    assert Image.objects.for_village(dagan).count() == 3
    assert articles.get(title="Rencana pembangunan jalan").status == Article.Status.DRAFT
    festival = articles.get(title="Festival budaya desa")
    assert festival.is_scheduled and not festival.is_announced
    notice = articles.get(title="Pengumuman jadwal pelayanan")
    assert notice.category is None and notice.is_pinned
    posyandu = articles.get(title="Posyandu balita bulan Mei")
    assert posyandu.body.count("<p>") == 2 and "<br" in posyandu.body
    assert set(Category.objects.for_village(dagan).values_list("name", flat=True)) == {
        "Kegiatan",
        "Kesehatan",
        "Pemerintahan",
    }
    comments = Comment.objects.for_village(dagan)
    assert comments.count() == 2
    assert set(comments.values_list("status", flat=True)) == {Comment.Status.APPROVED}
    assert not comments.filter(body__icontains="gacor").exists()
    assert comments.get(name="Pak Darto").body == "Terima kasih untuk warga RT 02 & RT 03."
    pages = Page.objects.for_village(dagan)
    profile = pages.get(slug="profil-desa")
    assert "Gunung Slamet" in profile.body
    assert "contact-form-7" not in pages.get(slug="kontak").body
    from balai.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="moving.wordpress")
    assert entry.village == dagan and entry.actor == alice
    story = client.get(f"/desa/dagan/berita/{work.slug}/").content.decode()
    assert "Kerja bakti saluran irigasi" in story and "Pak Darto" in story


def test_a_second_run_adds_nothing(login, alice, dagan):
    client = login(alice)
    move(client)
    before = (
        Article.objects.count(),
        Page.objects.filter(village=dagan).count(),
        Comment.objects.count(),
        Image.objects.count(),
        Tag.objects.count(),
        OldAddress.objects.count(),
        MovedItem.objects.count(),
    )
    job = check(client)
    assert job.report["changes"]["added"] == 0 and job.report["changes"]["unchanged"] == 10
    confirm = reverse("moving_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    client.post(confirm)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.failure
    after = (
        Article.objects.count(),
        Page.objects.filter(village=dagan).count(),
        Comment.objects.count(),
        Image.objects.count(),
        Tag.objects.count(),
        OldAddress.objects.count(),
        MovedItem.objects.count(),
    )
    assert after == before


def test_without_the_uploads_zip_the_text_moves_and_each_picture_is_listed(login, alice, dagan):
    job = move(login(alice), uploads=None)
    said = warnings(job)
    for name in ("musdes.jpg", "kerja-bakti-1-300x200.jpg", "kerja-bakti-2.jpg", "hilang.jpg"):
        assert name in said
    assert "zip folder uploads tidak diunggah" in said
    work = Article.objects.get(title="Kerja bakti saluran irigasi")
    assert "<img" not in work.body and "karangsari.desa.id" not in work.body
    assert not Image.objects.exists()


def test_old_permalinks_answer_with_a_301(
    login, alice, dagan, client, django_assert_max_num_queries
):
    move(login(alice))
    client.logout()
    work = Article.objects.get(title="Kerja bakti saluran irigasi")
    new = f"/desa/dagan/berita/{work.slug}/"
    for old in (
        "/desa/dagan/2024/04/kerja-bakti-saluran-irigasi/",
        "/desa/dagan/2024/04/kerja-bakti-saluran-irigasi",
        "/desa/dagan/2024/04/14/kerja-bakti-saluran-irigasi/",
        "/desa/dagan/?p=12",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
    page = Page.objects.get(village=dagan, slug="profil-desa")
    assert client.get("/desa/dagan/?page_id=31")["Location"] == f"/desa/dagan/halaman/{page.slug}/"
    draft = Article.objects.get(title="Rencana pembangunan jalan")
    assert client.get("/desa/dagan/?p=14")["Location"] == f"/desa/dagan/berita/{draft.slug}/"
    assert client.get("/desa/dagan/2024/04/tidak-ada/").status_code == 404
    assert client.get("/desa/dagan/?p=999").status_code == 200  # the home page, as before
    with django_assert_max_num_queries(0):  # no lookup of old addresses on a plain home visit
        from django.test import RequestFactory

        from balai.moving.views.site import old_query

        request = RequestFactory().get("/desa/dagan/")
        assert old_query(request) is None  # type: ignore[arg-type]


def test_old_addresses_stay_in_their_village(login, alice, dagan, bojongsari, client):
    move(login(alice))
    client.logout()
    assert client.get("/desa/bojongsari/?p=12").status_code == 200
    assert client.get("/desa/bojongsari/2024/04/kerja-bakti-saluran-irigasi/").status_code == 404


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version><item><title>&lol9;</title></item></channel></rss>
"""


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (BILLION_LAUGHS, "DOCTYPE atau ENTITY"),
        (BILLION_LAUGHS.split(b"\n", 1)[1], "DOCTYPE atau ENTITY"),  # without <?xml ?>
        (
            b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Berita</title>'
            b"<item><title>x</title></item></channel></rss>",
            "bukan ekspor WordPress",
        ),
        (b"<!doctype html><html><body>Situs</body></html>", "halaman web (HTML)"),
        (b"nama;nik\nBUDI;3303\n", "yang diterima: .xml"),
    ],
)
def test_hostile_or_foreign_files_are_refused_on_the_form(login, alice, dagan, data, words):
    response = login(alice).post(start_url(), {"file": SimpleUploadedFile("ekspor.xml", data)})
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_reader_refuses_declarations_hidden_behind_a_long_head():
    """A DOCTYPE pushed past the bytes the upload checks sniff is still refused by the reader."""
    padding = b"<!-- " + b"x" * 100_000 + b" -->\n"
    data = BILLION_LAUGHS.replace(b"<!DOCTYPE", padding + b"<!DOCTYPE", 1)
    with pytest.raises(WxrProblem, match="DOCTYPE"):
        read_wxr(io.BytesIO(data))


def test_the_reader_caps_the_items():
    with pytest.raises(WxrProblem, match="lebih dari 3"):
        read_wxr(io.BytesIO(WXR), max_items=3)


def test_a_cut_export_fails_with_the_line_and_writes_nothing(login, alice, dagan):
    login(alice).post(start_url(), {"file": SimpleUploadedFile("ekspor.xml", WXR[:15000])})
    job = ImportJob.objects.get(importer="moving.wordpress")
    assert job.status == ImportJob.Status.FAILED and "terpotong" in job.failure
    assert not Article.objects.exists()


def test_a_zip_that_climbs_out_is_refused(login, alice, dagan):
    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w") as archive:
        archive.writestr("../../etc/musdes.jpg", b"x")
    form = {
        "file": SimpleUploadedFile("ekspor.xml", WXR),
        "uploads": SimpleUploadedFile("uploads.zip", blob.getvalue()),
    }
    login(alice).post(start_url(), form)
    job = ImportJob.objects.get(importer="moving.wordpress")
    assert job.status == ImportJob.Status.FAILED and "Zip folder uploads ditolak" in job.failure
    assert not Article.objects.exists()


def test_a_password_protected_post_is_not_made_public():
    from balai.imports.registry import Issues
    from balai.moving.wordpress import plan_wordpress

    start = WXR.index(b"<wp:post_id>13</wp:post_id>")
    cut = WXR.index(b"<wp:post_password><![CDATA[]]>", start)
    data = WXR[:cut] + b"<wp:post_password><![CDATA[rahasia]]>" + WXR[cut + 30 :]
    issues = Issues()
    plan = plan_wordpress(read_wxr(io.BytesIO(data)), None, issues)
    posyandu = next(p for p in plan.posts if p["id"] == "13")
    assert posyandu["status"] == "draft"
    assert any("kata sandi" in w[4] for w in issues.warnings)
    assert plan.counts["drafts"] == 2
