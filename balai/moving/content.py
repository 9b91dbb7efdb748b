"""The website's move: OpenSID's articles (with categories, authors' display names, dates, draft
or published, the lead image, extra images, images inside the body, an attached document),
comments, static pages, agenda and gallery into Balai's news and pages, and the old addresses
of each kept for a 301.

Files come from the zip of OpenSID's `desa/` folder (Pengaturan → Database → Backup → "Unduh
Folder Desa"), read through `DesaFolder`: its directory checked before anything is unpacked
(entries, unpacked size, ratio, paths that climb out of the folder), each picture checked by its
bytes and re-encoded through Balai's image pipeline, each PDF checked like any upload. Nothing
is fetched from the old site: a file missing from the zip is a line in the report.

Comments: OpenSID's shown comments (status 1) are moved as approved; those still awaiting
moderation (status 2) are moved as pending, for the village to moderate in Balai.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.lib.storage import random_upload_name
from balai.lib.uploads import IMAGE_TYPES, PDF, UploadError, inspect_file
from balai.moving.models import MovedItem
from balai.moving.opensid import Backup

SOURCE = "opensid"
MAX_ENTRY = 25 * 1024 * 1024
_MEDIA_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*["'])([^"']+)(["'])""", re.I)


def _readable(data: bytes) -> Any:
    """Bytes as the upload checks read them (a file with a size)."""
    return ContentFile(data)


class FolderProblem(ValueError):
    """The zip of the desa/ folder is refused; the message is for the admin."""


class DesaFolder:
    """The files of OpenSID's `desa/` folder, from its zip, by their path under `desa/`."""

    def __init__(self, handle: IO[bytes], *, max_entries: int, max_unpacked: int) -> None:
        try:
            self.zip = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise FolderProblem(_("Berkas folder desa bukan zip yang utuh.")) from exc
        infos = self.zip.infolist()
        if len(infos) > max_entries:
            raise FolderProblem(
                _("Zip folder desa berisi terlalu banyak berkas (%(n)s; batasnya %(max)s).")
                % {"n": len(infos), "max": max_entries}
            )
        unpacked = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if unpacked > max_unpacked or (unpacked > 20 * 1024**2 and unpacked / packed > 200):
            raise FolderProblem(
                _("Zip folder desa terlalu besar setelah dibuka; unggah folder desa yang asli.")
            )
        self.files: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename.replace("\\", "/")
            parts = name.split("/")
            if name.startswith("/") or ".." in parts or re.match(r"^[A-Za-z]:", name):
                raise FolderProblem(
                    _("Zip folder desa berisi jalur yang keluar dari foldernya: “%(name)s”.")
                    % {"name": name[:80]}
                )
            if info.is_dir() or info.flag_bits & 0x1:
                continue
            # "desa/upload/artikel/x.jpg" or "upload/artikel/x.jpg" (zipped from inside desa/)
            key = name[5:] if name.startswith("desa/") else name
            self.files[key] = info

    def read(self, path: str) -> bytes | None:
        info = self.files.get(path)
        if info is None or info.file_size > MAX_ENTRY:
            return None
        with self.zip.open(info) as entry:
            return entry.read(MAX_ENTRY + 1)[:MAX_ENTRY]

    def first(self, *paths: str) -> tuple[str, bytes] | None:
        for path in paths:
            data = self.read(path)
            if data is not None:
                return path, data
        return None


@dataclass
class Picture:
    """A picture to store at write time, or why it cannot be."""

    path: str
    data: bytes | None
    problem: str = ""


@dataclass
class ContentPlan:
    categories: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    pages: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    albums: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _text(value: Any) -> str:
    return str(value or "").strip()


