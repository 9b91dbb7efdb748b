"""The village's shop office: figures, sellers (register, approve, give a login), approvals of
products, moderation of reviews. Sellers' own pages are in seller_views."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.market import selectors, services
from balai.market.forms import SellerForm, SellerLoginForm
from balai.market.integrity import held_message
from balai.market.models import Product, Review, Seller
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


@village_role_required("market")
def home(request: VillageRequest) -> HttpResponse:
    village = request.village
    ctx = {
        "summary": selectors.village_summary(village),
        "pending_sellers": Seller.objects.for_village(village).filter(status="pending"),
        "pending_products": Product.objects.for_village(village)
        .filter(status=Product.Status.PENDING)
        .select_related("seller"),
        "pending_reviews": Review.objects.for_village(village).filter(status="pending").count(),
    }
    return render(request, "market/dashboard/home.html", ctx)


@village_role_required("market")
def sellers(request: VillageRequest) -> HttpResponse:
    rows = Seller.objects.for_village(request.village).select_related("user")
    return render(request, "market/dashboard/sellers.html", {"sellers": rows})


def _seller_edit(request: VillageRequest, seller: Seller) -> HttpResponse:
    form = SellerForm(request.POST or None, request.FILES or None, instance=seller)
    if request.method == "POST" and form.is_valid():
        try:
            services.seller_save(
                village=request.village,
                seller=form.instance,
                actor=request.user,
                photo=form.cleaned_data["photo_upload"],
                qris=form.cleaned_data["qris_upload"],
            )
        except services.MarketError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, _("%(name)s tersimpan.") % {"name": form.instance.name})
            return redirect("market_dashboard:sellers", slug=request.village.slug)
    ctx = {"form": form, "seller": seller, "login_form": SellerLoginForm(prefix="akun")}
    return render(request, "market/dashboard/seller_form.html", ctx)


@village_role_required("market")
def seller_add(request: VillageRequest) -> HttpResponse:
    return _seller_edit(request, Seller(village=request.village))


@village_role_required("market")
def seller_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _seller_edit(
        request, get_object_or_404(Seller.objects.for_village(request.village), pk=pk)
    )


@village_role_required("market")
@require_POST
def seller_status(request: VillageRequest, pk: int) -> HttpResponse:
    seller = get_object_or_404(Seller.objects.for_village(request.village), pk=pk)
    status = request.POST.get("status")
    if status in Seller.Status.values:
        services.seller_set_status(
            village=request.village, seller=seller, status=status, actor=request.user
        )
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": seller.name, "status": seller.get_status_display()},
        )
    return redirect("market_dashboard:sellers", slug=request.village.slug)


@village_role_required("market")
@require_POST
def seller_login(request: VillageRequest, pk: int) -> HttpResponse:
    seller = get_object_or_404(Seller.objects.for_village(request.village), pk=pk)
    form = SellerLoginForm(request.POST, prefix="akun")
    if form.is_valid():
        try:
            services.seller_login_create(
                village=request.village,
                seller=seller,
                email=form.cleaned_data["email"],
                actor=request.user,
            )
        except services.MarketError as exc:
            form.add_error("email", str(exc))
    if form.errors:
        ctx = {"form": SellerForm(instance=seller), "seller": seller, "login_form": form}
        return render(request, "market/dashboard/seller_form.html", ctx, status=400)
    messages.success(request, _("Akun dibuat. Tautan kata sandi sudah dikirim ke email penjual."))
    return redirect("market_dashboard:sellers", slug=request.village.slug)


@village_role_required("market")
@require_POST
def product_status(request: VillageRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.for_village(request.village), pk=pk)
    status = request.POST.get("status")
    if status in Product.Status.values:
        done = services.product_set_status(
            village=request.village, product=product, status=status, actor=request.user
        )
        if done:
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {"name": product.name, "status": product.get_status_display()},
            )
        else:
            messages.warning(request, held_message(product))
    back = "home" if request.POST.get("next_page") == "home" else "seller_home"
    return redirect(f"market_dashboard:{back}", slug=request.village.slug)


@village_role_required("market")
def reviews(request: VillageRequest) -> HttpResponse:
    rows = Review.objects.for_village(request.village).select_related("product")[:200]
    return render(request, "market/dashboard/reviews.html", {"reviews": rows})


@village_role_required("market")
@require_POST
def review_status(request: VillageRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(Review.objects.for_village(request.village), pk=pk)
    status = request.POST.get("status")
    if status in Review.Status.values:
        services.review_set_status(
            village=request.village, review=review, status=status, actor=request.user
        )
    return redirect("market_dashboard:reviews", slug=request.village.slug)
