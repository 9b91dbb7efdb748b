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


class OrderForm(forms.Form):
    variant = forms.ChoiceField(label=gettext_lazy("Varian"), required=False)
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
            variant_field.choices = [("", _("Pilih varian"))] + [
                (str(v.pk), v.name + (" — " + _("habis") if v.sold_out else "")) for v in variants
            ]
        else:
            del self.fields["variant"]
        seller = product.seller
        offers = [
            (Order.Delivery.PICKUP, seller.offers_pickup),
            (Order.Delivery.COURIER, seller.offers_courier),
            (Order.Delivery.COD, seller.offers_cod),
        ]
        cast(forms.ChoiceField, self.fields["delivery"]).choices = [
            (value, Order.Delivery(value).label) for value, offered in offers if offered
        ] or [(Order.Delivery.PICKUP, Order.Delivery.PICKUP.label)]
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
        if (
            data.get("delivery") in (Order.Delivery.COURIER, Order.Delivery.COD)
            and not (data.get("address") or "").strip()
        ):
            self.add_error("address", _("Tulis alamat pengiriman."))
        if self.product.stock == Product.Stock.SOLD_OUT:
            raise ValidationError(_("Maaf, produk ini sedang habis."))
        quantity = data.get("quantity")
        if quantity and quantity < self.product.min_order:
            self.add_error("quantity", _("Pesanan minimal %(n)s.") % {"n": self.product.min_order})
        return data


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