def _when(value: Any) -> datetime | None:
    text = _text(value)
    if not text or text.startswith("0000"):
        return None
    try:
        moment = datetime.fromisoformat(text[:19])
    except ValueError:
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _picture(
    folder: DesaFolder | None, ref: RowRef, column: str, issues: Issues, *paths: str
) -> Picture | None:
    if not paths or not any(paths):
        return None
    if folder is None:
        issues.warn(
            ref,
            column,
            _("Gambar “%(f)s” tidak dipindahkan: zip folder desa tidak diunggah.")
            % {"f": posixpath.basename(paths[0])},
        )
        return None
    found = folder.first(*[p for p in paths if p])
    if found is None:
        issues.warn(
            ref,
            column,
            _("Gambar “%(f)s” tidak ada di zip folder desa.") % {"f": posixpath.basename(paths[0])},
        )
        return None
    path, data = found
    try:
        inspect_file(_readable(data), allowed=IMAGE_TYPES)
    except UploadError as error:
        issues.warn(
            ref,
            column,
            _("“%(f)s” dilewati: %(why)s") % {"f": posixpath.basename(path), "why": str(error)},
        )
        return None
    return Picture(path, data)


def _article_pictures(
    folder: DesaFolder | None, name: str, ref: RowRef, column: str, issues: Issues
) -> Picture | None:
    name = posixpath.basename(_text(name))
    if not name:
        return None
    return _picture(
        folder,
        ref,
        column,
        issues,
        f"upload/artikel/sedang_{name}",
        f"upload/artikel/kecil_{name}",
        f"upload/artikel/{name}",
    )


def _body_pictures(
    body: str, folder: DesaFolder | None, ref: RowRef, issues: Issues
) -> dict[str, Picture]:
    """src → picture for each image inside the body that lives in desa/upload/."""
    found: dict[str, Picture] = {}
    for match in _MEDIA_SRC.finditer(body):
        src = match.group(2)
        marker = src.find("/desa/")
        if marker < 0 or src in found:
            continue
        path = src[marker + len("/desa/") :].split("?", 1)[0]
        picture = _picture(folder, ref, "isi", issues, path)
        if picture is not None:
            found[src] = picture
    return found


