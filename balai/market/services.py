"""Writes for sellers and products. Sellers, products, their photos and variants and reviews are
public content: saving or deleting one refreshes the village's cached shop pages by itself
(villages/content.py)."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from balai.accounts.models import User
from balai.audit.services import audit_record
from balai.lib.uploads import EncodedImage
from balai.market.integrity import product_alert, product_suspicious
from balai.market.models import Product, ProductPhoto, Review, Seller, Variant
from balai.villages.models import Village
from balai.watch.integrity import may_release_hold

MAX_PHOTOS = 6
RESERVED_PRODUCT_SLUGS = {"lacak", "pesanan", "penjual", "kategori", "cari"}


class MarketError(ValueError):
    """A refused change; the message is for the person who asked, in Indonesian."""


@dataclass
class PhotoUpload:
    """A checked photo, re-encoded in two widths by the form."""

    large: EncodedImage
    small: EncodedImage
    alt: str


@dataclass
class VariantRow:
    name: str
    price: int | None
    stock: str
    quantity: int | None


def seller_save(*, village: Village, seller: Seller, actor: Any, photo=None, qris=None) -> Seller:
    """Create or update a seller; a new one waits for the village's approval."""
    with transaction.atomic():
        seller.village = village
        if photo:
            seller.photo.save(f"p.{photo.extension}", ContentFile(photo.content), save=False)
        if qris:
            seller.qris.save(f"q.{qris.extension}", ContentFile(qris.content), save=False)
        created = seller.pk is None
        try:
            with transaction.atomic():
                seller.save()
        except IntegrityError as exc:  # the same name saved a moment ago by someone else
            raise MarketError(
                _("Sudah ada penjual bernama “%(name)s” di desa ini. Pakai nama lain.")
                % {"name": seller.name}
            ) from exc
        audit_record(
            actor=actor,
            action="market.seller_create" if created else "market.seller_update",
            target=seller.name,
            village=village,
        )
    return seller


def seller_set_status(*, village: Village, seller: Seller, status: str, actor: Any) -> None:
    seller.status = status
    seller.save(update_fields=["status"])
    audit_record(actor=actor, action=f"market.seller_{status}", target=seller.name, village=village)


def seller_login_create(*, village: Village, seller: Seller, email: str, actor: Any) -> User:
    """A login for a seller: an account with no usable password and a set-password link by
    email, like the district's staff accounts. Sellers are not village members."""
    from balai.accounts.services import set_password_url

    email = email.strip().lower()
    if seller.user_id:
        raise MarketError(_("Penjual ini sudah punya akun."))
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        if user is not None:
            raise MarketError(_("Sudah ada akun dengan email %(email)s.") % {"email": email})
        user = User.objects.create_user(email, None, name=seller.owner_name or seller.name)
        user.set_unusable_password()
        user.save(update_fields=["password"])
        seller.user = user
        seller.save(update_fields=["user"])
        audit_record(actor=actor, action="market.seller_login", target=email, village=village)
    home = reverse("market_dashboard:seller_home", kwargs={"slug": village.slug})
    body = _(
        "Halo %(name)s,\n\n%(village)s membuatkan akun Lapak Desa untuk %(shop)s.\n"
        "Buat kata sandi lewat tautan ini (berlaku satu kali):\n\n%(link)s\n\n"
        "Sesudah itu, kelola produk dan pesanan Anda di:\n%(home)s\n"
    ) % {
        "name": user.name,
        "village": village.display_name,
        "shop": seller.name,
        "link": set_password_url(user),
        "home": f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}{home}",
    }
    send_mail(_("Akun Lapak Desa Anda"), body, None, [email], fail_silently=True)
    return user


