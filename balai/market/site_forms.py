"""Forms buyers fill on the public shop pages: order, tracking lookup, transfer proof, review."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import PhotoFileInput, clean_document, hint
from balai.lib.uploads import DOCUMENT_TYPES
from balai.market.models import Order, Product
from balai.market.orders import unit_price


class ChoiceChips(forms.RadioSelect):
    """Radio buttons where some options are shown but cannot be chosen (a sold-out variant)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.disabled_values: set[str] = set()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


class OrderForm(forms.Form):
    variant = forms.ChoiceField(label=gettext_lazy("Varian"), required=False, widget=ChoiceChips)
    quantity = forms.IntegerField(
        label=pgettext_lazy("quantity", "Jumlah"), min_value=1, max_value=10_000
    )
    buyer_name = forms.CharField(label=gettext_lazy("Nama Anda"), max_length=120)
    buyer_phone = WhatsAppField(
        label=gettext_lazy("Nomor WhatsApp Anda"),
        help_text=gettext_lazy("Untuk melacak pesanan dan dihubungi penjual."),
    )
    buyer_email = forms.EmailField(
        label=gettext_lazy("Email"),
        required=False,
        help_text=gettext_lazy("Jika ingin kabar pesanan lewat email."),
    )
    delivery = forms.ChoiceField(label=gettext_lazy("Pengiriman"), widget=forms.RadioSelect)
    payment = forms.ChoiceField(
        label=gettext_lazy("Pembayaran"),
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Bayar setelah penjual mengonfirmasi total dan ongkos kirim."),
    )
    address = forms.CharField(
        label=gettext_lazy("Alamat pengiriman"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        help_text=gettext_lazy("Wajib jika dikirim. Hanya penjual dan desa yang melihatnya."),
    )
    note = forms.CharField(
        label=gettext_lazy("Catatan untuk penjual"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args: Any, product: Product, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.product = product
        variants = list(product.variants.all())
        self.variants = {str(v.pk): v for v in variants}
        if variants:
            variant_field = cast(forms.ChoiceField, self.fields["variant"])
            variant_field.required = True
            variant_field.choices = [
                (str(v.pk), v.name + (" — " + _("habis") if v.sold_out else "")) for v in variants
            ]
            cast(ChoiceChips, variant_field.widget).disabled_values = {
                str(v.pk) for v in variants if v.sold_out
            }
        else:
            del self.fields["variant"]
        seller = product.seller
        D, P = Order.Delivery, Order.Payment
        deliveries = [
            (D.PICKUP, seller.offers_pickup),
            (D.COURIER, seller.offers_courier or seller.offers_cod),
        ]
        cast(forms.ChoiceField, self.fields["delivery"]).choices = [
            (value, D(value).label) for value, offered in deliveries if offered
        ] or [(D.PICKUP, D.PICKUP.label)]
        payments = [
            (P.TRANSFER, True),
            (P.QRIS, bool(seller.qris)),
            (P.CASH, seller.offers_pickup),
            (P.COD, seller.offers_cod),
        ]
        cast(forms.ChoiceField, self.fields["payment"]).choices = [
            (value, P(value).label) for value, offered in payments if offered
        ]
        for name in ("delivery", "payment"):
            choices = cast(forms.ChoiceField, self.fields[name]).choices
            if len(choices) == 1:  # type: ignore[arg-type]
                self.fields[name].initial = choices[0][0]  # type: ignore[index]
        self.fields["quantity"].widget.attrs["inputmode"] = "numeric"
        self.fields["buyer_name"].widget.attrs["autocomplete"] = "name"
        self.fields["buyer_email"].widget.attrs["autocomplete"] = "email"

    def clean_variant(self):
        value = self.cleaned_data.get("variant")
        variant = self.variants.get(value or "")
        if variant and variant.sold_out:
            raise ValidationError(_("Varian ini sedang habis. Pilih varian lain."))
        return variant

    def clean(self):
        data = super().clean()
        delivery, payment = data.get("delivery"), data.get("payment")
        if delivery == Order.Delivery.COURIER and not (data.get("address") or "").strip():
            self.add_error("address", _("Tulis alamat pengiriman."))
        if payment == Order.Payment.CASH and delivery == Order.Delivery.COURIER:
            self.add_error("payment", _("Tunai hanya bila barang diambil di desa. Pilih COD."))
        if payment == Order.Payment.COD and delivery == Order.Delivery.PICKUP:
            self.add_error(
                "payment", _("COD hanya untuk barang yang dikirim. Pilih tunai saat ambil.")
            )
        seller = self.product.seller
        if (
            delivery == Order.Delivery.COURIER
            and payment in (Order.Payment.TRANSFER, Order.Payment.QRIS)
            and not seller.offers_courier
        ):
            self.add_error("payment", _("Penjual ini mengirim dengan bayar di tempat (COD)."))
        if self.product.stock == Product.Stock.SOLD_OUT:
            raise ValidationError(_("Maaf, produk ini sedang habis."))
        quantity = data.get("quantity")
        if quantity and quantity < self.product.min_order:
            self.add_error("quantity", _("Pesanan minimal %(n)s.") % {"n": self.product.min_order})
        return data

    def figures(self) -> dict[str, Any]:
        """The unit price, quantity and subtotal for what is filled in now (posted, or the
        first view's choices), so the page shows quantity × price without JavaScript."""
        source = self.data if self.is_bound else self.initial
        variant = self.variants.get(str(source.get("variant") or ""))
        try:
            quantity = max(1, min(10_000, int(source.get("quantity") or self.product.min_order)))
        except (TypeError, ValueError):
            quantity = self.product.min_order
        price = unit_price(self.product, variant)
        if self.variants and variant is None:
            price = None  # the variant decides the price
        return {
            "needs_variant": bool(self.variants) and variant is None,
            "quantity": quantity,
            "unit_price": price,
            "subtotal": None if price is None else price * quantity,
            "variant": variant,
        }

    def variant_prices(self) -> dict[str, int | None]:
        """Each variant's unit price, for the live subtotal (JavaScript) on the order form."""
        return {pk: unit_price(self.product, v) for pk, v in self.variants.items()}


class TrackForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kode pesanan"),
        max_length=12,
        help_text=gettext_lazy("Misalnya LPK-7QK2MD."),
    )
    phone = forms.CharField(
        label=gettext_lazy("Nomor WhatsApp yang dipakai saat memesan"),
        max_length=24,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper().replace(" ", "")
        return code if code.startswith("LPK-") else "LPK-" + code


class ProofForm(forms.Form):
    proof = forms.FileField(
        label=gettext_lazy("Foto bukti transfer"),
        widget=PhotoFileInput(attrs={"accept": "image/*,application/pdf"}),
        help_text=hint(DOCUMENT_TYPES),
    )

    def clean_proof(self) -> tuple[bytes, str]:
        """(content, extension): a PDF checked and kept as sent, a photo re-encoded."""
        checked = clean_document(self.cleaned_data["proof"], max_side=1600)
        if checked is None:
            raise ValidationError(self.fields["proof"].error_messages["required"])
        return checked.read(), checked.extension


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=pgettext_lazy("rating", "Nilai"),
        coerce=int,
        choices=[(n, "★" * n) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )
    display_name = forms.CharField(
        label=gettext_lazy("Nama yang ditampilkan"),
        max_length=40,
        help_text=gettext_lazy("Misalnya nama depan Anda saja."),
    )
    comment = forms.CharField(
        label=gettext_lazy("Ulasan"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