def plan_content(backup: Backup, folder: DesaFolder | None, issues: Issues) -> ContentPlan:
    staged = backup.staged
    tables = staged.summary.tables
    plan = ContentPlan()
    if "kategori" in tables:
        for row in staged.rows("kategori"):
            plan.categories.append(
                {"id": str(row["id"]), "name": _text(row["kategori"])[:60] or "Kategori"}
            )
    authors: dict[Any, str] = {}
    if "user" in tables and "nama" in tables["user"].columns:
        # The display name only; nothing else of the operator accounts is read.
        authors = {
            r[0]: _text(r[1]) for r in staged.connection.execute("SELECT id, nama FROM user")
        }
    agenda: dict[Any, Any] = {}
    if "agenda" in tables:
        agenda = {r["id_artikel"]: r for r in staged.rows("agenda")}
    if "artikel" in tables:
        for row in staged.rows("artikel"):
            ref: RowRef = (3, "artikel", int(row["id"]))
            kind = _text(row["tipe"])
            body = str(row["isi"] or "")
            title = _text(row["judul"])[:160] or _("Tanpa judul")
            item = {
                "id": str(row["id"]),
                "title": title,
                "slug": _text(row["slug"])[:80],
                "body": body,
                "published": bool(row["enabled"]),
                "when": _when(row["tgl_upload"]),
                "ref": ref,
            }
            if kind == "statis":
                if "<img" in body:
                    issues.warn(
                        ref,
                        "isi",
                        _(
                            "Halaman Balai tidak memuat gambar; gambar di halaman ini tidak "
                            "dipindahkan."
                        ),
                    )
                plan.pages.append(item)
                continue
            if kind == "agenda":
                extra = agenda.get(row["id"])
                item["starts_at"] = (
                    _when(extra["tgl_agenda"]) if extra is not None else item["when"]
                )
                item["place"] = _text(extra["lokasi_kegiatan"])[:160] if extra is not None else ""
                item["organiser"] = (
                    _text(extra["koordinator_kegiatan"])[:120] if extra is not None else ""
                )
                plan.events.append(item)
                continue
            if kind != "dinamis":
                issues.warn(
                    ref, "tipe", _("Artikel jenis “%(t)s” tidak dipindahkan.") % {"t": kind}
                )
                continue
            item["category"] = str(row["id_kategori"]) if row["id_kategori"] else None
            item["author"] = authors.get(row["id_user"], "")[:120]
            item["pinned"] = bool(row["headline"])
            item["lead"] = _article_pictures(folder, row["gambar"], ref, "gambar", issues)
            item["extra"] = [
                p
                for column in ("gambar1", "gambar2", "gambar3")
                if column in row.keys()
                for p in [_article_pictures(folder, row[column], ref, column, issues)]
                if p is not None
            ]
            item["inline"] = _body_pictures(body, folder, ref, issues)
            item["document"] = None
            if row["dokumen"]:
                name = posixpath.basename(_text(row["dokumen"]))
                data = folder.read(f"upload/dokumen/{name}") if folder else None
                if data is None:
                    issues.warn(
                        ref,
                        "dokumen",
                        _("Lampiran “%(f)s” tidak ada di zip folder desa.") % {"f": name},
                    )
                else:
                    try:
                        found = inspect_file(_readable(data), allowed={PDF.mime})
                    except UploadError as error:
                        issues.warn(
                            ref,
                            "dokumen",
                            _("Lampiran “%(f)s” dilewati: %(why)s")
                            % {"f": name, "why": str(error)},
                        )
                    else:
                        del found
                        item["document"] = (data, _text(row["link_dokumen"])[:200] or name)
            plan.articles.append(item)
    if "komentar" in tables:
        known = {a["id"] for a in plan.articles}
        for row in staged.rows("komentar"):
            ref = (4, "komentar", int(row["id"]))
            if str(row["id_artikel"]) not in known:
                issues.warn(
                    ref, "id_artikel", _("Komentar untuk artikel yang tidak dipindahkan; dilewati.")
                )
                continue
            plan.comments.append(
                {
                    "id": str(row["id"]),
                    "article": str(row["id_artikel"]),
                    "name": _text(row["owner"])[:80] or _("Warga"),
                    "contact": (_text(row["email"]) or _text(row["no_hp"]))[:120],
                    "body": _unescape(_text(row["komentar"]))[:2000],
                    "approved": row["status"] == 1,
                    "when": _when(row["tgl_upload"]),
                }
            )
    if "gambar_gallery" in tables:
        rows = list(staged.rows("gambar_gallery"))
        for album in (r for r in rows if not r["parrent"]):
            ref = (5, "gambar_gallery", int(album["id"]))
            photos = []
            cover = _gallery_picture(folder, album, ref, issues)
            if cover is not None:
                photos.append((cover, _text(album["nama"])[:200]))
            for photo in sorted(
                (r for r in rows if r["parrent"] == album["id"]),
                key=lambda r: (r["urut"] or 0, r["id"]),
            ):
                picture = _gallery_picture(
                    folder, photo, (5, "gambar_gallery", int(photo["id"])), issues
                )
                if picture is not None:
                    photos.append((picture, _text(photo["nama"])[:200]))
            plan.albums.append(
                {
                    "id": str(album["id"]),
                    "title": _text(album["nama"])[:160] or _("Album"),
                    "photos": photos,
                    "published": bool(album["enabled"]),
                }
            )
    plan.counts = {
        "categories": len(plan.categories),
        "articles": len(plan.articles),
        "published": sum(1 for a in plan.articles if a["published"]),
        "comments": len(plan.comments),
        "pages": len(plan.pages),
        "events": len(plan.events),
        "albums": len(plan.albums),
        "photos": sum(len(a["photos"]) for a in plan.albums),
        "images": sum(
            (1 if a["lead"] else 0) + len(a["extra"]) + len(a["inline"]) for a in plan.articles
        ),
    }
    return plan


