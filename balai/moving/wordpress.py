"""Moving in from WordPress: the WXR file of Tools → Export ("Semua konten"), with the zip of
`wp-content/uploads/` beside it (optional).

Reading: the file is streamed through expat (what ElementTree's iterparse uses), one item kept
at a time, and refused outright when it declares a DOCTYPE or an entity: a WordPress export never
does, and entity expansion is how an XML file turns a few kilobytes into gigabytes ("billion
laughs"). The file size (the import limit) and the number of items are capped.

What moves: posts (categories, tags, date, author's display name, featured image, images
inside the text), pages (into `villages.Page`), approved comments. Status publish → published,
future → published at its date (Balai's scheduled article), draft/pending/private → draft.
Pictures come from the uploads zip only, checked by their bytes and re-encoded; nothing is
fetched from the old site, and a picture missing from the zip is a line in the report (its
`<img>` is taken out rather than left pointing at the old site). `[caption]` shortcodes keep
their picture and text; other shortcodes are removed, and the report says which.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any, NoReturn
from urllib.parse import parse_qs, urlsplit
from xml.parsers import expat

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.lib.uploads import IMAGE_TYPES, UploadError, inspect_file
from balai.moving.content import DesaFolder, Picture, Stored, _readable
from balai.moving.models import MovedItem

SOURCE = "wordpress"
MAX_ITEMS = 20_000
CHUNK = 64 * 1024
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
WXR_NAMESPACE = re.compile(r"^http://wordpress\.org/export/1\.[0-9]+/(excerpt/)?$")
# Kept in memory per item; everything else an item holds is skipped as it streams by.
ITEM_FIELDS = frozenset(
    {
        "title",
        "link",
        "dc:creator",
        "content:encoded",
        "excerpt:encoded",
        "wp:post_id",
        "wp:post_date",
        "wp:post_date_gmt",
        "wp:post_name",
        "wp:status",
        "wp:post_parent",
        "wp:post_type",
        "wp:attachment_url",
        "wp:is_sticky",
        "wp:post_password",
    }
)
KEPT_TYPES = ("post", "page", "attachment")
CONTAINERS = frozenset({"rss", "channel", "item", "wp:postmeta", "wp:comment"})
UNCATEGORISED = frozenset({"uncategorized", "tak-berkategori", "tidak-berkategori"})


class WxrProblem(ValueError):
    """The file is refused; the message is for the admin."""


@dataclass
class Wxr:
    version: str = ""
    site: str = ""
    title: str = ""
    authors: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)
    skipped_types: dict[str, int] = field(default_factory=dict)


def _name(raw: str) -> str:
    """'http://wordpress.org/export/1.2/ post_id' → 'wp:post_id'; 'title' → 'title'."""
    uri, _sep, local = raw.rpartition(" ")
    if not uri:
        return local
    found = WXR_NAMESPACE.match(uri)
    if found:
        return f"excerpt:{local}" if found.group(1) else f"wp:{local}"
    prefix = NAMESPACES.get(uri)
    return f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


def read_wxr(handle: IO[bytes], *, max_items: int = MAX_ITEMS) -> Wxr:
    """The export's authors, terms and items, streamed. Raises WxrProblem."""
    wxr = Wxr()
    stack: list[str] = []
    texts: list[list[str]] = []
    state: dict[str, Any] = {"item": None, "block": None, "root": False, "count": 0}

    def refuse_declarations(*_args: Any) -> NoReturn:
        raise WxrProblem(
            _(
                "Berkas ini memuat deklarasi DOCTYPE atau ENTITY. Ekspor WordPress tidak pernah "
                "memuatnya, dan berkas seperti ini bisa dipakai untuk melumpuhkan server; "
                "berkas ditolak. Ekspor ulang dari WordPress (Alat → Ekspor)."
            )
        )

    def start(raw: str, attrs: dict[str, str]) -> None:
        name = _name(raw)
        if not state["root"]:
            if name != "rss":
                raise WxrProblem(not_wxr_message())
            state["root"] = True
        parent = stack[-1] if stack else ""
        stack.append(name)
        texts.append([])
        if name == "item" and parent == "channel":
            state["count"] += 1
            if state["count"] > max_items:
                raise WxrProblem(
                    _("Berkas berisi lebih dari %(n)s tulisan; ekspor per jenis atau per tahun.")
                    % {"n": f"{max_items:,}".replace(",", ".")}
                )
            state["item"] = {"terms": [], "meta": {}, "comments": []}
        elif name in ("wp:postmeta", "wp:comment", "wp:author", "wp:category", "wp:tag") and (
            parent in ("item", "channel")
        ):
            state["block"] = {}
        elif name == "category" and parent == "item":
            state["attrs"] = (attrs.get("domain", ""), attrs.get("nicename", ""))

    def text(data: str) -> None:
        if texts and stack[-1] not in CONTAINERS:  # whitespace between items is not kept
            texts[-1].append(data)

    def end(raw: str) -> None:
        name = stack.pop()
        value = "".join(texts.pop())
        parent = stack[-1] if stack else ""
        item, block = state["item"], state["block"]
        if parent == "item" and item is not None:
            if name == "category":
                domain, nicename = state.pop("attrs", ("", ""))
                item["terms"].append((domain, nicename, value.strip()))
            elif name == "wp:postmeta" and block is not None:
                item["meta"][block.get("wp:meta_key", "")] = block.get("wp:meta_value", "")
                state["block"] = None
            elif name == "wp:comment" and block is not None:
                item["comments"].append(block)
                state["block"] = None
            elif name in ITEM_FIELDS:
                item.setdefault(name, value)
        elif parent in ("wp:postmeta", "wp:comment", "wp:author", "wp:category", "wp:tag"):
            if block is not None and len(stack) >= 2:
                block.setdefault(name, value)
        elif name == "item" and parent == "channel" and item is not None:
            kind = item.get("wp:post_type", "").strip()
            if kind in KEPT_TYPES:
                wxr.items.append(item)
            else:  # menus, custom types of plugins, revisions…
                wxr.skipped_types[kind] = wxr.skipped_types.get(kind, 0) + 1
            state["item"] = None
        elif parent == "channel" and block is not None:
            if name == "wp:author":
                login = block.get("wp:author_login", "").strip()
                display = block.get("wp:author_display_name", "").strip()
                wxr.authors[login] = display or login
            elif name == "wp:category":
                slug = block.get("wp:category_nicename", "").strip()
                wxr.categories[slug] = block.get("wp:cat_name", "").strip() or slug
            elif name == "wp:tag":
                slug = block.get("wp:tag_slug", "").strip()
                wxr.tags[slug] = block.get("wp:tag_name", "").strip() or slug
            state["block"] = None
        elif parent == "channel":
            if name == "wp:wxr_version":
                wxr.version = value.strip()
            elif name == "wp:base_blog_url" or (name == "link" and not wxr.site):
                wxr.site = value.strip()
            elif name == "title":
                wxr.title = value.strip()

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse_declarations
    parser.EntityDeclHandler = refuse_declarations
    parser.ExternalEntityRefHandler = refuse_declarations
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.buffer_text = True
    try:
        while chunk := handle.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        line = getattr(error, "lineno", "?")
        if not state["root"]:
            raise WxrProblem(not_wxr_message()) from error
        raise WxrProblem(
            _(
                "Berkas ekspor WordPress rusak atau terpotong di sekitar baris %(line)s. "
                "Ekspor ulang dari WordPress, lalu unggah lagi."
            )
            % {"line": line}
        ) from error
    if not wxr.version:
        raise WxrProblem(not_wxr_message())
    return wxr


