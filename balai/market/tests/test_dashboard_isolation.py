"""Charlie (Bojongsari's admin), Bob (Dagan's editor) and another village's seller get 404 on
every shop dashboard URL of Dagan, GET and POST; nothing changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.market.models import Order, OrderEvent, Review
from balai.market.tests.conftest import make_seller

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(batik):
    order = Order.objects.create(
        village=batik.village,
        seller=batik.seller,
        product=batik,
        code="LPK-AAAAAA",
        form_token="t1",
        product_name=batik.name,
        category="batik",
        quantity=1,
        buyer_name="Dewi",
        buyer_phone="+6281211112222",
        delivery="ambil",
        status="selesai",
    )
    OrderEvent.objects.create(village=order.village, order=order, status="baru")
    return order


def _urls(seller, batik, order, review):
    kw = {"slug": "dagan"}
    return [
        ("home", kw),
        ("sellers", kw),
        ("seller_add", kw),
        ("seller_edit", {**kw, "pk": seller.pk}),
        ("seller_status", {**kw, "pk": seller.pk}),
        ("seller_login", {**kw, "pk": seller.pk}),
        ("product_status", {**kw, "pk": batik.pk}),
        ("reviews", kw),
        ("review_status", {**kw, "pk": review.pk}),
        ("seller_home", kw),
        ("product_add", kw),
        ("product_edit", {**kw, "pk": batik.pk}),
        ("photo_delete", {**kw, "pk": batik.pk, "photo_pk": 1}),
        ("photo_alt", {**kw, "pk": batik.pk, "photo_pk": 1}),
        ("product_card", {**kw, "pk": batik.pk}),
        ("orders", kw),
        ("order", {**kw, "code": order.code}),
        ("order_step", {**kw, "code": order.code}),
        ("order_proof", {**kw, "code": order.code}),
    ]


URL_COUNT = 19


@pytest.mark.parametrize("index", range(URL_COUNT))
@pytest.mark.parametrize("who", ["charlie", "bob", "bojongsari_seller"])
def test_outsiders_get_404_on_every_shop_dashboard_url(
    index, who, request, login, seller, batik, order
):
    review = Review.objects.create(
        village=order.village, order=order, product=batik, rating=5, display_name="Dewi"
    )
    if who == "bojongsari_seller":
        user = request.getfixturevalue("kiki")  # any person; made a seller elsewhere
        make_seller(request.getfixturevalue("bojongsari"), "Lain", user=user)
    else:
        user = request.getfixturevalue(who)
    urls = _urls(seller, batik, order, review)
    assert len(urls) == URL_COUNT
    name, kwargs = urls[index]
    client = login(user)
    url = reverse(f"market_dashboard:{name}", kwargs=kwargs)
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "hidden", "email": "x@y.id"}).status_code == 404
    batik.refresh_from_db()
    assert batik.status == "published"


def test_every_shop_dashboard_url_is_in_the_isolation_test():
    from balai.market.urls import dashboard as dashboard_urls

    assert len(dashboard_urls.urlpatterns) == URL_COUNT


def test_district_figures_are_for_district_admins_only(login, alice, dina):
    url = reverse("market_district_dashboard:figures")
    assert login(alice).get(url).status_code == 404
    assert login(dina).get(url).status_code == 200