def _gallery_picture(
    folder: DesaFolder | None, row: Any, ref: RowRef, issues: Issues
) -> Picture | None:
    if row["jenis"] not in (None, 1, "1"):
        issues.warn(ref, "jenis", _("Foto galeri berupa tautan luar tidak dipindahkan."))
        return None
    name = posixpath.basename(_text(row["gambar"]))
    if not name:
        return None
    return _picture(
        folder,
        ref,
        "gambar",
        issues,
        f"upload/galeri/sedang_{name}",
        f"upload/galeri/kecil_{name}",
        f"upload/galeri/{name}",
    )


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def old_paths(article: dict[str, Any], kind: str) -> Iterator[str]:
    """The addresses the item had on the OpenSID site (theme natra and the classic ones)."""
    ident, slug, when = article["id"], article["slug"], article["when"]
    for prefix in ("", "/index.php"):
        yield f"{prefix}/first/artikel/{ident}"
        yield f"{prefix}/artikel/{ident}"
        if slug and when is not None:
            yield f"{prefix}/artikel/{when:%Y/%m/%d}/{slug}"
        if kind == "page" and slug:
            yield f"{prefix}/artikel/{slug}"


def moved_ids(village: Any, kind: str) -> dict[str, int]:
    return dict(
        MovedItem.objects.for_village(village)
        .filter(source=SOURCE, kind=kind)
        .values_list("source_id", "object_id")
    )