def not_wxr_message() -> str:
    return _(
        "Berkas ini bukan ekspor WordPress (WXR). Di WordPress, buka Alat → Ekspor, pilih "
        "“Semua konten”, unduh berkas .xml-nya, lalu unggah berkas itu di sini."
    )


# --- What the items become -------------------------------------------------------------------

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.I)
_CAPTION = re.compile(r"\[(caption|wp_caption)\b[^\]]*\](.*?)\[/\1\]", re.I | re.S)
_ENCLOSED = re.compile(r"\[([a-zA-Z][\w-]*)\b[^\]]*\](.*?)\[/\1\]", re.S)
_SHORTCODE = re.compile(
    r"\[(gallery|embed|audio|video|playlist|contact-form-7|wpforms|"
    r"[a-zA-Z][\w-]*(?=\s+[\w-]+=))\b[^\]]*\]"
)
_SIZED = re.compile(r"-\d+x\d+(\.\w+)$")
_BLOCK_TAG = re.compile(r"<(p|div|h[1-6]|ul|ol|table|blockquote|figure)\b", re.I)


def _clean_shortcodes(body: str) -> tuple[str, list[str]]:
    removed: list[str] = []
    body = _CAPTION.sub(lambda m: m.group(2), body)

    def enclosed(match: re.Match[str]) -> str:
        removed.append(match.group(1))
        return match.group(2)

    body = _ENCLOSED.sub(enclosed, body)

    def single(match: re.Match[str]) -> str:
        removed.append(match.group(1))
        return ""

    body = _SHORTCODE.sub(single, body)
    return body, sorted(set(removed))


