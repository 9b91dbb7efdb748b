from __future__ import annotations

from django.urls import path

from balai.market.views import dashboard, dashboard_seller

app_name = "market_dashboard"
urlpatterns = [
    path("", dashboard.home, name="home"),
    path("pelapak/", dashboard.sellers, name="sellers"),
    path("pelapak/tambah/", dashboard.seller_add, name="seller_add"),
    path("pelapak/<int:pk>/", dashboard.seller_edit, name="seller_edit"),
    path("pelapak/<int:pk>/status/", dashboard.seller_status, name="seller_status"),
    path("pelapak/<int:pk>/akun/", dashboard.seller_login, name="seller_login"),
    path("produk/<int:pk>/status/", dashboard.product_status, name="product_status"),
    path("ulasan/", dashboard.reviews, name="reviews"),
    path("ulasan/<int:pk>/status/", dashboard.review_status, name="review_status"),
    # The seller's own pages; the village's market roles see every seller's.
    path("penjual/", dashboard_seller.seller_home, name="seller_home"),
    path("penjual/produk/tambah/", dashboard_seller.product_add, name="product_add"),
    path("penjual/produk/<int:pk>/", dashboard_seller.product_edit, name="product_edit"),
    path(
        "penjual/produk/<int:pk>/foto/<int:photo_pk>/hapus/",
        dashboard_seller.photo_delete,
        name="photo_delete",
    ),
    path(
        "penjual/produk/<int:pk>/foto/<int:photo_pk>/",
        dashboard_seller.photo_alt,
        name="photo_alt",
    ),
    path("penjual/produk/<int:pk>/kartu/", dashboard_seller.product_card, name="product_card"),
    path("penjual/pesanan/", dashboard_seller.order_list, name="orders"),
    path("penjual/pesanan/<str:code>/", dashboard_seller.order_detail, name="order"),
    path("penjual/pesanan/<str:code>/langkah/", dashboard_seller.order_step, name="order_step"),
    path("penjual/pesanan/<str:code>/bukti/", dashboard_seller.order_proof, name="order_proof"),
]
