"""Orders: placed by a buyer, handed to WhatsApp, moved through their states by the seller or
the village. Balai takes no payment; it keeps the record everyone can check."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from balai.lib.numbers import rupiah
from balai.lib.phone import whatsapp_link
from balai.market.models import Order, OrderEvent, Product, Review, Variant

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone
S = Order.Status

# Which step may follow which; COD orders are paid on delivery, pick-ups are not shipped.
# Orders made before payment was chosen apart from delivery were migrated (COD → courier + COD).
TRANSITIONS: dict[str, set[str]] = {
    S.NEW: {S.CONFIRMED, S.CANCELLED},
    S.CONFIRMED: {S.PAID, S.SHIPPED, S.CANCELLED},
    S.PAID: {S.SHIPPED, S.DONE, S.CANCELLED},
    S.SHIPPED: {S.DONE, S.CANCELLED},
    S.DONE: set(),
    S.CANCELLED: set(),
}


class OrderError(ValueError):
    """A refused order or step; the message is for the person, in Indonesian."""


@dataclass
class OrderInput:
    buyer_name: str
    buyer_phone: str
    buyer_email: str
    quantity: int
    variant: Variant | None
    delivery: str
    payment: str
    address: str
    note: str
    form_token: str


def _new_code() -> str:
    return "LPK-" + "".join(secrets.choice(CODE_ALPHABET) for _i in range(6))


def allowed_next(order: Order) -> list[str]:
    steps = set(TRANSITIONS[order.status])
    if order.status == S.CONFIRMED:
        steps.discard(S.PAID if order.is_cod else S.SHIPPED)
    if order.status == S.PAID:
        steps.discard(S.SHIPPED if order.delivery == Order.Delivery.PICKUP else S.DONE)
    return [s for s in S.values if s in steps]


def unit_price(product: Product, variant: Variant | None) -> int | None:
    """The price of one unit as ordered; None when the seller names it (a range or nego)."""
    if variant and variant.price is not None:
        return variant.price
    if product.price_max or product.negotiable:
        return None  # a range: the seller sets the total when confirming
    return product.price_min


def order_create(*, product: Product, data: OrderInput) -> tuple[Order, bool]:
    """Store the order; a repeated submission of the same form returns the first order.
    Returns (order, created)."""
    existing = Order.objects.filter(form_token=data.form_token, product=product).first()
    if existing:
        return existing, False
    variant = data.variant
    if product.stock == Product.Stock.SOLD_OUT or (variant and variant.sold_out):
        raise OrderError(_("Maaf, pilihan ini sedang habis. Pilih varian lain."))
    if variant and variant.quantity is not None and data.quantity > variant.quantity:
        raise OrderError(_("Stok tinggal %(n)s.") % {"n": variant.quantity})
    if data.quantity < product.min_order:
        raise OrderError(_("Pesanan minimal %(n)s.") % {"n": product.min_order})
    price = unit_price(product, variant)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                order = Order.objects.create(
                    village=product.village,
                    seller=product.seller,
                    product=product,
                    variant=variant,
                    code=_new_code(),
                    form_token=data.form_token,
                    product_name=product.name,
                    variant_name=variant.name if variant else "",
                    category=product.category,
                    quantity=data.quantity,
                    unit_price=price,
                    buyer_name=data.buyer_name,
                    buyer_phone=data.buyer_phone,
                    buyer_email=data.buyer_email,
                    delivery=data.delivery,
                    payment=data.payment,
                    address=data.address,
                    note=data.note,
                )
                OrderEvent.objects.create(village=order.village, order=order, status=S.NEW)
        except IntegrityError:
            again = Order.objects.filter(form_token=data.form_token, product=product).first()
            if again:  # the twin submission won the race
                return again, False
            continue  # a code collision: draw another
        _notify(order, "new")
        return order, True
    raise OrderError(_("Pesanan belum tersimpan. Coba kirim sekali lagi."))


def order_advance(
    *, order: Order, status: str, actor: Any, fields: dict[str, Any] | None = None
) -> Order:
    """Move an order one step; `fields` holds what the step needs (total and shipping when
    confirming, payment when paid, courier and tracking number when shipped, reason when
    cancelled)."""
    if status not in allowed_next(order):
        raise OrderError(_("Pesanan ini tidak bisa diubah ke status itu."))
    fields = fields or {}
    note = ""
    with transaction.atomic():
        for name, value in fields.items():
            setattr(order, name, value)
        order.status = status
        order.save()
        if status == S.SHIPPED and order.tracking_number:
            note = f"{order.courier} {order.tracking_number}".strip()
        elif status == S.CANCELLED:
            note = order.cancel_reason
        OrderEvent.objects.create(
            village=order.village, order=order, status=status, note=note[:200], actor=actor
        )
    _notify(order, status)
    return order


def order_proof_upload(*, order: Order, content: bytes, extension: str) -> Order:
    """The buyer's transfer proof, kept in private storage; the seller still confirms payment."""
    if order.status != S.CONFIRMED:
        raise OrderError(_("Bukti bayar bisa dikirim setelah pesanan dikonfirmasi penjual."))
    if order.is_cod or order.payment == Order.Payment.CASH:
        # Paid in cash at the door or at pick-up: a proof would turn it into a transfer order.
        raise OrderError(_("Pesanan ini dibayar tunai, tanpa bukti transfer."))
    with transaction.atomic():
        if order.proof:
            order.proof.delete(save=False)
        order.proof.save(f"bukti.{extension}", ContentFile(content), save=False)
        if order.payment not in (Order.Payment.TRANSFER, Order.Payment.QRIS):
            order.payment = Order.Payment.TRANSFER
        order.save(update_fields=["proof", "payment", "updated_at"])
        OrderEvent.objects.create(
            village=order.village, order=order, status=order.status, note=_("Bukti bayar dikirim")
        )
    _notify(order, "proof")
    return order


