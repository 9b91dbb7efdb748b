"""The agenda and the photo gallery on the village dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from balai.news import gallery
from balai.news.forms import AlbumForm, AlbumPhotoForm, EventForm
from balai.news.models import Album, Event
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


@village_role_required("content")
def events(request: VillageRequest) -> HttpResponse:
    rows = list(Event.objects.for_village(request.village).order_by("-starts_at")[:100])
    return render(request, "news/dashboard/events.html", {"events": rows})


def _event_edit(request: VillageRequest, event: Event) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        gallery.event_save(village=request.village, event=form.instance)
        messages.success(request, _("Kegiatan “%(title)s” tersimpan.") % {"title": event.title})
        return redirect("news_dashboard:events", slug=request.village.slug)
    return render(request, "news/dashboard/event_form.html", {"form": form, "event": event})


@village_role_required("content")
def event_add(request: VillageRequest) -> HttpResponse:
    return _event_edit(request, Event(village=request.village))


@village_role_required("content")
def event_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _event_edit(
        request, get_object_or_404(Event.objects.for_village(request.village), pk=pk)
    )


@village_role_required("content")
def event_delete(request: VillageRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.for_village(request.village), pk=pk)
    if request.method == "POST":
        gallery.event_delete(village=request.village, event=event)
        messages.success(request, _("Kegiatan dihapus."))
        return redirect("news_dashboard:events", slug=request.village.slug)
    return render(request, "news/dashboard/confirm_delete.html", {"thing": event.title})


@village_role_required("content")
def albums(request: VillageRequest) -> HttpResponse:
    form = AlbumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        album = gallery.album_create(village=request.village, **form.cleaned_data)
        return redirect("news_dashboard:album", slug=request.village.slug, pk=album.pk)
    rows = list(Album.objects.for_village(request.village))
    return render(request, "news/dashboard/albums.html", {"albums": rows, "form": form})


@village_role_required("content")
def album_detail(request: VillageRequest, pk: int) -> HttpResponse:
    album = get_object_or_404(Album.objects.for_village(request.village), pk=pk)
    form = AlbumPhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        gallery.album_photo_add(village=request.village, album=album, **form.cleaned_data)
        messages.success(request, _("Foto ditambahkan."))
        return redirect("news_dashboard:album", slug=request.village.slug, pk=album.pk)
    photos = list(album.photos.select_related("image"))
    return render(
        request, "news/dashboard/album.html", {"album": album, "photos": photos, "form": form}
    )


@village_role_required("content")
def album_delete(request: VillageRequest, pk: int) -> HttpResponse:
    album = get_object_or_404(Album.objects.for_village(request.village), pk=pk)
    if request.method == "POST":
        gallery.album_delete(village=request.village, album=album)
        messages.success(request, _("Album dihapus."))
        return redirect("news_dashboard:albums", slug=request.village.slug)
    return render(request, "news/dashboard/confirm_delete.html", {"thing": album.title})
