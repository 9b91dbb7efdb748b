"""Residents' stories and comments wait oldest first, flagged after MODERATION_DAYS."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from balai.news.models import Comment, Submission
from balai.news.tests.conftest import publish


def story(dagan, title: str, *, days_ago: float, **fields) -> Submission:
    row = Submission.objects.create(
        village=dagan,
        name="Sari",
        whatsapp="+6281200000000",
        title=title,
        body="Cerita\n\npanjang",
        **fields,
    )
    Submission.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return row


def comment(dagan, article, body: str, *, days_ago: float) -> Comment:
    row = Comment.objects.create(village=dagan, article=article, name="Budi", body=body)
    Comment.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return row


def test_new_stories_come_first_oldest_first_with_an_excerpt(login, alice, dagan):
    declined = story(dagan, "Ditolak", days_ago=0.1, status=Submission.Status.DECLINED)
    fresh = story(dagan, "Baru", days_ago=0.5)
    old = story(dagan, "Lama", days_ago=3)
    response = login(alice).get(reverse("news_dashboard:submissions", kwargs={"slug": "dagan"}))
    rows = response.context["submissions"]
    assert rows == [old, fresh, declined]
    assert [s.is_overdue for s in rows] == [True, False, False]
    html = response.content.decode()
    assert "Cerita panjang" in html and html.count("Lewat batas</span>") == 1


def test_waiting_comments_are_oldest_first_and_late_ones_flagged(login, alice, dagan):
    article = publish(dagan, title="Panen")
    fresh = comment(dagan, article, "Baru saja", days_ago=0.2)
    old = comment(dagan, article, "Sudah lama", days_ago=4)
    response = login(alice).get(reverse("news_dashboard:comments", kwargs={"slug": "dagan"}))
    assert response.context["comments"] == [old, fresh]
    assert [c.is_overdue for c in response.context["comments"]] == [True, False]
    assert response.content.decode().count("Lewat batas</span>") == 1
