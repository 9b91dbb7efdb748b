"""The district admin's shop figures."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balai.market import selectors
from balai.market.models import Order, Product, Seller
from balai.villages.permissions import district_admin_required


@district_admin_required
def figures(request: HttpRequest) -> HttpResponse:
    orders = Order.objects.all()
    ctx = {
        "sellers": Seller.objects.filter(status="approved").count(),
        "products": Product.objects.filter(status="published").count(),
        "orders": orders.aggregate(
            n=Count("id"), value=Sum("total", filter=Q(status__in=selectors.PAID))
        ),
        "months": selectors.monthly_figures(orders),
        "categories": selectors.top_categories(Product.objects.filter(status="published")),
        "villages": selectors.district_by_village(),
    }
    return render(request, "market/district_dashboard/figures.html", ctx)
