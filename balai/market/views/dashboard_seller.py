"""The seller's pages (/dasbor/<slug>/lapak/penjual/…): products, quick add from the camera,
orders and their steps, monthly figures, a printable product card. A seller with a login sees
only their own; the village's market roles see every seller's."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.lib.numbers import rupiah
from balai.lib.phone import whatsapp_link
from balai.market import order_queue, selectors, services
from balai.market import orders as order_services
from balai.market.access import (
    MarketRequest,
    market_access,
    scoped_orders,
    scoped_products,
    scoped_sellers,
)
from balai.market.forms import OrderStepForm, ProductForm
from balai.market.integrity import held_message
from balai.market.links import public_product_url, public_tracking_url
from balai.market.models import Order, Product, ProductPhoto
from balai.market.qr import product_qr_svg


@market_access
def seller_home(request: MarketRequest) -> HttpResponse:
    products = scoped_products(request).select_related("seller").order_by("status", "name")
    ctx = {
        "products": products[:300],
        "months": selectors.monthly_figures(scoped_orders(request)),
        "new_orders": scoped_orders(request).filter(status=Order.Status.NEW).count(),
    }
    return render(request, "market/dashboard/seller_home.html", ctx)


def _product_form(request: MarketRequest, product: Product, *, quick: bool) -> ProductForm:
    sellers = None if request.seller else scoped_sellers(request)
    return ProductForm(
        request.POST or None,
        request.FILES or None,
        instance=product,
        sellers=sellers,
        quick=quick,
    )


def _product_save(request: MarketRequest, form: ProductForm) -> Product | None:
    product, variants, photos = form.save_parts()
    if request.seller:
        product.seller = request.seller
    try:
        return services.product_save(
            village=request.village,
            product=product,
            actor=request.user,
            by_village=request.seller is None,
            publish=request.POST.get("aksi") == "terbitkan",
            variants=variants,
            photos=photos,
        )
    except services.MarketError as exc:
        form.add_error("photo", str(exc))
        return None


def _saved_message(request: MarketRequest, product: Product) -> None:
    if product.status == Product.Status.PENDING and product.held_reason:
        messages.warning(request, held_message(product))
    elif product.status == Product.Status.PENDING:
        messages.success(request, _("Produk terkirim. Desa akan memeriksanya dulu."))
    else:
        messages.success(request, _("%(name)s tersimpan.") % {"name": product.name})


@market_access
def product_add(request: MarketRequest) -> HttpResponse:
    form = _product_form(request, Product(village=request.village), quick=True)
    if request.method == "POST" and form.is_valid():
        product = _product_save(request, form)
        if product:
            _saved_message(request, product)
            return redirect(
                "market_dashboard:product_edit", slug=request.village.slug, pk=product.pk
            )
    return render(request, "market/dashboard/product_add.html", {"form": form})


@market_access
def product_edit(request: MarketRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(scoped_products(request), pk=pk)
    form = _product_form(request, product, quick=False)
    if request.method == "POST" and form.is_valid():
        if _product_save(request, form):
            _saved_message(request, product)
            return redirect("market_dashboard:product_edit", slug=request.village.slug, pk=pk)
    ctx = {
        "form": form,
        "product": product,
        "photos": list(product.photos.all()),
        "subcategories": selectors.village_subcategories(request.village),
    }
    return render(request, "market/dashboard/product_edit.html", ctx)


@market_access
@require_POST
def photo_delete(request: MarketRequest, pk: int, photo_pk: int) -> HttpResponse:
    product = get_object_or_404(scoped_products(request), pk=pk)
    photo = get_object_or_404(
        ProductPhoto.objects.for_village(request.village), pk=photo_pk, product=product
    )
    services.product_photo_delete(village=request.village, photo=photo)
    messages.success(request, _("Foto dihapus."))
    return redirect("market_dashboard:product_edit", slug=request.village.slug, pk=pk)


@market_access
@require_POST
def photo_alt(request: MarketRequest, pk: int, photo_pk: int) -> HttpResponse:
    product = get_object_or_404(scoped_products(request), pk=pk)
    photo = get_object_or_404(product.photos.all(), pk=photo_pk)
    alt = request.POST.get("alt", "").strip()
    if alt:
        services.product_photo_alt(village=request.village, photo=photo, alt=alt)
        messages.success(request, _("Keterangan foto tersimpan."))
    else:
        messages.error(request, _("Tulis apa yang tampak di foto."))
    return redirect("market_dashboard:product_edit", slug=request.village.slug, pk=pk)


@market_access
def product_card(request: MarketRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(scoped_products(request).select_related("seller"), pk=pk)
    url = public_product_url(product)
    ctx = {"product": product, "url": url, "qr": product_qr_svg(url)}
    return render(request, "market/dashboard/product_card.html", ctx)


@market_access
def order_list(request: MarketRequest) -> HttpResponse:
    qs = scoped_orders(request).select_related("seller")
    status = request.GET.get("status", "")
    if status in Order.Status.values:
        qs = qs.filter(status=status)
    ctx = {
        "orders": order_queue.order_queue(qs)[:200],
        "status": status,
        "statuses": Order.Status.choices,
        "new_hours": order_queue.NEW_ORDER_HOURS,
        "paid_hours": order_queue.PAID_ORDER_HOURS,
    }
    return render(request, "market/dashboard/orders.html", ctx)


def _order(request: MarketRequest, code: str) -> Order:
    qs = scoped_orders(request).select_related("seller", "product", "village")
    return get_object_or_404(qs, code=code)


@market_access
def order_detail(request: MarketRequest, code: str) -> HttpResponse:
    return _order_page(request, _order(request, code))


def _step_initial(order: Order) -> dict[str, str]:
    """The seller confirms the buyer's quantity × price unless they change it."""
    initial = {"payment": order.payment or Order.Payment.TRANSFER}
    if order.subtotal is not None:
        initial["total"] = rupiah(order.subtotal)
    return initial


