"""Writes for the agenda and the gallery."""

from __future__ import annotations

from django.db import transaction

from balai.news.images import image_create, image_delete
from balai.news.models import Album, AlbumPhoto, Event
from balai.news.services import slug_derive
from balai.villages.content import content_changed
from balai.villages.models import Village


def event_save(*, village: Village, event: Event) -> Event:
    event.village = village
    event.save()
    return event


def event_delete(*, village: Village, event: Event) -> None:
    event.delete()


def album_create(*, village: Village, title: str, description: str = "") -> Album:
    slug = slug_derive(village=village, title=title, model=Album)
    return Album.objects.create(village=village, title=title, slug=slug, description=description)


def album_photo_add(
    *, village: Village, album: Album, photo, alt: str, caption: str = ""
) -> AlbumPhoto:
    image = image_create(village=village, upload=photo, alt=alt)
    order = album.photos.count()
    added = AlbumPhoto.objects.create(album=album, image=image, caption=caption, order=order)
    content_changed(village)  # an album photo is no village-owned row: no signal of its own
    return added


def album_delete(*, village: Village, album: Album) -> None:
    with transaction.atomic():
        images = [p.image for p in album.photos.select_related("image")]
        album.delete()
        for image in images:
            image_delete(image=image)