def _paragraphs(body: str) -> str:
    """WordPress's classic editor keeps paragraphs as blank lines (wpautop adds <p> on show)."""
    if _BLOCK_TAG.search(body):
        return body
    parts = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in parts)


def uploads_path(url: str) -> str | None:
    """'https://x.desa.id/wp-content/uploads/2024/03/a.jpg' → '2024/03/a.jpg'."""
    marker = url.find("/wp-content/uploads/")
    if marker < 0:
        return None
    path = urlsplit(url[marker + len("/wp-content/uploads/") :]).path
    return path.strip("/") or None


def _picture(
    folder: DesaFolder | None, path: str, ref: RowRef, column: str, issues: Issues
) -> Picture | None:
    name = path.rsplit("/", 1)[-1]
    if folder is None:
        issues.warn(
            ref,
            column,
            _("Gambar “%(f)s” tidak dipindahkan: zip folder uploads tidak diunggah.") % {"f": name},
        )
        return None
    candidates = [path]
    original = _SIZED.sub(r"\1", path)  # a resized copy: the original serves as well
    if original != path:
        candidates.append(original)
    found = folder.first(
        *[f"{prefix}{p}" for p in candidates for prefix in ("wp-content/uploads/", "uploads/", "")]
    )
    if found is None:
        issues.warn(ref, column, _("Gambar “%(f)s” tidak ada di zip folder uploads.") % {"f": name})
        return None
    try:
        inspect_file(_readable(found[1]), allowed=IMAGE_TYPES)
    except UploadError as error:
        issues.warn(ref, column, _("“%(f)s” dilewati: %(why)s") % {"f": name, "why": str(error)})
        return None
    return Picture(found[0], found[1])


def _when(item: dict[str, Any]) -> datetime | None:
    gmt = item.get("wp:post_date_gmt", "").strip()
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.fromisoformat(gmt[:19]).replace(tzinfo=UTC)
        except ValueError:
            pass
    local = item.get("wp:post_date", "").strip()
    if local and not local.startswith("0000"):
        try:
            return timezone.make_aware(datetime.fromisoformat(local[:19]))
        except ValueError:
            return None
    return None


def _local_date(item: dict[str, Any]) -> datetime | None:
    """The date in the site's own time, as WordPress builds its permalinks from it."""
    local = item.get("wp:post_date", "").strip()
    if local and not local.startswith("0000"):
        try:
            return datetime.fromisoformat(local[:19])
        except ValueError:
            return None
    return None


def old_paths(item: dict[str, Any]) -> Iterator[str]:
    """The addresses the item had on the WordPress site: ?p= / ?page_id=, its permalink, and
    the date-based permalinks (day and name, month and name)."""
    ident = item["id"]
    yield f"/?page_id={ident}" if item["kind"] == "page" else f"/?p={ident}"
    link = urlsplit(item.get("link", ""))
    query = parse_qs(link.query)
    if link.path.strip("/"):
        yield "/" + link.path.strip("/")
    elif query.get("p") or query.get("page_id"):
        key = "page_id" if query.get("page_id") else "p"
        yield f"/?{key}={query[key][0]}"
    when, slug = item.get("local"), item.get("slug")
    if item["kind"] == "post" and when is not None and slug:
        yield f"/{when:%Y/%m/%d}/{slug}"
        yield f"/{when:%Y/%m}/{slug}"


@dataclass
class WordPressPlan:
    wxr: Wxr
    categories: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    posts: list[dict[str, Any]] = field(default_factory=list)
    pages: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    shortcodes: list[str] = field(default_factory=list)
    not_moved: dict[str, int] = field(default_factory=dict)


STATUS_PUBLISHED = "publish"