class Stored:
    """Files saved during a write, deleted again if the write fails."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def image(self, village: Any, picture: Picture, alt: str) -> Any:
        from balai.news.images import image_create

        image = image_create(village=village, upload=io.BytesIO(picture.data or b""), alt=alt[:200])
        self.names.append(image.file.name or "")
        return image

    def pdf(self, data: bytes) -> str:
        name = default_storage.save(
            random_upload_name("berita/lampiran", "lampiran.pdf"), ContentFile(data)
        )
        self.names.append(name)
        return name

    def discard(self) -> None:
        for name in self.names:
            try:
                default_storage.delete(name)
            except OSError:
                pass


def _body_with_pictures(village: Any, article: dict[str, Any], stored: Stored) -> str:
    body = article["body"]
    inline = article["inline"]
    if inline:
        urls = {
            src: stored.image(village, picture, article["title"]).file.url
            for src, picture in inline.items()
        }
        body = _MEDIA_SRC.sub(lambda m: f"{m[1]}{urls.get(m[2], m[2])}{m[3]}", body)
    for picture in article["extra"]:
        image = stored.image(village, picture, article["title"])
        body += f'<p><img src="{image.file.url}" alt="{escape(article["title"])}"></p>'
    if article["document"]:
        data, label = article["document"]
        url = default_storage.url(stored.pdf(data))
        body += f'<p><a href="{url}">{escape(label)}</a> (PDF)</p>'
    return body


def write_content(village: Any, plan: ContentPlan, user: Any, stored: Stored) -> dict[str, int]:
    """Inside the caller's transaction; files saved go into `stored`."""
    from balai.moving.models import OldAddress
    from balai.news.models import Album, AlbumPhoto, Article, Category, Comment, Event
    from balai.news.services import article_save, slug_derive
    from balai.villages.models import Page

    written = {"articles": 0, "comments": 0, "pages": 0, "events": 0, "albums": 0, "updated": 0}
    done = moved_ids(village, "kategori")
    categories: dict[str, int] = {}
    for category in plan.categories:
        if category["id"] in done:
            categories[category["id"]] = done[category["id"]]
            continue
        existing = (
            Category.objects.for_village(village).filter(name__iexact=category["name"]).first()
        )
        if existing is None:
            existing = Category.objects.create(
                village=village,
                name=category["name"],
                slug=slug_derive(village=village, title=category["name"], model=Category),
            )
        categories[category["id"]] = existing.pk
        _remember_one(village, "kategori", category["id"], existing.pk)
    done = moved_ids(village, "artikel")
    articles: dict[str, Any] = {}
    for item in plan.articles:
        status = Article.Status.PUBLISHED if item["published"] else Article.Status.DRAFT
        if item["id"] in done:
            article = Article.objects.for_village(village).filter(pk=done[item["id"]]).first()
            if article is not None:
                articles[item["id"]] = article
                if (article.title, article.status) != (item["title"], status):
                    article.title, article.status = item["title"], status
                    article.save(update_fields=["title", "status"])
                    written["updated"] += 1
                continue
        article = Article(
            village=village,
            title=item["title"],
            body=_body_with_pictures(village, item, stored),
            category_id=categories.get(item["category"]) if item["category"] else None,
            author_name=item["author"] or _("Admin desa"),
            status=status,
            publish_at=item["when"] or timezone.now(),
            is_pinned=item["pinned"],
        )
        if item["lead"] is not None:
            article.lead_image = stored.image(village, item["lead"], item["title"])
        article_save(village=village, article=article, actor=None, reviewed=True)
        if item["when"] is not None:
            Article.objects.filter(pk=article.pk).update(created_at=item["when"])
        articles[item["id"]] = article
        _remember_one(village, "artikel", item["id"], article.pk)
        _addresses(village, OldAddress, item, "article", article.pk)
        written["articles"] += 1
    done = moved_ids(village, "komentar")
    for item in plan.comments:
        if item["id"] in done or item["article"] not in articles:
            continue
        comment = Comment.objects.create(
            village=village,
            article=articles[item["article"]],
            name=item["name"],
            contact=item["contact"],
            body=item["body"],
            status=Comment.Status.APPROVED if item["approved"] else Comment.Status.PENDING,
        )
        if item["when"] is not None:
            Comment.objects.filter(pk=comment.pk).update(created_at=item["when"])
        _remember_one(village, "komentar", item["id"], comment.pk)
        written["comments"] += 1
    done = moved_ids(village, "halaman")
    for item in plan.pages:
        if item["id"] in done:
            continue
        slug = item["slug"] or slug_derive(village=village, title=item["title"], model=Page)
        if Page.objects.for_village(village).filter(slug=slug).exists():
            slug = slug_derive(village=village, title=item["title"], model=Page)
        page = Page.objects.create(
            village=village,
            title=item["title"],
            slug=slug[:80],
            body=item["body"],
            is_published=item["published"],
        )
        _remember_one(village, "halaman", item["id"], page.pk)
        _addresses(village, OldAddress, item, "page", page.pk)
        written["pages"] += 1
    done = moved_ids(village, "agenda")
    for item in plan.events:
        if item["id"] in done or item["starts_at"] is None:
            continue
        from balai.villages.richtext import clean_html

        description = re.sub(r"<[^>]+>", " ", clean_html(item["body"]))
        event = Event.objects.create(
            village=village,
            title=item["title"],
            starts_at=item["starts_at"],
            place=item["place"] or "-",
            organiser=item["organiser"],
            description=" ".join(description.split())[:4000],
        )
        _remember_one(village, "agenda", item["id"], event.pk)
        written["events"] += 1
    done = moved_ids(village, "galeri")
    for item in plan.albums:
        if item["id"] in done:
            continue
        album = Album.objects.create(
            village=village,
            title=item["title"],
            slug=slug_derive(village=village, title=item["title"], model=Album),
        )
        for order, (picture, caption) in enumerate(item["photos"]):
            AlbumPhoto.objects.create(
                album=album,
                image=stored.image(village, picture, caption or item["title"]),
                caption=caption,
                order=order,
            )
        _remember_one(village, "galeri", item["id"], album.pk)
        written["albums"] += 1
    return written


def _remember_one(village: Any, kind: str, source_id: str, object_id: int) -> None:
    MovedItem.objects.update_or_create(
        village=village,
        source=SOURCE,
        kind=kind,
        source_id=source_id,
        defaults={"object_id": object_id},
    )


def _addresses(village: Any, model: Any, item: dict[str, Any], kind: str, object_id: int) -> None:
    """The item's old addresses, in two queries whatever their number."""
    paths = list(dict.fromkeys(p[:300] for p in old_paths(item, kind)))
    known = dict(
        model.objects.for_village(village).filter(path__in=paths).values_list("path", "pk")
    )
    model.objects.bulk_create(
        [
            model(village=village, path=p, kind=kind, object_id=object_id)
            for p in paths
            if p not in known
        ]
    )
    if known:
        model.objects.filter(pk__in=known.values()).update(kind=kind, object_id=object_id)
