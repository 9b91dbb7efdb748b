"""Articles on the village dashboard: list, write, publish or send for review, revisions."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.lib.pagination import paginate
from balai.news import services
from balai.news.forms import ArticleForm, CategoryForm, PublishForm
from balai.news.images import image_create
from balai.news.models import Article, ArticleRevision, Category, Image
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest
from balai.watch.integrity import may_release_hold


def _article(request: VillageRequest, pk: int) -> Article:
    return get_object_or_404(Article.objects.for_village(request.village), pk=pk)


def _back(request: VillageRequest, article: Article | None = None) -> HttpResponse:
    if article is None:
        return redirect("news_dashboard:list", slug=request.village.slug)
    return redirect("news_dashboard:edit", slug=request.village.slug, pk=article.pk)


def _held_message(request: VillageRequest, article: Article) -> bool:
    """Tell the writer their story was held by the integrity check, and why."""
    if article.status != Article.Status.REVIEW or not article.held_reason:
        return False
    messages.warning(
        request,
        _("Berita ditahan untuk ditinjau dan belum tampil di situs: %(why)s")
        % {"why": article.held_reason},
    )
    return True


@village_role_required("content")
def article_list(request: VillageRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    qs = Article.objects.for_village(request.village).select_related("category")
    if status in Article.Status.values:
        qs = qs.filter(status=status)
    page = paginate(request, qs.order_by("-updated_at"), 25)
    ctx = {"page": page, "status": status, "statuses": Article.Status.choices}
    return render(request, "news/dashboard/list.html", ctx)


def _edit(request: VillageRequest, article: Article) -> HttpResponse:
    village = request.village
    may_publish = services.may_publish(request.user, village)
    locked = article.status == Article.Status.PUBLISHED and not may_publish
    form = ArticleForm(
        request.POST or None, request.FILES or None, instance=article, village=village
    )
    if request.method == "POST" and locked:
        messages.error(request, _("Hanya admin desa yang dapat mengubah berita yang sudah terbit."))
        return _back(request, article)
    if request.method == "POST" and form.is_valid():
        article = form.save(commit=False)
        photo, alt = form.cleaned_data["photo"], form.cleaned_data["alt"]
        if photo:
            article.lead_image = image_create(village=village, upload=photo, alt=alt)
        elif article.lead_image and alt:
            article.lead_image.alt = alt
            article.lead_image.save(update_fields=["alt"])
        tags = services.tags_from_text(village=village, text=form.cleaned_data["tag_text"])
        services.article_save(
            village=village,
            article=article,
            actor=request.user,
            tags=tags,
            reviewed=may_release_hold(request.user, village),
        )
        return _after_save(request, article, request.POST.get("action", ""), may_publish)
    ctx = {
        "form": form,
        "article": article,
        "may_publish": may_publish,
        "may_release": may_release_hold(request.user, village),
        "publish_form": PublishForm(),
        "locked": locked,
    }
    return render(request, "news/dashboard/edit.html", ctx)


def _after_save(
    request: VillageRequest, article: Article, action: str, may_publish: bool
) -> HttpResponse:
    """The editor's buttons: Terbitkan (publish now), Kirim untuk disetujui (an editor who may
    not publish), Pratinjau, or just save."""
    if action == "publish" and may_publish and not article.is_published:
        article, _late = services.article_publish(
            village=request.village,
            article=article,
            reviewed=may_release_hold(request.user, request.village),
        )
        if not _held_message(request, article):
            messages.success(request, _("Berita terbit."))
        return _back(request, article)
    if action == "review" and not may_publish and article.is_draft:
        services.article_set_status(
            village=request.village, article=article, status=Article.Status.REVIEW
        )
        messages.success(request, _("Berita dikirim ke admin desa untuk disetujui."))
        return _back(request, article)
    if action == "preview":
        return redirect("news_dashboard:preview", slug=request.village.slug, pk=article.pk)
    messages.success(request, _("Berita “%(title)s” tersimpan.") % {"title": article.title})
    _held_message(request, article)
    return _back(request, article)


@village_role_required("content")
def article_preview(request: VillageRequest, pk: int) -> HttpResponse:
    """The story as the public page will show it, before it is public. Under /dasbor/, so the
    response is private and never stored (lib.cache_control)."""
    article = _article(request, pk)
    ctx = {
        "article": article,
        "may_publish": services.may_publish(request.user, request.village),
    }
    return render(request, "news/dashboard/preview.html", ctx)


@village_role_required("content")
def article_add(request: VillageRequest) -> HttpResponse:
    return _edit(request, Article(village=request.village))


@village_role_required("content")
def article_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _edit(request, _article(request, pk))


@village_role_required("content")
@require_POST
def article_publish(request: VillageRequest, pk: int) -> HttpResponse:
    article = _article(request, pk)
    if not services.may_publish(request.user, request.village):
        raise Http404("tidak boleh menerbitkan")
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis waktu terbit seperti 2026-12-31 08:00."))
        return _back(request, article)
    when = form.cleaned_data["publish_at"]
    article, late = services.article_publish(
        village=request.village,
        article=article,
        when=when,
        reviewed=may_release_hold(request.user, request.village),
    )
    if _held_message(request, article):
        return _back(request, article)
    if late:
        messages.warning(request, _("Waktu terbit sudah lewat, jadi berita diterbitkan sekarang."))
    elif when:
        messages.success(
            request,
            _("Berita akan terbit pada %(when)s.") % {"when": when.strftime("%d-%m-%Y %H:%M")},
        )
    else:
        messages.success(request, _("Berita terbit."))
    return _back(request, article)


@village_role_required("content")
@require_POST
def article_status(request: VillageRequest, pk: int) -> HttpResponse:
    """Send for review (any writer) or take back to draft (only who may publish, once public)."""
    article = _article(request, pk)
    target = request.POST.get("status")
    if target not in (Article.Status.DRAFT, Article.Status.REVIEW):
        raise Http404("status tidak dikenal")
    if article.status == Article.Status.PUBLISHED and not services.may_publish(
        request.user, request.village
    ):
        raise Http404("tidak boleh menarik berita")
    services.article_set_status(village=request.village, article=article, status=target)
    if target == Article.Status.REVIEW:
        messages.success(request, _("Berita dikirim ke admin desa untuk disetujui."))
    else:
        messages.success(request, _("Berita kembali menjadi draf dan tidak tampil di situs."))
    return _back(request, article)


@village_role_required("content")
def article_delete(request: VillageRequest, pk: int) -> HttpResponse:
    article = _article(request, pk)
    if article.status == Article.Status.PUBLISHED and not services.may_publish(
        request.user, request.village
    ):
        raise Http404("tidak boleh menghapus")
    if request.method == "POST":
        services.article_delete(village=request.village, article=article)
        messages.success(request, _("Berita “%(title)s” dihapus.") % {"title": article.title})
        return _back(request)
    return render(request, "news/dashboard/delete.html", {"article": article})


@village_role_required("content")
def article_revisions(request: VillageRequest, pk: int) -> HttpResponse:
    article = _article(request, pk)
    revisions = list(article.revisions.select_related("saved_by")[:50])
    shown = next((r for r in revisions if str(r.pk) == request.GET.get("lihat")), None)
    ctx = {"article": article, "revisions": revisions, "shown": shown}
    return render(request, "news/dashboard/revisions.html", ctx)


@village_role_required("content")
@require_POST
def article_restore(request: VillageRequest, pk: int, rev: int) -> HttpResponse:
    article = _article(request, pk)
    revision = get_object_or_404(ArticleRevision, article=article, pk=rev)
    services.article_restore(
        village=request.village, article=article, revision=revision, actor=request.user
    )
    messages.success(
        request,
        _("Versi %(when)s dipulihkan.") % {"when": revision.saved_at.strftime("%d-%m-%Y %H:%M")},
    )
    return _back(request, article)


@village_role_required("content")
def categories(request: VillageRequest) -> HttpResponse:
    form = CategoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.category_create(village=request.village, name=form.cleaned_data["name"])
        messages.success(request, _("Kategori ditambahkan."))
        return redirect("news_dashboard:categories", slug=request.village.slug)
    rows = list(Category.objects.for_village(request.village))
    return render(request, "news/dashboard/categories.html", {"form": form, "categories": rows})


@village_role_required("content")
def image_status(request: VillageRequest, pk: int) -> HttpResponse:
    """Whether a photo's phone-sized variants are ready; polled by htmx from the editor."""
    image = get_object_or_404(Image.objects.for_village(request.village), pk=pk)
    return render(request, "news/dashboard/_image_status.html", {"image": image})
