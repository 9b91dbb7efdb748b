"""Moderation on the village dashboard: residents' stories, comments, and the news settings."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.lib.phone import whatsapp_link
from balai.news import community, moderation
from balai.news.forms import DeclineForm, NewsSettingsForm, SubmissionPublishForm
from balai.news.models import Comment, Submission
from balai.news.richtext import article_body_html
from balai.news.services import may_publish
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest
from balai.watch.integrity import may_release_hold


def sees_contact(request: VillageRequest) -> bool:
    """Residents' contact details are personal data: village and district admins only."""
    return request.role in ("admin", "district")


def _submission(request: VillageRequest, pk: int) -> Submission:
    return get_object_or_404(Submission.objects.for_village(request.village), pk=pk)


@village_role_required("content")
def submissions(request: VillageRequest) -> HttpResponse:
    rows = moderation.submission_queue(request.village)
    ctx = {"submissions": rows, "moderation_days": moderation.MODERATION_DAYS}
    return render(request, "news/dashboard/submissions.html", ctx)


@village_role_required("content")
def submission_detail(request: VillageRequest, pk: int) -> HttpResponse:
    submission = _submission(request, pk)
    initial = {"title": submission.title, "body": article_body_html(submission.body)}
    form = SubmissionPublishForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not may_publish(request.user, request.village):
            raise Http404("tidak boleh menerbitkan")
        if form.is_valid() and submission.status == Submission.Status.NEW:
            article = community.submission_publish(
                village=request.village,
                submission=submission,
                actor=request.user,
                reviewed=may_release_hold(request.user, request.village),
                **form.cleaned_data,
            )
            if article.status == article.Status.REVIEW:
                messages.warning(
                    request,
                    _("Berita ditahan untuk ditinjau dan belum tampil di situs: %(why)s")
                    % {"why": article.held_reason},
                )
            else:
                messages.success(
                    request,
                    _("Kiriman diterbitkan atas nama %(name)s.") % {"name": submission.name},
                )
            return redirect("news_dashboard:edit", slug=request.village.slug, pk=article.pk)
    elif sees_contact(request):
        # The sender's WhatsApp and email are personal data: each look is logged.
        audit_record(
            actor=request.user,
            action="news.submission.view",
            target=f"kiriman {submission.pk}",
            village=request.village,
        )
    ctx = {
        "submission": submission,
        "form": form,
        "decline_form": DeclineForm(),
        "may_publish": may_publish(request.user, request.village),
        "sees_contact": sees_contact(request),
    }
    return render(request, "news/dashboard/submission.html", ctx)


@village_role_required("content")
@require_POST
def submission_decline(request: VillageRequest, pk: int) -> HttpResponse:
    submission = _submission(request, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid() or submission.status != Submission.Status.NEW:
        messages.error(request, _("Tulis pesan untuk pengirim."))
        return redirect("news_dashboard:submission", slug=request.village.slug, pk=pk)
    message = form.cleaned_data["message"]
    community.submission_decline(village=request.village, submission=submission, message=message)
    link = whatsapp_link(submission.whatsapp, message)
    if not sees_contact(request):
        link = ""
    return render(
        request, "news/dashboard/declined.html", {"submission": submission, "wa_link": link}
    )


@village_role_required("content")
def comments(request: VillageRequest) -> HttpResponse:
    status = request.GET.get("status", Comment.Status.PENDING)
    if status not in Comment.Status.values:
        status = Comment.Status.PENDING
    rows = moderation.comment_queue(request.village, status)
    if sees_contact(request) and any(c.contact for c in rows):
        audit_record(
            actor=request.user,
            action="news.comment.contacts.view",
            target=f"komentar {status}",
            village=request.village,
        )
    ctx = {
        "comments": rows,
        "status": status,
        "statuses": Comment.Status.choices,
        "sees_contact": sees_contact(request),
        "moderation_days": moderation.MODERATION_DAYS,
        "is_pending": status == Comment.Status.PENDING,
    }
    return render(request, "news/dashboard/comments.html", ctx)


@village_role_required("content")
@require_POST
def comment_moderate(request: VillageRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.for_village(request.village), pk=pk)
    status = request.POST.get("status")
    if status not in Comment.Status.values:
        raise Http404("status tidak dikenal")
    community.comment_moderate(village=request.village, comment=comment, status=status)
    messages.success(
        request,
        _("Komentar dari %(name)s: %(status)s.")
        % {"name": comment.name, "status": comment.get_status_display()},
    )
    back = request.POST.get("back", "pending")
    back = back if back in Comment.Status.values else "pending"
    url = reverse("news_dashboard:comments", kwargs={"slug": request.village.slug})
    return redirect(f"{url}?status={back}")


@village_role_required("content")
def news_settings(request: VillageRequest) -> HttpResponse:
    current = community.news_settings(request.village)
    initial = {"comments_open": current.comments_open, "submissions_open": current.submissions_open}
    form = NewsSettingsForm(request.POST or None, initial=initial)
    may_change = request.role in ("district", "admin", "mentor")  # editors only look
    if request.method == "POST":
        if not may_change:
            raise Http404("hanya admin")
        if form.is_valid():
            community.news_settings_save(village=request.village, **form.cleaned_data)
            messages.success(request, _("Pengaturan berita tersimpan."))
            return redirect("news_dashboard:settings", slug=request.village.slug)
    ctx = {"form": form, "may_change": may_change}
    return render(request, "news/dashboard/settings.html", ctx)