def plan_wordpress(wxr: Wxr, folder: DesaFolder | None, issues: Issues) -> WordPressPlan:
    plan = WordPressPlan(wxr=wxr)
    attachments = {
        i.get("wp:post_id", "").strip(): i.get("wp:attachment_url", "").strip()
        for i in wxr.items
        if i.get("wp:post_type") == "attachment"
    }
    shortcodes: set[str] = set()
    not_moved = {"comments_pending": 0, "comments_spam": 0, "comments_other": 0}
    for raw in wxr.items:
        kind = raw.get("wp:post_type", "").strip()
        if kind == "attachment":
            continue
        ident = raw.get("wp:post_id", "").strip()
        if not ident.isdigit():
            continue
        number = int(ident)
        ref: RowRef = (1 if kind == "post" else 2, "post" if kind == "post" else "page", number)
        status = raw.get("wp:status", "").strip()
        if status in ("trash", "auto-draft", "inherit"):
            issues.warn(ref, "status", _("Berstatus “%(s)s”; tidak dipindahkan.") % {"s": status})
            continue
        if raw.get("wp:post_password", "").strip() and status in ("publish", "future"):
            status = "draft"  # protected by a password on WordPress: not made public here
            issues.warn(
                ref,
                "status",
                _("Dilindungi kata sandi di WordPress; dipindahkan sebagai draf (tidak tampil)."),
            )
        title = html.unescape(raw.get("title", "").strip())[:160] or _("Tanpa judul")
        body, removed = _clean_shortcodes(raw.get("content:encoded", ""))
        if removed:
            shortcodes.update(removed)
            issues.warn(
                ref,
                "isi",
                _("Kode pendek WordPress dihapus: %(names)s.")
                % {"names": ", ".join(f"[{n}]" for n in removed)},
            )
        item: dict[str, Any] = {
            "id": ident,
            "kind": kind,
            "ref": ref,
            "title": title,
            "slug": raw.get("wp:post_name", "").strip()[:80],
            "link": raw.get("link", "").strip(),
            "when": _when(raw),
            "local": _local_date(raw),
            "status": status,
        }
        if kind == "page":
            if "<img" in body.lower():
                issues.warn(
                    ref,
                    "isi",
                    _(
                        "Halaman Balai tidak memuat gambar; gambar di halaman ini tidak "
                        "dipindahkan."
                    ),
                )
                body = _IMG.sub("", body)
            item["body"] = _paragraphs(body)
            plan.pages.append(item)
            continue
        item["author"] = (
            wxr.authors.get(raw.get("dc:creator", "").strip(), "").strip()[:120]
            or (raw.get("dc:creator", "").strip()[:120])
        )
        categories = [n for d, n, _v in raw["terms"] if d == "category" and n]
        for domain, nicename, label in raw["terms"]:
            if domain == "category" and nicename:
                plan.categories.setdefault(nicename, wxr.categories.get(nicename) or label)
            elif domain == "post_tag" and nicename:
                plan.tags.setdefault(nicename, wxr.tags.get(nicename) or label)
        usable = [c for c in categories if c not in UNCATEGORISED]
        item["category"] = usable[0] if usable else None
        # Balai keeps one category per article: the others become tags.
        item["tags"] = [n for d, n, _v in raw["terms"] if d == "post_tag" and n]
        item["extra_categories"] = usable[1:]
        item["pinned"] = raw.get("wp:is_sticky", "0").strip() == "1"
        thumb = raw["meta"].get("_thumbnail_id", "").strip()
        item["lead"] = None
        if thumb:
            url = attachments.get(thumb, "")
            path = uploads_path(url)
            if path is None:
                issues.warn(
                    ref, "gambar utama", _("Gambar utama tidak ditemukan di ekspor; dilewati.")
                )
            else:
                item["lead"] = _picture(folder, path, ref, "gambar utama", issues)
        inline: dict[str, Picture | None] = {}
        for tag in _IMG.findall(body):
            src_match = _SRC.search(tag)
            if src_match is None:
                continue
            src = html.unescape(src_match.group(1))
            path = uploads_path(src)
            if path is None or src in inline:
                continue
            inline[src] = _picture(folder, path, ref, "isi", issues)
        item["inline"] = inline
        item["body"] = _paragraphs(body)
        item["comments"] = []
        for comment in raw["comments"]:
            approved = comment.get("wp:comment_approved", "").strip()
            cref: RowRef = (3, "comment", int(comment.get("wp:comment_id", "0") or 0))
            ctype = comment.get("wp:comment_type", "").strip()
            if ctype not in ("", "comment"):
                not_moved["comments_other"] += 1
                issues.warn(cref, "jenis", _("Pingback/trackback; tidak dipindahkan."))
            elif approved == "1":
                item["comments"].append(
                    {
                        "id": comment.get("wp:comment_id", "").strip(),
                        "name": comment.get("wp:comment_author", "").strip()[:80] or _("Warga"),
                        "contact": comment.get("wp:comment_author_email", "").strip()[:120],
                        "body": html.unescape(
                            re.sub(r"<[^>]+>", "", comment.get("wp:comment_content", ""))
                        ).strip()[:2000],
                        "when": _when(
                            {
                                "wp:post_date_gmt": comment.get("wp:comment_date_gmt", ""),
                                "wp:post_date": comment.get("wp:comment_date", ""),
                            }
                        ),
                    }
                )
            elif approved == "spam":
                not_moved["comments_spam"] += 1
                issues.warn(cref, "status", _("Komentar spam; tidak dipindahkan."))
            else:
                not_moved["comments_pending"] += 1
                issues.warn(
                    cref, "status", _("Komentar belum disetujui di WordPress; tidak dipindahkan.")
                )
        plan.posts.append(item)
    plan.shortcodes = sorted(shortcodes)
    plan.not_moved = not_moved
    plan.counts = {
        "posts": len(plan.posts),
        "published": sum(1 for p in plan.posts if p["status"] in ("publish", "future")),
        "drafts": sum(1 for p in plan.posts if p["status"] not in ("publish", "future")),
        "pages": len(plan.pages),
        "categories": len(plan.categories),
        "tags": len(plan.tags),
        "comments": sum(len(p["comments"]) for p in plan.posts),
        "images": sum(
            (1 if p["lead"] else 0) + sum(1 for v in p["inline"].values() if v) for p in plan.posts
        ),
        "attachments": len(attachments),
    }
    return plan


