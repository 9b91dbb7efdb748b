"""Demo news for the live demo villages: categories, stories with photos, comments, a
submission waiting in Dagan, events and albums. Deterministic from `rng`; fast (bulk_create).

The demo photos are drawn once (a few landscapes in different colours) and shared by every
village's Image rows, so `demo_clear` deletes rows, never those files.
"""

from __future__ import annotations

import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw

from balai.lib.storage import fixed_name
from balai.news import demo_text as text
from balai.news.models import (
    Album,
    AlbumPhoto,
    Article,
    ArticleRevision,
    Category,
    Comment,
    Event,
    Image,
    NewsSettings,
    Submission,
    Tag,
)
from balai.news.richtext import article_body_html
from balai.news.search import article_index_many, article_unindex, plain_text

PALETTES = [
    ((135, 190, 230), (70, 140, 60)),
    ((250, 200, 140), (120, 150, 60)),
    ((180, 210, 240), (40, 110, 90)),
    ((200, 220, 250), (150, 120, 70)),
    ((245, 175, 120), (90, 130, 50)),
    ((160, 200, 220), (60, 100, 40)),
]
WIDTHS = (480, 960)


def _draw(sky, ground, seed: int) -> PILImage.Image:
    rng = random.Random(seed)
    img = PILImage.new("RGB", (1440, 900), sky)
    draw = ImageDraw.Draw(img)
    horizon = rng.randint(420, 560)
    draw.polygon(
        [(0, horizon), (500, horizon - 180), (1000, horizon), (0, horizon)], fill=(90, 120, 140)
    )
    draw.rectangle([0, horizon, 1440, 900], fill=ground)
    for i in range(0, 1440, 90):
        draw.line([(i, 900), (720, horizon)], fill=tuple(max(0, c - 25) for c in ground), width=6)
    draw.ellipse([1100, 80, 1220, 200], fill=(255, 235, 160))
    return img


def demo_photos() -> list[dict]:
    """Draw (once per media root) the shared demo photos; returns file, size and variants."""
    photos = []
    for n, (sky, ground) in enumerate(PALETTES):
        # Stable names in the stored form (lib/storage.py), so a rerun finds the drawings.
        master = fixed_name("berita/demo", f"foto-{n}", "jpg")
        variants: dict = {"widths": list(WIDTHS), "jpg": {}, "webp": {}}
        needed = not default_storage.exists(master)
        img = _draw(sky, ground, n) if needed else None
        if img is not None:
            out = io.BytesIO()
            img.save(out, "JPEG", quality=80)
            default_storage.save(master, ContentFile(out.getvalue()))
        for w in WIDTHS:
            for fmt, ext in (("WEBP", "webp"), ("JPEG", "jpg")):
                name = fixed_name("berita/demo", f"foto-{n}-{w}", ext)
                if img is not None and not default_storage.exists(name):
                    copy = img.copy()
                    copy.thumbnail((w, w))
                    out = io.BytesIO()
                    copy.save(out, fmt, quality=75)
                    default_storage.save(name, ContentFile(out.getvalue()))
                variants[ext][str(w)] = name
        photos.append({"file": master, "width": 1440, "height": 900, "variants": variants})
    return photos


def build_village_news(
    *, rng: random.Random, village, photos: list[dict], count: int, author=None
) -> list[Article]:
    """Categories, tags, images and `count` published stories for one village (bulk)."""
    cats = Category.objects.bulk_create(
        [Category(village=village, name=n, slug=slugify(n)) for n in text.CATEGORIES]
    )
    by_name = {c.name: c for c in cats}
    images = Image.objects.bulk_create(
        [
            Image(
                village=village,
                file=p["file"],
                width=p["width"],
                height=p["height"],
                variants=p["variants"],
                alt=rng.choice(
                    [
                        "Suasana kegiatan warga desa",
                        "Pemandangan sawah dan perbukitan desa",
                        "Warga berkumpul di balai desa",
                    ]
                ),
            )
            for p in photos
        ]
    )
    now = timezone.now()
    articles, seen = [], set()
    offset = rng.randrange(len(text.STORIES))  # villages do not all lead with the same story
    for i in range(count):
        title_p, cat, summary_p, _tags = text.STORIES[(i + offset) % len(text.STORIES)]
        when = now - timedelta(days=i * rng.uniform(1.5, 4.0) + rng.uniform(0, 2))
        fill = {
            "dusun": rng.choice(text.DUSUN),
            "year": when.year,
            "month": text.MONTHS[when.month - 1],
            "n": rng.randint(1, 4),
        }
        title = title_p.format(**fill)
        slug = slugify(title)[:80]
        while slug in seen:
            slug = f"{slugify(title)[:76]}-{i}"
        seen.add(slug)
        paras = rng.sample(text.PARAGRAPHS, 3)
        body = article_body_html(f"{summary_p.format(**fill)}\n\n" + "\n\n".join(paras))
        a = Article(
            village=village,
            title=title,
            slug=slug,
            summary=summary_p.format(**fill),
            body=body,
            lead_image=rng.choice(images),
            category=by_name[cat],
            author=author,
            author_name=author.name if author else f"Admin {village.display_name}",
            status=Article.Status.PUBLISHED,
            publish_at=when,
            is_announced=True,
            is_pinned=i == 1,
        )
        a.search_text = plain_text(a)
        articles.append(a)
    return articles