def review_create(*, order: Order, rating: int, display_name: str, comment: str) -> Review:
    if order.status != S.DONE:
        raise OrderError(_("Ulasan bisa ditulis setelah pesanan selesai."))
    if Review.objects.filter(order=order).exists():
        raise OrderError(_("Pesanan ini sudah diulas."))
    return Review.objects.create(
        village=order.village,
        order=order,
        product=order.product,
        rating=rating,
        display_name=display_name,
        comment=comment,
    )


def _notify(order: Order, event: str) -> None:
    from balai.market.tasks import order_notify

    transaction.on_commit(lambda: order_notify.enqueue(order.pk, event))


def order_whatsapp_text(order: Order, product_url: str) -> str:
    """The buyer's first message to the seller."""
    lines = [
        _("Halo %(seller)s, saya ingin memesan:") % {"seller": order.seller.name},
        f"{order.product_name}" + (f" — {order.variant_name}" if order.variant_name else ""),
        _("Jumlah: %(n)s") % {"n": order.quantity},
    ]
    if order.subtotal is not None:
        lines.append(
            _("Subtotal: %(n)s × %(price)s = %(total)s (belum termasuk ongkir)")
            % {
                "n": order.quantity,
                "price": rupiah(order.unit_price),
                "total": rupiah(order.subtotal),
            }
        )
    lines += [
        _("Pengiriman: %(d)s") % {"d": order.get_delivery_display()},
        _("Pembayaran: %(p)s") % {"p": order.get_payment_display()},
        _("Kode pesanan: %(code)s") % {"code": order.code},
        product_url,
    ]
    return "\n".join(lines)


def seller_chat_url(order: Order) -> str:
    """The buyer's question about an order, with its code, to the seller's WhatsApp."""
    text = _("Halo %(seller)s, saya menanyakan pesanan %(code)s (%(product)s).") % {
        "seller": order.seller.name,
        "code": order.code,
        "product": order.product_name,
    }
    return whatsapp_link(order.seller.whatsapp, text)


@dataclass(frozen=True)
class Step:
    status: str
    label: str
    state: str  # DONE, CURRENT (the step the order has reached) or TODO

    DONE: ClassVar[str] = "done"
    CURRENT: ClassVar[str] = "current"
    TODO: ClassVar[str] = "todo"

    @property
    def is_done(self) -> bool:
        return self.state == self.DONE

    @property
    def is_current(self) -> bool:
        return self.state == self.CURRENT


def order_progress(order: Order) -> list[Step]:
    """The steps this order goes through, for the buyer's step indicator: a pick-up is not
    shipped, a COD order is paid on delivery. Empty for a cancelled order (the page says so)."""
    if order.status == S.CANCELLED:
        return []
    path: list[str] = [S.NEW, S.CONFIRMED, S.PAID, S.SHIPPED, S.DONE]
    if order.delivery == Order.Delivery.PICKUP:
        path.remove(S.SHIPPED)
    elif order.is_cod:
        path.remove(S.PAID)
    if order.status not in path:  # a step outside the usual path: show every step
        path = [S.NEW, S.CONFIRMED, S.PAID, S.SHIPPED, S.DONE]
    current = path.index(order.status)
    steps = []
    for i, status in enumerate(path):
        state = Step.DONE if i < current else Step.CURRENT if i == current else Step.TODO
        label = _("Dipesan") if status == S.NEW else S(status).label
        steps.append(Step(status, str(label), state))
    return steps


def order_whatsapp_url(order: Order, product_url: str) -> str:
    text = order_whatsapp_text(order, product_url)
    return whatsapp_link(order.seller.whatsapp, text)


def buyer_update_text(order: Order, tracking_url: str) -> str:
    """The seller's message to the buyer about the current state (sent from the seller's own
    WhatsApp: Balai only prepares the words)."""
    status = order.get_status_display().lower()
    parts = [
        _("Halo %(name)s, pesanan %(code)s (%(product)s) kini %(status)s.")
        % {
            "name": order.buyer_name,
            "code": order.code,
            "product": order.product_name,
            "status": status,
        }
    ]
    if order.status == S.CONFIRMED and order.grand_total is not None:
        parts.append(_("Total bayar: %(total)s.") % {"total": rupiah(order.grand_total)})
    if order.status == S.SHIPPED and order.tracking_number:
        parts.append(
            _("Kurir %(courier)s, resi %(number)s.")
            % {"courier": order.courier, "number": order.tracking_number}
        )
    if order.status == S.CANCELLED and order.cancel_reason:
        parts.append(_("Alasan: %(reason)s") % {"reason": order.cancel_reason})
    parts.append(_("Lacak pesanan: %(url)s") % {"url": tracking_url})
    return " ".join(parts)


def buyer_update_url(order: Order, tracking_url: str) -> str:
    return (
        whatsapp_link(order.buyer_phone)
        + "?text="
        + quote(buyer_update_text(order, tracking_url), safe="")
    )