def moved_ids(village: Any, kind: str) -> dict[str, int]:
    return dict(
        MovedItem.objects.for_village(village)
        .filter(source=SOURCE, kind=kind)
        .values_list("source_id", "object_id")
    )


def new_counts(village: Any, plan: WordPressPlan) -> tuple[int, int]:
    """(items to add, items already moved) over posts, pages and comments."""
    posts, pages = moved_ids(village, "post"), moved_ids(village, "page")
    comments = moved_ids(village, "comment")
    done = sum(1 for p in plan.posts if p["id"] in posts)
    done += sum(1 for p in plan.pages if p["id"] in pages)
    done += sum(1 for p in plan.posts for c in p["comments"] if c["id"] in comments)
    total = len(plan.posts) + len(plan.pages) + plan.counts["comments"]
    return total - done, done


def _body(village: Any, item: dict[str, Any], stored: Stored) -> str:
    urls: dict[str, str] = {}
    for src, picture in item["inline"].items():
        if picture is not None:
            urls[src] = stored.image(village, picture, item["title"]).file.url

    def swap(match: re.Match[str]) -> str:
        tag = match.group(0)
        src_match = _SRC.search(tag)
        if src_match is None:
            return tag
        src = html.unescape(src_match.group(1))
        if uploads_path(src) is None:
            return tag
        if src not in urls:
            return ""  # missing from the zip: not left pointing at the old site
        alt = re.search(r"""\balt\s*=\s*["']([^"']*)["']""", tag, re.I)
        label = alt.group(1) if alt else escape(item["title"])
        return f'<img src="{urls[src]}" alt="{label}">'

    return _IMG.sub(swap, item["body"])


