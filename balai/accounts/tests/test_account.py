from __future__ import annotations

from balai.audit.models import AuditEntry
from balai.conftest import PASSWORD


def test_account_page_shows_email_and_villages(login, alice):
    html = login(alice).get("/akun/").content.decode()
    assert alice.email in html
    assert "Desa Dagan" in html
    assert "/dasbor/dagan/" in html


def test_name_and_whatsapp_can_be_changed(login, alice):
    response = login(alice).post("/akun/", {"name": "Alice R.", "phone": "0812-3456-7890"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.name == "Alice R."
    assert alice.phone == "+6281234567890"


def test_a_bad_whatsapp_number_is_refused_and_nothing_is_saved(login, alice):
    response = login(alice).post("/akun/", {"name": "Alice Baru", "phone": "12345"})
    html = response.content.decode()
    assert "Tulis nomor WhatsApp seperti 0812 3456 7890" in html
    assert 'value="12345"' in html
    alice.refresh_from_db()
    assert alice.name == "Alice Rahayu"


def test_changing_the_password_keeps_this_session(login, alice):
    client = login(alice)
    response = client.post(
        "/akun/sandi/",
        {
            "old_password": PASSWORD,
            "new_password1": "batik-tulis-2027",
            "new_password2": "batik-tulis-2027",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("batik-tulis-2027")
    assert client.get("/akun/").status_code == 200
    assert AuditEntry.objects.filter(action="user.password_change", actor=alice).exists()


def test_a_wrong_old_password_changes_nothing(login, alice):
    response = login(alice).post(
        "/akun/sandi/",
        {
            "old_password": "bukan-ini",
            "new_password1": "batik-tulis-2027",
            "new_password2": "batik-tulis-2027",
        },
    )
    assert response.status_code == 200
    assert "Ada yang perlu diperbaiki" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