def demo_build(*, rng: random.Random, villages: list, users: dict) -> dict[str, int]:
    photos = demo_photos()
    editor = users.get("editor@dagan.desa.id")
    counts = {"articles": 0, "events": 0, "photos": 0}
    all_articles = []
    for n, village in enumerate(villages):
        articles = build_village_news(
            rng=rng,
            village=village,
            photos=photos,
            count=30 if n == 0 else rng.randint(8, 16),
            author=editor if n == 0 else None,
        )
        all_articles += articles
    Article.objects.bulk_create(all_articles, batch_size=500)
    saved = list(
        Article.objects.filter(village__in=villages).only("pk", "village_id", "search_text")
    )
    article_index_many(articles=saved)
    _extras(rng, villages, saved, photos, editor, counts)
    counts["articles"] = len(saved)
    return counts


def _extras(rng, villages, saved, photos, editor, counts) -> None:
    now = timezone.now()
    tags_by_village = {}
    for village in villages:
        tags_by_village[village.pk] = Tag.objects.bulk_create(
            [
                Tag(village=village, name=t, slug=slugify(t))
                for t in ("gotong royong", "dana desa", "posyandu", "umkm")
            ]
        )
    through = Article.tags.through
    links, revisions, comments = [], [], []
    for a in saved:
        links.append(through(article_id=a.pk, tag_id=rng.choice(tags_by_village[a.village_id]).pk))
        revisions.append(
            ArticleRevision(article_id=a.pk, title=a.search_text[:60], body="", saved_at=now)
        )
        if rng.random() < 0.3:
            comments.append(
                Comment(
                    village_id=a.village_id,
                    article_id=a.pk,
                    name=rng.choice(["Pak Darto", "Bu Sri", "Mas Andi", "Mbak Lina"]),
                    contact="",
                    body=rng.choice(
                        [
                            "Mantap, semoga bermanfaat untuk warga.",
                            "Terima kasih infonya.",
                            "Semoga berlanjut tahun depan.",
                        ]
                    ),
                    status=Comment.Status.APPROVED,
                )
            )
    through.objects.bulk_create(links, batch_size=500)
    ArticleRevision.objects.bulk_create(revisions, batch_size=500)
    Comment.objects.bulk_create(comments, batch_size=500)
    events, albums = [], []
    for village in villages:
        for k, (title, place, org) in enumerate(rng.sample(text.EVENTS, 4)):
            start = timezone.localtime(now + timedelta(days=(k - 1) * 9 + rng.randint(1, 5)))
            start = start.replace(hour=8, minute=0, second=0, microsecond=0)
            events.append(
                Event(
                    village=village,
                    title=title,
                    place=place.format(dusun=rng.choice(text.DUSUN)),
                    organiser=org,
                    starts_at=start,
                    ends_at=start + timedelta(hours=3),
                )
            )
        for title, _caps in text.ALBUMS:
            albums.append(Album(village=village, title=title, slug=slugify(title)))
    Event.objects.bulk_create(events)
    albums = Album.objects.bulk_create(albums)
    images: dict[int, list[Image]] = {}
    for img in Image.objects.filter(village__in=villages).order_by("pk"):
        images.setdefault(img.village_id, []).append(img)
    caps = dict(text.ALBUMS)
    album_photos = [
        AlbumPhoto(
            album=album,
            image=images[album.village_id][i % len(images[album.village_id])],
            caption=cap,
            order=i,
        )
        for album in albums
        for i, cap in enumerate(caps[album.title])
    ]
    AlbumPhoto.objects.bulk_create(album_photos)
    counts["events"], counts["photos"] = len(events), len(album_photos)
    dagan = villages[0]
    Submission.objects.create(
        village=dagan,
        name="Siti Aminah",
        whatsapp="+6281234567890",
        title="Latihan Kuda Lumping Anak-anak Dusun Krajan",
        body=(
            "Setiap Minggu sore anak-anak Dusun Krajan berlatih kuda lumping di halaman rumah "
            "Pak RT.\n\nMereka akan tampil saat sedekah bumi bulan depan."
        ),
    )
    if saved:
        Comment.objects.create(
            village=dagan,
            article_id=next(a.pk for a in saved if a.village_id == dagan.pk),
            name="Warga Dagan",
            contact="0812000111",
            body="Kapan kerja bakti berikutnya?",
        )


def demo_clear(*, village_ids: set[int]) -> None:
    article_unindex(village_ids=village_ids)
    Comment.objects.filter(village__in=village_ids).delete()
    Submission.objects.filter(village__in=village_ids).delete()
    AlbumPhoto.objects.filter(album__village__in=village_ids).delete()
    Album.objects.filter(village__in=village_ids).delete()
    Event.objects.filter(village__in=village_ids).delete()
    Article.objects.filter(village__in=village_ids).delete()
    for model in (Image, Tag, Category, NewsSettings):
        model.objects.filter(village__in=village_ids).delete()
