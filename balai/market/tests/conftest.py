"""Shop fixtures on top of the common cast: Dagan's batik seller (with a login, sekar), a
published batik product with motif variants, and a seller in Bojongsari."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from balai.conftest import make_user
from balai.market.models import Product, Seller, Variant


def jpeg_upload(name: str = "foto.jpg", size: tuple[int, int] = (800, 600)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (150, 60, 30)).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def make_seller(village, name: str = "Batik Sekar", **fields) -> Seller:
    fields.setdefault("whatsapp", "+6281327001122")
    fields.setdefault("status", Seller.Status.APPROVED)
    return Seller.objects.create(village=village, name=name, **fields)


def make_product(seller, name: str = "Kain Batik Tulis", **fields) -> Product:
    from django.utils.text import slugify

    fields.setdefault("status", Product.Status.PUBLISHED)
    fields.setdefault("price_min", 350000)
    fields.setdefault("category", "batik")
    if fields["status"] == Product.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    return Product.objects.create(
        village=seller.village, seller=seller, name=name, slug=slugify(name), **fields
    )


@pytest.fixture
def sekar(dagan):
    """Siti, who runs the batik group of Dagan and has her own seller login."""
    return make_user("siti@sekar.id", "Siti Aminah")


@pytest.fixture
def seller(dagan, sekar) -> Seller:
    return make_seller(dagan, user=sekar, email="siti@sekar.id", offers_cod=True)


@pytest.fixture
def batik(seller) -> Product:
    product = make_product(seller, price_max=450000, description="Kain batik tulis pewarna alam.")
    Variant.objects.create(
        village=seller.village, product=product, name="Motif Parang", price=350000
    )
    Variant.objects.create(
        village=seller.village, product=product, name="Motif Kawung", price=400000, order=1
    )
    Variant.objects.create(
        village=seller.village,
        product=product,
        name="Motif Lumbon",
        price=375000,
        stock="habis",
        order=2,
    )
    return product


@pytest.fixture
def other_seller(bojongsari) -> Seller:
    return make_seller(bojongsari, "Gula Kelapa Bojongsari", whatsapp="+6285600001111")
