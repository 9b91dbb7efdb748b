"""District guides: saving (cleaned with nh3) and adding screenshots."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from balai.lib.uploads import EncodedImage, reencode_image
from balai.support.models import Guide, GuideImage
from balai.villages.richtext import page_body_html


def guide_save(*, guide: Guide, screenshot: Any = None, alt: str = "") -> Guide:
    with transaction.atomic():
        guide.body = page_body_html(guide.body)
        guide.save()
        if screenshot:
            encoded = (
                screenshot
                if isinstance(screenshot, EncodedImage)
                else reencode_image(screenshot, max_side=1400)
            )
            image = GuideImage(guide=guide, alt=alt, width=encoded.width, height=encoded.height)
            image.image.save(f"x.{encoded.extension}", ContentFile(encoded.content), save=False)
            image.save()
    return guide