def _order_page(
    request: MarketRequest, order: Order, form: OrderStepForm | None = None
) -> HttpResponse:
    # The buyer's name, phone and address are personal data: every view is on the record.
    audit_record(
        actor=request.user, action="market.order_view", target=order.code, village=request.village
    )
    tracking = public_tracking_url(order)
    ctx = {
        "order": order,
        "events": list(order.events.all()),
        "steps": [
            (
                step,
                form
                if form and form.data.get("status") == step
                else OrderStepForm(step=step, initial=_step_initial(order)),
            )
            for step in order_services.allowed_next(order)
        ],
        "form": form,
        "buyer_whatsapp": order_services.buyer_update_url(order, tracking),
        "buyer_chat": whatsapp_link(order.buyer_phone),
    }
    return render(request, "market/dashboard/order.html", ctx, status=400 if form else 200)


@market_access
@require_POST
def order_step(request: MarketRequest, code: str) -> HttpResponse:
    order = _order(request, code)
    form = OrderStepForm(request.POST, step=request.POST.get("status", ""))
    if form.is_valid():
        try:
            order_services.order_advance(
                order=order,
                status=form.cleaned_data["status"],
                actor=request.user,
                fields=form.cleaned_data["fields"],
            )
        except order_services.OrderError as exc:
            form.add_error(None, str(exc))
    if form.errors:
        return _order_page(request, order, form=form)
    messages.success(
        request,
        _("Pesanan %(code)s kini %(status)s.")
        % {"code": code, "status": order.get_status_display()},
    )
    return redirect("market_dashboard:order", slug=request.village.slug, code=code)


@market_access
def order_proof(request: MarketRequest, code: str) -> FileResponse:
    """The buyer's transfer proof: personal, so audit-logged and never kept by a browser."""
    order = _order(request, code)
    if not order.proof:
        raise Http404("tidak ada bukti bayar")
    audit_record(
        actor=request.user, action="market.proof_view", target=order.code, village=request.village
    )
    suffix = PurePath(order.proof.name or "").suffix
    response = FileResponse(
        order.proof.open("rb"), as_attachment=True, filename=f"bukti-{order.code}{suffix}"
    )
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response
