"""schema.org Product/Offer data for a product page, so shared links and search engines show
the photo and price (a data block written by balai.lib.jsonld)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString

from balai.lib.jsonld import jsonld_script
from balai.market.models import Product, ProductPhoto


def product_jsonld(
    product: Product, url: str, photos: list[ProductPhoto], request: HttpRequest
) -> SafeString:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description[:500],
        "url": url,
        "category": product.get_category_display(),
        "brand": {"@type": "Brand", "name": product.seller.name},
    }
    if photos:
        data["image"] = [request.build_absolute_uri(p.image.url) for p in photos]
    if product.price_min is not None:
        availability = {
            "tersedia": "https://schema.org/InStock",
            "preorder": "https://schema.org/PreOrder",
            "habis": "https://schema.org/OutOfStock",
        }[product.stock]
        offer: dict[str, Any] = {
            "@type": "Offer",
            "priceCurrency": "IDR",
            "availability": availability,
            "url": url,
        }
        if product.price_max:
            offer.update(
                {
                    "@type": "AggregateOffer",
                    "lowPrice": product.price_min,
                    "highPrice": product.price_max,
                }
            )
        else:
            offer["price"] = product.price_min
        data["offers"] = offer
    return jsonld_script(data)
