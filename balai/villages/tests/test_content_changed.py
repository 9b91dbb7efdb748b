"""content_changed: the village's version moves inside the writer's transaction, once however
many rows change; the district's version moves at once and again after the commit."""

from __future__ import annotations

import pytest
from django.db import transaction

from balai.villages.cache import district_version, village_version
from balai.villages.content import content_changed

pytestmark = pytest.mark.django_db


def _version(village) -> int:
    village.refresh_from_db(fields=["content_version"])
    return village.content_version


def test_many_changes_in_one_transaction_bump_once(dagan):
    before = _version(dagan)
    with transaction.atomic():
        for _ in range(5):
            content_changed(dagan)
    assert _version(dagan) == before + 1


def test_the_bump_is_visible_inside_the_transaction(dagan):
    before = _version(dagan)
    with transaction.atomic():
        content_changed(dagan.pk)
        assert _version(dagan) == before + 1


def test_a_rolled_back_change_does_not_bump_and_does_not_hide_the_next(dagan):
    before = _version(dagan)
    with transaction.atomic():
        try:
            with transaction.atomic():
                content_changed(dagan)
                raise RuntimeError
        except RuntimeError:
            pass
        assert _version(dagan) == before
        content_changed(dagan)
    assert _version(dagan) == before + 1


def test_a_rolled_back_savepoint_leaves_the_version(dagan):
    before = _version(dagan)
    with pytest.raises(RuntimeError), transaction.atomic():
        content_changed(dagan)
        raise RuntimeError
    assert _version(dagan) == before


def test_the_district_version_moves_again_after_commit(dagan, django_capture_on_commit_callbacks):
    start = district_version()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        content_changed(dagan)
        during = district_version()
        assert during != start
    assert district_version() not in (start, during)


def test_the_village_token_moves_at_once_and_again_after_commit(
    dagan, django_capture_on_commit_callbacks
):
    start = village_version(dagan.pk)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        content_changed(dagan)
        during = village_version(dagan.pk)
        assert during[0] != start[0]
    after = village_version(dagan.pk)
    assert after[0] not in (start[0], during[0])
    # Last-Modified moves forward even within one second.
    assert start[1] < during[1] < after[1]


def test_a_token_lost_from_the_cache_never_comes_back(dagan):
    """An evicted version starts again under a new token, never one an old page is kept under."""
    from django.core.cache import cache

    seen = {village_version(dagan.pk)[0]}
    for _ in range(5):
        cache.clear()
        token = village_version(dagan.pk)[0]
        assert token not in seen
        seen.add(token)


def test_each_request_of_a_test_bumps_like_production(dagan):
    # A test runs inside one never-committed transaction; two separate writes (two requests in
    # production, each committing) must still bump twice.
    before = _version(dagan)
    content_changed(dagan)
    content_changed(dagan)
    assert _version(dagan) == before + 2
    with transaction.atomic():
        content_changed(dagan)
        content_changed(dagan)
    with transaction.atomic():
        content_changed(dagan)
    assert _version(dagan) == before + 4
