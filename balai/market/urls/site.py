"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `market_index`)."""

from __future__ import annotations

from django.urls import path

from balai.market.views import site

urlpatterns = [
    path("lapak/", site.catalogue, name="market_index"),
    path("lapak/lacak/", site.track, name="market_track"),
    path("lapak/lacak/<str:code>/", site.track_order, name="market_track_order"),
    path("lapak/pesanan/<str:code>/", site.order_done, name="market_order_done"),
    path("lapak/<slug:product_slug>/", site.product, name="market_product"),
    path("lapak/<slug:product_slug>/pesan/", site.order_form, name="market_order"),
]
