"""The village shop on the public site: catalogue, product page, ordering, tracking.

Order pages are personal to the buyer: they are never cached, and only the session that placed
the order (or proved the code and phone number) may see them."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from balai.lib.net import client_network
from balai.lib.pagination import paginate
from balai.lib.phone import normalize_whatsapp
from balai.lib.ratelimit import Limit, rate_limit_hit, too_many_message
from balai.market import orders as order_services
from balai.market import selectors
from balai.market.jsonld import product_jsonld
from balai.market.links import public_product_url
from balai.market.models import Category, Order, Product, Review
from balai.market.services import new_form_token
from balai.market.site_forms import OrderForm, ProofForm, ReviewForm, TrackForm
from balai.villages.cache import cache_public_page
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse

SESSION_KEY = "market_orders"
PAGE_SIZE = 24
TRACK_LIMIT = Limit(10, 15 * 60)  # lookups per visitor, and per order code


def _grant(request: VillageRequest, order: Order) -> None:
    granted = set(request.session.get(SESSION_KEY, []))
    granted.add(order.pk)
    request.session[SESSION_KEY] = sorted(granted)[-20:]


def _granted_order(request: VillageRequest, code: str) -> Order | None:
    order = (
        Order.objects.for_village(request.village)
        .select_related("seller", "product", "village")
        .filter(code=code)
        .first()
    )
    if order is None or order.pk not in request.session.get(SESSION_KEY, []):
        return None
    return order


@require_safe
@cache_public_page
def catalogue(request: VillageRequest) -> HttpResponse:
    village = request.village
    category = request.GET.get("kategori", "")
    sort = request.GET.get("urut", "baru")
    q = request.GET.get("q", "").strip()[:80]
    qs = selectors.village_catalogue(village, category=category, q=q, sort=sort)
    page = paginate(request, qs, PAGE_SIZE)
    if not page.object_list and not (q or category) and not selectors.has_public_products(village):
        raise Http404("belum ada produk")
    ctx = {
        "page": page,
        "categories": selectors.catalogue_categories(village),
        "category": category,
        "category_label": dict(Category.choices).get(category, ""),
        "sort": sort,
        "sorts": selectors.SORT_LABELS,
        "q": q,
    }
    return render(request, "market/site/catalogue.html", ctx)


@require_safe
@cache_public_page
def product(request: VillageRequest, product_slug: str) -> HttpResponse:
    found = selectors.public_product(request.village, product_slug)
    if found is None:
        raise Http404("produk tidak ditemukan")
    url = public_product_url(found)
    photos = list(found.photos.all())
    variants = list(found.variants.all())
    ctx = {
        "product": found,
        "photos": photos,
        "variants": variants,
        "first_variant": next((v for v in variants if not v.sold_out), None),
        "reviews": selectors.approved_reviews(found),
        "share_url": url,
        "jsonld": product_jsonld(found, url, photos, request),
    }
    return render(request, "market/site/product.html", ctx)


@never_cache
def order_form(request: VillageRequest, product_slug: str) -> HttpResponse:
    found = selectors.public_product(request.village, product_slug)
    if found is None:
        raise Http404("produk tidak ditemukan")
    initial = {
        "form_token": new_form_token(),
        "quantity": request.GET.get("jumlah") or found.min_order,
        "variant": request.GET.get("varian") or _first_available_variant(found),
    }
    if request.method == "POST" and "hitung" in request.POST:
        # "Hitung total" without JavaScript: show the subtotal for what was filled in, as the
        # first view does, with no errors for fields not yet filled and nothing saved.
        form = OrderForm(product=found, initial={**initial, **request.POST.dict()})
        return _order_page(request, found, form)
    form = OrderForm(request.POST or None, product=found, initial=initial)
    if request.method == "POST" and form.is_valid():
        names = ("buyer_name", "buyer_phone", "buyer_email", "delivery", "payment", "address")
        data = order_services.OrderInput(
            **{k: form.cleaned_data.get(k) or "" for k in (*names, "note", "form_token")},
            quantity=form.cleaned_data["quantity"],
            variant=form.cleaned_data.get("variant"),
        )
        try:
            order, _created = order_services.order_create(product=found, data=data)
        except order_services.OrderError as exc:
            form.add_error(None, str(exc))
        else:
            _grant(request, order)
            return redirect(site_reverse(request, "market_order_done", code=order.code))
    return _order_page(request, found, form)


def _first_available_variant(product: Product) -> str:
    first = next((v for v in product.variants.all() if not v.sold_out), None)
    return str(first.pk) if first else ""


def _order_page(request: VillageRequest, product: Product, form: OrderForm) -> HttpResponse:
    ctx = {
        "form": form,
        "product": product,
        "figures": form.figures(),
        "prices": form.variant_prices(),
    }
    return render(request, "market/site/order_form.html", ctx)


@never_cache
@require_safe
def order_done(request: VillageRequest, code: str) -> HttpResponse:
    order = _granted_order(request, code)
    if order is None:
        return redirect(site_reverse(request, "market_track"))
    wa = order_services.order_whatsapp_url(order, public_product_url(order.product))
    return render(request, "market/site/order_done.html", {"order": order, "whatsapp_url": wa})


def _track_refused(request: VillageRequest, code: str) -> bool:
    """Count one lookup per visitor (their own address behind the proxy) and per order code, so
    neither one visitor nor many can guess the phone number behind a code."""
    by_visitor = rate_limit_hit(
        scope="market.track", value=client_network(request), limit=TRACK_LIMIT
    )
    by_code = rate_limit_hit(scope="market.track.code", value=code, limit=TRACK_LIMIT)
    return by_visitor or by_code


@never_cache
def track(request: VillageRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _track_refused(request, form.cleaned_data["code"]):
            form.add_error(None, too_many_message(TRACK_LIMIT))
            status = 429
        else:
            phone = normalize_whatsapp(form.cleaned_data["phone"])
            order = (
                Order.objects.for_village(request.village)
                .filter(code=form.cleaned_data["code"], buyer_phone=phone or "-")
                .first()
            )
            if order:
                _grant(request, order)
                return redirect(site_reverse(request, "market_track_order", code=order.code))
            # The same words whether the code or the phone was wrong: nothing leaks.
            form.add_error(None, _("Kode pesanan dan nomor WhatsApp tidak cocok."))
            status = 400
    return render(request, "market/site/track.html", {"form": form}, status=status)


@never_cache
def track_order(request: VillageRequest, code: str) -> HttpResponse:
    order = _granted_order(request, code)
    if order is None:
        return redirect(site_reverse(request, "market_track"))
    proof_form = ProofForm()
    review_form = ReviewForm()
    if request.method == "POST":
        if "proof" in request.FILES or request.POST.get("aksi") == "bukti":
            proof_form = ProofForm(request.POST, request.FILES)
            if proof_form.is_valid():
                content, ext = proof_form.cleaned_data["proof"]
                try:
                    order_services.order_proof_upload(order=order, content=content, extension=ext)
                    return redirect(request.path)
                except order_services.OrderError as exc:
                    proof_form.add_error(None, str(exc))
        else:
            review_form = ReviewForm(request.POST)
            if review_form.is_valid():
                try:
                    order_services.review_create(order=order, **review_form.cleaned_data)
                    return redirect(request.path)
                except order_services.OrderError as exc:
                    review_form.add_error(None, str(exc))
    ctx = {
        "order": order,
        "events": list(order.events.all()),
        "progress": order_services.order_progress(order),
        "seller_chat": order_services.seller_chat_url(order),
        "proof_form": proof_form,
        "review_form": review_form,
        "review": Review.objects.filter(order=order).first(),
    }
    return render(request, "market/site/track_order.html", ctx)
