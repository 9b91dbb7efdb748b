"""The buyer tracks an order by code and phone number; a wrong number tells nothing; lookups
are rate-limited; the buyer uploads a transfer proof and, when done, a review."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.market.models import Order, Review
from balai.market.tests.conftest import jpeg_upload

pytestmark = pytest.mark.django_db
TRACK = "/desa/dagan/lapak/lacak/"


@pytest.fixture
def order(batik):
    return Order.objects.create(
        village=batik.village,
        seller=batik.seller,
        product=batik,
        code="LPK-7QK2MD",
        form_token="t",
        product_name=batik.name,
        category="batik",
        quantity=1,
        buyer_name="Dewi Anggraini",
        buyer_phone="+6281211112222",
        delivery="kurir",
        address="Jl. Rahasia 9",
        status="dikonfirmasi",
        total=350000,
        shipping=15000,
    )


def test_the_right_code_and_phone_show_the_order_without_the_buyers_details(client, order):
    response = client.post(TRACK, {"code": "lpk-7qk2md", "phone": "0812 1111 2222"}, follow=True)
    page = response.content.decode()
    assert "Dikonfirmasi" in page and "Rp 365.000" in page
    assert "Jl. Rahasia" not in page and "Dewi" not in page


def test_a_wrong_phone_number_tells_nothing(client, order):
    wrong = client.post(TRACK, {"code": order.code, "phone": "0812 9999 0000"})
    unknown = client.post(TRACK, {"code": "LPK-XXXXXX", "phone": "0812 1111 2222"})
    assert wrong.status_code == unknown.status_code == 400
    assert "tidak cocok" in wrong.content.decode()
    assert "Dikonfirmasi" not in wrong.content.decode()
    assert client.get(f"{TRACK}{order.code}/").status_code == 302  # no session grant


def test_tracking_lookups_are_rate_limited(client, order):
    for _i in range(10):
        client.post(TRACK, {"code": order.code, "phone": "0812 9999 0000"})
    response = client.post(TRACK, {"code": order.code, "phone": "0812 1111 2222"})
    assert response.status_code == 429


def test_the_buyer_uploads_a_transfer_proof_kept_private(client, order, settings):
    client.post(TRACK, {"code": order.code, "phone": "081211112222"})
    client.post(f"{TRACK}{order.code}/", {"aksi": "bukti", "proof": jpeg_upload()})
    order.refresh_from_db()
    assert order.proof and order.payment == "transfer"
    assert str(settings.PRIVATE_MEDIA_ROOT) in order.proof.path


def test_a_fake_proof_is_refused(client, order):
    client.post(TRACK, {"code": order.code, "phone": "081211112222"})
    fake = SimpleUploadedFile("bukti.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    response = client.post(f"{TRACK}{order.code}/", {"aksi": "bukti", "proof": fake})
    assert "bukan" in response.content.decode()
    order.refresh_from_db()
    assert not order.proof


def test_a_completed_order_can_be_reviewed_once_and_is_moderated(client, order, login, alice):
    Order.objects.filter(pk=order.pk).update(status="selesai")
    client.post(TRACK, {"code": order.code, "phone": "081211112222"})
    client.post(
        f"{TRACK}{order.code}/", {"rating": "5", "display_name": "Dewi", "comment": "Halus sekali"}
    )
    review = Review.objects.get()
    assert review.status == "pending"
    product_page = "/desa/dagan/lapak/kain-batik-tulis/"
    assert "Halus sekali" not in client.get(product_page).content.decode()
    login(alice).post(f"/dasbor/dagan/lapak/ulasan/{review.pk}/status/", {"status": "approved"})
    client.logout()
    assert "Halus sekali" in client.get(product_page).content.decode()


def test_many_addresses_cannot_guess_the_phone_behind_one_code(client, order):
    for i in range(10):
        client.post(
            TRACK, {"code": order.code, "phone": f"0812 9999 00{i:02}"}, REMOTE_ADDR=f"10.0.0.{i}"
        )
    response = client.post(
        TRACK, {"code": order.code, "phone": "0812 1111 2222"}, REMOTE_ADDR="10.0.1.1"
    )
    assert response.status_code == 429


def test_behind_the_proxy_one_visitors_guessing_does_not_limit_another(client, order):
    flooder = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    buyer = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for i in range(10):
        client.post(TRACK, {"code": f"LPK-AAAA{i:02}", "phone": "0812 9999 0000"}, **flooder)
    refused = client.post(TRACK, {"code": "LPK-BBBBBB", "phone": "0812 9999 0000"}, **flooder)
    assert refused.status_code == 429
    found = client.post(TRACK, {"code": order.code, "phone": "0812 1111 2222"}, **buyer)
    assert found.status_code == 302


def test_a_proof_pdf_with_javascript_is_refused(client, order):
    from balai.lib.tests.files import pdf_open_action_javascript

    client.post(TRACK, {"code": order.code, "phone": "081211112222"})
    scripted = SimpleUploadedFile("bukti.pdf", pdf_open_action_javascript(), "application/pdf")
    response = client.post(f"{TRACK}{order.code}/", {"aksi": "bukti", "proof": scripted})
    assert "skrip, tindakan otomatis atau lampiran" in response.content.decode()
    order.refresh_from_db()
    assert not order.proof


def test_a_proof_photo_named_pdf_is_kept_as_the_re_encoded_photo_it_is(client, order):
    import re

    from balai.lib.tests.files import png_bytes

    client.post(TRACK, {"code": order.code, "phone": "081211112222"})
    photo = SimpleUploadedFile("bukti.pdf", png_bytes(text="<?php phpinfo(); ?>"), "text/html")
    client.post(f"{TRACK}{order.code}/", {"aksi": "bukti", "proof": photo})
    order.refresh_from_db()
    assert re.fullmatch(r"lapak/bukti/[0-9a-f]{32}\.png", order.proof.name)
    assert b"<?php" not in order.proof.read()
