"""What residents send from the village site: a comment on a story, or a story of their own.
These pages carry a CSRF token, so they are never cached; the article page links to them."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from balai.lib.net import client_network
from balai.lib.ratelimit import Limit, rate_limit_hit, too_many_message
from balai.lib.uploads import UploadError
from balai.news import community, selectors
from balai.news.forms import CommentForm, SubmissionForm
from balai.news.images import image_create
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse


def _limited(request: VillageRequest, scope: str, limit: Limit) -> str | None:
    """Count one post from this visitor (their own address behind the proxy); the message
    when it is one too many."""
    value = client_network(request)
    if rate_limit_hit(scope=f"{scope}:{request.village.pk}", value=value, limit=limit):
        return too_many_message(limit)
    return None


def news_comment(request: VillageRequest, article_slug: str) -> HttpResponse:
    article = selectors.public_article(request.village, article_slug)
    if article is None or not community.comments_allowed(request.village, article):
        raise Http404("komentar ditutup")
    form = CommentForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        error = _limited(request, "news.comment", community.COMMENT_LIMIT)
        if error is None:
            community.comment_create(
                village=request.village, article=article, data=form.cleaned_data
            )
            url = site_reverse(request, "news_article", article_slug=article.slug)
            return render(
                request, "news/site/comment_sent.html", {"article": article, "article_url": url}
            )
    status = 429 if error else 200
    return render(
        request,
        "news/site/comment_form.html",
        {"article": article, "form": form, "limit_error": error},
        status=status,
    )


def news_submit(request: VillageRequest) -> HttpResponse:
    if not community.news_settings(request.village).submissions_open:
        raise Http404("kiriman warga ditutup")
    form = SubmissionForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST" and form.is_valid():
        error = _limited(request, "news.submission", community.SUBMISSION_LIMIT)
        if error is None:
            data = form.cleaned_data
            try:
                photos = [
                    image_create(village=request.village, upload=upload, alt=data["alt"])
                    for upload in data["photo"]
                ]
            except UploadError as exc:
                form.add_error("photo", str(exc))
            else:
                submission = community.submission_create(
                    village=request.village, data=data, photos=photos
                )
                request.session["news_submission"] = submission.pk
                return redirect(site_reverse(request, "news_submit_done"))
    status = 429 if error else 200
    return render(
        request, "news/site/submit.html", {"form": form, "limit_error": error}, status=status
    )


def news_submit_done(request: VillageRequest) -> HttpResponse:
    reference = request.session.get("news_submission")
    if reference is None:
        return redirect(site_reverse(request, "news_submit"))
    return render(request, "news/site/submit_done.html", {"reference": reference})
