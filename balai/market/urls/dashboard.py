from __future__ import annotations

from django.urls import path

from balai.market.views import dashboard as views
from balai.market.views import dashboard_seller as seller_views

app_name = "market_dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("pelapak/", views.sellers, name="sellers"),
    path("pelapak/tambah/", views.seller_add, name="seller_add"),
    path("pelapak/<int:pk>/", views.seller_edit, name="seller_edit"),
    path("pelapak/<int:pk>/status/", views.seller_status, name="seller_status"),
    path("pelapak/<int:pk>/akun/", views.seller_login, name="seller_login"),
    path("produk/<int:pk>/status/", views.product_status, name="product_status"),
    path("ulasan/", views.reviews, name="reviews"),
    path("ulasan/<int:pk>/status/", views.review_status, name="review_status"),
    # The seller's own pages; the village's market roles see every seller's.
    path("penjual/", seller_views.seller_home, name="seller_home"),
    path("penjual/produk/tambah/", seller_views.product_add, name="product_add"),
    path("penjual/produk/<int:pk>/", seller_views.product_edit, name="product_edit"),
    path(
        "penjual/produk/<int:pk>/foto/<int:photo_pk>/hapus/",
        seller_views.photo_delete,
        name="photo_delete",
    ),
    path(
        "penjual/produk/<int:pk>/foto/<int:photo_pk>/",
        seller_views.photo_alt,
        name="photo_alt",
    ),
    path("penjual/produk/<int:pk>/kartu/", seller_views.product_card, name="product_card"),
    path("penjual/pesanan/", seller_views.order_list, name="orders"),
    path("penjual/pesanan/<str:code>/", seller_views.order_detail, name="order"),
    path("penjual/pesanan/<str:code>/langkah/", seller_views.order_step, name="order_step"),
    path("penjual/pesanan/<str:code>/bukti/", seller_views.order_proof, name="order_proof"),
]