def write_wordpress(village: Any, plan: WordPressPlan, user: Any, stored: Stored) -> dict[str, int]:
    """Inside the caller's transaction; files saved go into `stored`."""
    from balai.moving.models import OldAddress
    from balai.news.models import Article, Category, Comment, Tag
    from balai.news.services import article_save, slug_derive
    from balai.villages.models import Page

    written = {"posts": 0, "pages": 0, "comments": 0, "unchanged": 0}
    categories: dict[str, int] = {}
    done = moved_ids(village, "category")
    for slug, name in plan.categories.items():
        if slug in UNCATEGORISED:
            continue
        if slug in done:
            categories[slug] = done[slug]
            continue
        name = html.unescape(name)[:60] or slug[:60]
        found = Category.objects.for_village(village).filter(name__iexact=name).first()
        if found is None:
            found = Category.objects.create(
                village=village,
                name=name,
                slug=slug_derive(village=village, title=name, model=Category),
            )
        categories[slug] = found.pk
        _remember(village, "category", slug, found.pk)
    tags: dict[str, Any] = {}
    done = moved_ids(village, "tag")
    wanted = set(plan.tags) | {c for p in plan.posts for c in p["extra_categories"]}
    for slug in sorted(wanted):
        name = html.unescape(plan.tags.get(slug) or plan.categories.get(slug) or slug)[:40]
        tag_slug = (slugify(slug) or slugify(name) or "label")[:50]
        tag = None
        if slug in done:
            tag = Tag.objects.for_village(village).filter(pk=done[slug]).first()
        if tag is None:
            tag, _created = Tag.objects.get_or_create(
                village=village, slug=tag_slug, defaults={"name": name}
            )
            _remember(village, "tag", slug, tag.pk)
        tags[slug] = tag
    done = moved_ids(village, "post")
    comments_done = moved_ids(village, "comment")
    now = timezone.now()
    for item in plan.posts:
        article = None
        if item["id"] in done:
            article = Article.objects.for_village(village).filter(pk=done[item["id"]]).first()
        if article is None:
            status = (
                Article.Status.PUBLISHED
                if item["status"] in ("publish", "future")
                else Article.Status.DRAFT
            )
            article = Article(
                village=village,
                title=item["title"],
                body=_body(village, item, stored),
                category_id=categories.get(item["category"] or ""),
                author_name=item["author"] or _("Admin desa"),
                status=status,
                publish_at=item["when"] or now,
                is_pinned=item["pinned"],
                is_announced=status == Article.Status.PUBLISHED and (item["when"] or now) <= now,
            )
            if item["lead"] is not None:
                article.lead_image = stored.image(village, item["lead"], item["title"])
            chosen = [tags[s] for s in [*item["tags"], *item["extra_categories"]] if s in tags]
            article_save(village=village, article=article, actor=None, tags=chosen, reviewed=True)
            if item["when"] is not None:
                Article.objects.filter(pk=article.pk).update(created_at=item["when"])
            _remember(village, "post", item["id"], article.pk)
            written["posts"] += 1
        else:
            written["unchanged"] += 1
        _addresses(village, OldAddress, item, OldAddress.Kind.ARTICLE, article.pk)
        for comment in item["comments"]:
            if comment["id"] in comments_done:
                written["unchanged"] += 1
                continue
            made = Comment.objects.create(
                village=village,
                article=article,
                name=comment["name"],
                contact=comment["contact"],
                body=comment["body"] or "-",
                status=Comment.Status.APPROVED,
            )
            if comment["when"] is not None:
                Comment.objects.filter(pk=made.pk).update(created_at=comment["when"])
            _remember(village, "comment", comment["id"], made.pk)
            written["comments"] += 1
    done = moved_ids(village, "page")
    for item in plan.pages:
        page = None
        if item["id"] in done:
            page = Page.objects.for_village(village).filter(pk=done[item["id"]]).first()
        if page is None:
            slug = slugify(item["slug"])[:80] or slug_derive(
                village=village, title=item["title"], model=Page
            )
            if Page.objects.for_village(village).filter(slug=slug).exists():
                slug = slug_derive(village=village, title=item["title"], model=Page)[:80]
            page = Page.objects.create(
                village=village,
                title=item["title"],
                slug=slug,
                body=item["body"],
                is_published=item["status"] == STATUS_PUBLISHED,
            )
            _remember(village, "page", item["id"], page.pk)
            written["pages"] += 1
        else:
            written["unchanged"] += 1
        _addresses(village, OldAddress, item, OldAddress.Kind.PAGE, page.pk)
    return written


def _remember(village: Any, kind: str, source_id: str, object_id: int) -> None:
    MovedItem.objects.update_or_create(
        village=village,
        source=SOURCE,
        kind=kind,
        source_id=source_id[:40],
        defaults={"object_id": object_id},
    )


def _addresses(village: Any, model: Any, item: dict[str, Any], kind: str, object_id: int) -> None:
    for path in dict.fromkeys(old_paths(item)):
        model.objects.update_or_create(
            village=village, path=path[:300], defaults={"kind": kind, "object_id": object_id}
        )