def _unique_slug(village: Village, name: str, exclude: int | None) -> str:
    base = (slugify(name) or "produk")[:70]
    if base in RESERVED_PRODUCT_SLUGS:
        base = f"{base}-produk"
    taken = set(
        Product.objects.for_village(village)
        .filter(slug__startswith=base)
        .exclude(pk=exclude or 0)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def seller_is_trusted(seller: Seller) -> bool:
    """A seller whose earlier product the village approved may publish without waiting."""
    return seller.products.filter(published_at__isnull=False).exists()


def product_save(
    *,
    village: Village,
    product: Product,
    actor: Any,
    by_village: bool,
    publish: bool,
    variants: list[VariantRow] | None = None,
    photos: Sequence[PhotoUpload] = (),
) -> Product:
    """Create or update a product with its variants and new photos, all or nothing.

    `publish` asks to show it: the village publishes at once; a seller's first product goes to
    the village for approval. Text that looks like spam is held for the village's review
    whoever asks (see market.integrity), unless a mentor or the district saves it."""
    reasons = [] if may_release_hold(actor, village) else product_suspicious(product)
    with transaction.atomic():
        product.village = village
        product.slug = _unique_slug(village, product.name, product.pk)
        if publish:
            trusted = by_village or seller_is_trusted(product.seller)
            product.status = Product.Status.PUBLISHED if trusted else Product.Status.PENDING
        held = bool(reasons) and product.status in (
            Product.Status.PUBLISHED,
            Product.Status.PENDING,
        )
        if held:
            product.status = Product.Status.PENDING
            product.held_reason = "; ".join(reasons)
        elif not reasons:
            product.held_reason = ""
        if product.status == Product.Status.PUBLISHED and not product.published_at:
            product.published_at = timezone.now()
        product.save()
        if variants is not None:
            _variants_replace(village=village, product=product, rows=variants)
        _photos_add(village=village, product=product, photos=photos)
        audit_record(
            actor=actor, action="market.product_save", target=product.name, village=village
        )
    if held:
        product_alert(village=village, product=product, reasons=reasons)
    return product


def _variants_replace(*, village: Village, product: Product, rows: list[VariantRow]) -> None:
    # Matched by name, so an edited price keeps the variant (and the orders pointing at it).
    existing = {v.name: v for v in product.variants.all()}
    for index, row in enumerate(rows):
        variant = existing.pop(row.name, None) or Variant(village=village, product=product)
        variant.name, variant.price, variant.order = row.name, row.price, index
        variant.stock, variant.quantity = row.stock, row.quantity
        variant.save()
    for gone in existing.values():
        gone.delete()


def _photos_add(*, village: Village, product: Product, photos: Sequence[PhotoUpload]) -> None:
    if not photos:
        return
    count = product.photos.count()
    if count + len(photos) > MAX_PHOTOS:
        raise MarketError(_("Paling banyak %(n)s foto per produk.") % {"n": MAX_PHOTOS})
    top = product.photos.aggregate(top=Max("order"))["top"] or 0
    for index, upload in enumerate(photos, start=1):
        photo = ProductPhoto(
            village=village,
            product=product,
            alt=upload.alt[:200],
            order=top + index,
            width=upload.large.width,
            height=upload.large.height,
        )
        photo.image.save(f"b.{upload.large.extension}", ContentFile(upload.large.content), False)
        photo.thumb.save(f"k.{upload.small.extension}", ContentFile(upload.small.content), False)
        photo.save()


def product_photo_delete(*, village: Village, photo: ProductPhoto) -> None:
    files = [(photo.image.storage, photo.image.name), (photo.thumb.storage, photo.thumb.name)]
    photo.delete()

    def _remove() -> None:
        for storage, name in files:
            with contextlib.suppress(OSError):
                if name:
                    storage.delete(name)

    transaction.on_commit(_remove)


def product_photo_alt(*, village: Village, photo: ProductPhoto, alt: str) -> None:
    photo.alt = alt.strip()[:200]
    photo.save(update_fields=["alt"])


def product_set_status(*, village: Village, product: Product, status: str, actor: Any) -> bool:
    """Approve, show or hide a product. Approving text that looks like spam holds it instead
    (False), unless a mentor or the district releases it."""
    publishing = status == Product.Status.PUBLISHED
    reasons = product_suspicious(product) if publishing else []
    if reasons and not may_release_hold(actor, village):
        product.status = Product.Status.PENDING
        product.held_reason = "; ".join(reasons)
        product.save(update_fields=["status", "held_reason", "updated_at"])
        product_alert(village=village, product=product, reasons=reasons)
        return False
    product.status = status
    if publishing:
        product.held_reason = ""
        product.published_at = product.published_at or timezone.now()
    product.save(update_fields=["status", "published_at", "held_reason", "updated_at"])
    audit_record(
        actor=actor, action=f"market.product_{status}", target=product.name, village=village
    )
    return True


def review_set_status(*, village: Village, review: Review, status: str, actor: Any) -> None:
    review.status = status
    review.save(update_fields=["status"])
    audit_record(
        actor=actor, action=f"market.review_{status}", target=str(review.pk), village=village
    )


def new_form_token() -> str:
    return secrets.token_urlsafe(24)
