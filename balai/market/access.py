"""Who may open the seller pages: the village's market roles for everything, a seller with a
login for their own products and orders only. Everyone else gets 404."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from balai.market.models import Order, Product, Seller
from balai.villages.models import Village
from balai.villages.permissions import can, village_role
from balai.villages.requests import VillageRequest


class MarketRequest(VillageRequest):
    """A request to the seller pages: `seller` is the seller logged in, None for the village's
    own market roles (who see every seller's)."""

    seller: Seller | None


def market_access(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Like village_role_required("market"), but also lets a seller in: sets request.village,
    request.role and request.seller (None for the village's own roles)."""

    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        village = (
            Village.objects.select_related("region", "region__parent").filter(slug=slug).first()
        )
        if village is None:
            raise Http404("desa tidak ditemukan")
        market_request: MarketRequest = request  # type: ignore[assignment]
        market_request.village = village
        if can(request.user, village, "market"):
            market_request.role = village_role(request.user, village)
            market_request.seller = None
        else:
            seller = Seller.objects.for_village(village).filter(user=request.user).first()
            if seller is None or seller.status == Seller.Status.SUSPENDED:
                raise Http404("desa tidak ditemukan")
            market_request.role, market_request.seller = None, seller
        return view(market_request, *args, **kwargs)

    return wrapper


def scoped_products(request: MarketRequest) -> QuerySet[Product]:
    qs = Product.objects.for_village(request.village)
    return qs.filter(seller=request.seller) if request.seller else qs


def scoped_orders(request: MarketRequest) -> QuerySet[Order]:
    qs = Order.objects.for_village(request.village)
    return qs.filter(seller=request.seller) if request.seller else qs


def scoped_sellers(request: MarketRequest) -> QuerySet[Seller]:
    qs = Seller.objects.for_village(request.village)
    return qs.filter(pk=request.seller.pk) if request.seller else qs
