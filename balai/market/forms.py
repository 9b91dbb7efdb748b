"""Forms of the shop dashboard and the seller pages. Uploads are checked by their bytes and
re-encoded inside clean(), so a bad file makes the form invalid before anything is written."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.lib.coordinates import CoordinateField, point_clean
from balai.lib.numbers import rupiah
from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import upload_field
from balai.lib.uploads import IMAGE_TYPES, EncodedImage, UploadError, check_upload, reencode_image
from balai.market.models import Category, Order, Product, Seller
from balai.market.prices import PriceError, parse_amount, parse_price, price_input
from balai.market.services import PhotoUpload, VariantRow


def checked_image(upload: Any, *, sides: tuple[int, ...]) -> list[EncodedImage]:
    """check_upload + re-encode in each width, or a ValidationError in plain Indonesian."""
    try:
        check_upload(upload, allowed=IMAGE_TYPES)
        return [reencode_image(upload, max_side=side) for side in sides]
    except UploadError as exc:
        raise ValidationError(str(exc)) from exc


def _image_input(label: Any, help_text: Any = "", camera: bool = False) -> forms.FileField:
    return upload_field(label, extra=help_text, camera=camera, clearable=False)


class SellerForm(forms.ModelForm):
    whatsapp = WhatsAppField(
        label=gettext_lazy("Nomor WhatsApp"), help_text=gettext_lazy("Pesanan dikirim ke sini.")
    )
    photo_upload = _image_input(gettext_lazy("Foto penjual atau usaha"))
    latitude = CoordinateField(
        axis="lat",
        label=gettext_lazy("Lintang (latitude)"),
        help_text=gettext_lazy(
            "Lokasi usaha, jika mau ditunjukkan. Misalnya -7.301234, atau tempel pasangan "
            "“-7.3051, 109.3685” dari Google Maps."
        ),
    )
    longitude = CoordinateField(axis="lng", label=gettext_lazy("Bujur (longitude)"))
    qris_upload = _image_input(
        gettext_lazy("Gambar QRIS"), gettext_lazy("QRIS statis, jika penjual punya.")
    )

    class Meta:
        model = Seller
        fields = [
            "name",
            "kind",
            "owner_name",
            "whatsapp",
            "email",
            "story",
            "bank_account",
            "latitude",
            "longitude",
            "offers_pickup",
            "offers_courier",
            "offers_cod",
        ]
        widgets = {"story": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self) -> str:
        """One name per seller in a village (buyers pick a seller by it); the database keeps
        the same rule, this says it in words."""
        name = self.cleaned_data["name"].strip()
        others = Seller.objects.for_village(self.instance.village).exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            raise ValidationError(
                _("Sudah ada penjual bernama “%(name)s” di desa ini. Pakai nama lain.")
                % {"name": name}
            )
        return name

    def clean(self) -> dict[str, Any]:
        super().clean()
        village = self.instance.village if self.instance.village_id else None
        point_clean(self, near=village.office_point if village else None)
        return self.cleaned_data

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        return checked_image(upload, sides=(600,))[0] if upload else None

    def clean_qris_upload(self):
        upload = self.cleaned_data.get("qris_upload")
        return checked_image(upload, sides=(900,))[0] if upload else None


class SellerLoginForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email penjual"),
        help_text=gettext_lazy("Tautan untuk membuat kata sandi dikirim ke email ini."),
    )


_VARIANT_LINE = re.compile(r"^(?P<name>[^=]+?)\s*(?:=\s*(?P<rest>.*))?$")


def parse_variants(text: str) -> list[VariantRow]:
    """'Parang = 350rb' / 'Kawung = 400rb, habis' / 'Sekar = 450rb, stok 2', one per line."""
    rows, errors, seen = [], [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _VARIANT_LINE.match(line.strip())
        if match is None:  # only a line that is all "=" has no name
            errors.append(_("Baris %(n)s: tulis nama varian.") % {"n": number})
            continue
        name, rest = match.group("name").strip()[:80], (match.group("rest") or "")
        stock, quantity, price = "tersedia", None, None
        try:
            # ", " separates parts; a bare comma is a decimal comma ("1,5jt").
            for part in [p.strip() for p in re.split(r",(?=\s|\D)|,$", rest) if p.strip()]:
                low = part.lower()
                if low == "habis":
                    stock = "habis"
                elif low in ("pre-order", "preorder", "po"):
                    stock = "preorder"
                elif low.startswith("stok"):
                    quantity = int(low[4:].strip())
                    if quantity < 0:
                        raise PriceError(_("stok tidak boleh negatif"))
                else:
                    price = parse_amount(part)
        except (PriceError, ValueError) as exc:
            msg = str(exc) if isinstance(exc, PriceError) else _("stok harus angka")
            errors.append(_("Baris %(n)s: %(msg)s") % {"n": number, "msg": msg})
            continue
        if name.lower() in seen:
            errors.append(
                _("Baris %(n)s: varian “%(v)s” ditulis dua kali.") % {"n": number, "v": name}
            )
        seen.add(name.lower())
        rows.append(VariantRow(name, price, stock, quantity))
    if errors:
        raise ValidationError(errors)
    return rows


def _variant_line(variant) -> str:
    parts = [rupiah(variant.price)] if variant.price is not None else []
    if variant.stock != "tersedia":
        parts.append(variant.stock)
    if variant.quantity is not None:
        parts.append(f"stok {variant.quantity}")
    return variant.name + (" = " + ", ".join(parts) if parts else "")


class ProductForm(forms.ModelForm):
    """One form for the quick add from a phone (`quick=True`: photo, name, category, price,
    variants) and the full edit."""

    price_text = forms.CharField(
        label=gettext_lazy("Harga"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("Misalnya Rp 150.000, 150rb, 150rb - 200rb, atau harga nego."),
    )
    variants_text = forms.CharField(
        label=gettext_lazy("Varian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Satu per baris: nama = harga. Misalnya: Motif Parang = 350rb, "
            "atau Kawung = 400rb, habis."
        ),
    )
    photo = _image_input(gettext_lazy("Foto produk"), camera=True)
    photo_alt = forms.CharField(
        label=gettext_lazy("Apa yang tampak di foto?"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Untuk pembaca layar. Jika kosong, dipakai nama produk."),
    )

    class Meta:
        model = Product
        fields = [
            "seller",
            "name",
            "category",
            "subcategory",
            "unit",
            "min_order",
            "weight_grams",
            "stock",
            "lead_days",
            "marketplace_links",
            "description",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "marketplace_links": forms.Textarea(attrs={"rows": 2}),
        }

    QUICK = ["seller", "name", "category", "description"]
    field_order = [
        "photo",
        "photo_alt",
        "seller",
        "name",
        "category",
        "subcategory",
        "price_text",
        "variants_text",
        "unit",
        "min_order",
        "stock",
        "lead_days",
        "weight_grams",
        "description",
        "marketplace_links",
    ]

    def __init__(
        self,
        *args: Any,
        sellers: QuerySet[Seller] | None = None,
        quick: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if sellers is None:
            del self.fields["seller"]
        else:
            cast(forms.ModelChoiceField, self.fields["seller"]).queryset = sellers
        if quick:
            for name in list(self.fields):
                if name in self.Meta.fields and name not in self.QUICK:
                    del self.fields[name]
        product = self.instance
        if product.pk:
            self.initial["price_text"] = price_input(
                product.price_min, product.price_max, product.negotiable
            )
            self.initial["variants_text"] = "\n".join(
                _variant_line(v) for v in product.variants.all()
            )
        cast(forms.ChoiceField, self.fields["category"]).choices = Category.choices
        if "subcategory" in self.fields:
            self.fields["subcategory"].widget.attrs["list"] = "market-subcategories"
        for name in ("min_order", "weight_grams", "lead_days"):
            if name in self.fields:
                self.fields[name].widget.attrs["inputmode"] = "numeric"

    def clean_price_text(self):
        try:
            return parse_price(self.cleaned_data["price_text"])
        except PriceError as exc:
            raise ValidationError(str(exc)) from exc

    def clean_variants_text(self):
        return parse_variants(self.cleaned_data["variants_text"])

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return checked_image(upload, sides=(1200, 400)) if upload else None

    def clean_marketplace_links(self):
        links = self.cleaned_data.get("marketplace_links", "")
        validator = forms.URLField(assume_scheme="https")
        for line in [x.strip() for x in links.splitlines() if x.strip()]:
            try:
                validator.clean(line)
            except ValidationError as exc:
                raise ValidationError(_("“%(url)s” bukan alamat web.") % {"url": line}) from exc
        return links

    def save_parts(self) -> tuple[Product, list[VariantRow], list[PhotoUpload]]:
        product = self.instance
        price = self.cleaned_data["price_text"]
        product.price_min, product.price_max, product.negotiable = (
            price.low,
            price.high,
            price.negotiable,
        )
        photo = self.cleaned_data.get("photo")
        alt = self.cleaned_data.get("photo_alt") or _("Foto %(name)s") % {"name": product.name}
        photos = [PhotoUpload(photo[0], photo[1], alt)] if photo else []
        return product, self.cleaned_data["variants_text"], photos


class OrderStepForm(forms.Form):
    """What the seller fills when moving an order: only the fields of the chosen step count."""

    status = forms.ChoiceField(choices=Order.Status.choices, widget=forms.HiddenInput)
    total = forms.CharField(label=gettext_lazy("Total harga barang"), required=False)
    shipping = forms.CharField(label=gettext_lazy("Ongkos kirim"), required=False)
    payment = forms.ChoiceField(
        label=gettext_lazy("Cara bayar"), choices=Order.Payment.choices, required=False
    )
    courier = forms.CharField(label=gettext_lazy("Kurir"), required=False, max_length=60)
    tracking_number = forms.CharField(
        label=gettext_lazy("Nomor resi"), required=False, max_length=60
    )
    cancel_reason = forms.CharField(
        label=gettext_lazy("Alasan pembatalan"), required=False, max_length=200
    )

    REQUIRED = {"dikonfirmasi": ["total"], "dibayar": ["payment"], "dibatalkan": ["cancel_reason"]}

    def __init__(self, *args: Any, step: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Each step's form shows its own fields as required; the checks stay in clean().
        for name in self.REQUIRED.get(step, []):
            self.fields[name].required = True
        for name in ("total", "shipping"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"

    def clean(self):
        data = super().clean()
        status, fields = data.get("status"), {}
        if status == Order.Status.CONFIRMED:
            for name in ("total", "shipping"):
                text = data.get(name) or ("0" if name == "shipping" else "")
                try:
                    fields[name] = parse_amount(text)
                except PriceError as exc:
                    self.add_error(name, str(exc))
        elif status == Order.Status.PAID:
            fields["payment"] = data.get("payment") or Order.Payment.TRANSFER
        elif status == Order.Status.SHIPPED:
            fields["courier"] = data.get("courier", "")
            fields["tracking_number"] = data.get("tracking_number", "")
        elif status == Order.Status.CANCELLED:
            if not data.get("cancel_reason"):
                self.add_error("cancel_reason", _("Tulis alasan pembatalan."))
            fields["cancel_reason"] = data.get("cancel_reason", "")
        data["fields"] = fields
        return data
