"""Photos for news, submissions and the gallery: checked by content and re-encoded without EXIF
by the form (`image_clean`), then cut into a few widths (WebP and JPEG) by a background task."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from balai.lib.storage import random_upload_name
from balai.lib.upload_forms import clean_image
from balai.lib.uploads import EncodedImage, reencode_image
from balai.news.models import Image
from balai.villages.content import content_changed
from balai.villages.models import Village

MASTER_SIDE = 2000
WIDTHS = (480, 960, 1440)


def image_clean(upload: Any) -> EncodedImage | None:
    """The form's step: a real photo within the limits, re-encoded (EXIF and GPS gone), or a
    ValidationError in plain Indonesian."""
    return clean_image(upload, max_side=MASTER_SIDE)


def image_create(*, village: Village, upload: EncodedImage | Any, alt: str) -> Image:
    """Store a photo (re-encoded by `image_clean`, or an upload re-encoded here) and queue
    its variants."""
    from balai.news.tasks import image_variants_task

    if isinstance(upload, EncodedImage):
        encoded = upload
    else:
        encoded = reencode_image(upload, max_side=MASTER_SIDE)
    image = Image(village=village, alt=alt.strip(), width=encoded.width, height=encoded.height)
    image.file.save(f"foto.{encoded.extension}", ContentFile(encoded.content), save=False)
    image.save()
    image_variants_task.enqueue(image.pk)
    return image


def image_make_variants(*, image_id: int) -> None:
    """Write each width as WebP and JPEG; idempotent (a rerun replaces the names)."""
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return
    with image.file.open("rb") as fh, PILImage.open(fh) as master:
        src = master.convert("RGB")
        widths = [w for w in WIDTHS if w < src.width] or [src.width]
        variants: dict = {"widths": widths, "jpg": {}, "webp": {}}
        for width in widths:
            copy = src.copy()
            copy.thumbnail((width, width * 4))
            for fmt, ext, options in (
                ("WEBP", "webp", {"quality": 75, "method": 4}),
                ("JPEG", "jpg", {"quality": 78, "optimize": True, "progressive": True}),
            ):
                out = io.BytesIO()
                copy.save(out, fmt, **options)
                name = default_storage.save(
                    random_upload_name("berita/v"), ContentFile(out.getvalue())
                )
                variants[ext][str(width)] = name
    old = image.variants
    Image.objects.filter(pk=image.pk).update(variants=variants)
    content_changed(image.village_id)  # pages cached with the full-size photo get the variants
    for ext in ("jpg", "webp"):
        for name in (old or {}).get(ext, {}).values():
            default_storage.delete(name)


def image_delete(*, image: Image) -> None:
    for ext in ("jpg", "webp"):
        for name in (image.variants or {}).get(ext, {}).values():
            default_storage.delete(name)
    if image.file.name:
        image.file.storage.delete(image.file.name)
    image.delete()
