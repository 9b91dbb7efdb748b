"""Email about orders: the seller hears of new orders and payment proofs; the buyer (when they
gave an email) hears of every step. WhatsApp messages are links people send themselves."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from balai.market.links import public_tracking_url
from balai.market.models import Order


def _district(path: str) -> str:
    return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}{path}"


def order_notify_send(*, order_id: int, event: str) -> None:
    order = Order.objects.select_related("seller__user", "village").filter(pk=order_id).first()
    if order is None:
        return
    seller = order.seller
    seller_to = seller.email or (seller.user.email if seller.user else "")
    detail = _district(
        reverse("market_dashboard:order", kwargs={"slug": order.village.slug, "code": order.code})
    )
    if event in ("new", "proof") and seller_to:
        subject = (_("Pesanan baru %(code)s") if event == "new" else _("Bukti bayar %(code)s")) % {
            "code": order.code
        }
        body = _("Pesanan %(code)s: %(product)s × %(qty)s.\nBuka pesanan di:\n%(link)s\n") % {
            "code": order.code,
            "product": order.product_name,
            "qty": order.quantity,
            "link": detail,
        }
        send_mail(subject, body, None, [seller_to], fail_silently=True)
    if event not in ("new", "proof") and order.buyer_email:
        subject = _("Pesanan %(code)s: %(status)s") % {
            "code": order.code,
            "status": order.get_status_display(),
        }
        track = public_tracking_url(order)
        body = _(
            "Pesanan %(code)s (%(product)s) kini berstatus %(status)s.\n"
            "Lacak dengan kode pesanan dan nomor WhatsApp Anda di:\n%(link)s\n"
        ) % {
            "code": order.code,
            "product": order.product_name,
            "status": order.get_status_display(),
            "link": track,
        }
        send_mail(subject, body, None, [order.buyer_email], fail_silently=True)
