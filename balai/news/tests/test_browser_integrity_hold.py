"""In a real browser on a phone: an admin whose story reads like gambling spam sees it held,
with the reason, instead of published."""

from __future__ import annotations

import pytest

from balai.conftest import PASSWORD
from balai.news.models import Article

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_spam_story_is_held_with_its_reason_on_a_phone(phone, alice, tmp_path):
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/berita/tulis/")
    phone.fill("[name=title]", "Info terbaru warga")
    phone.locator(".rt-surface").click()
    phone.keyboard.type("Daftar slot gacor maxwin hari ini, dijamin menang.")
    phone.get_by_role("button", name="Terbitkan", exact=True).click()
    notice = phone.get_by_role("alert").filter(has_text="ditahan untuk ditinjau").first
    notice.wait_for()
    assert "gacor" in notice.inner_text()
    phone.screenshot(path=str(tmp_path / "held.png"), full_page=True)
    assert Article.objects.get().status == Article.Status.REVIEW
