"""OpenSID's lapak (`pelapak`, `produk_kategori`, `produk`) into the village market.

A seller (`pelapak`) is a resident: the name comes from the register (`id_pend`), the WhatsApp
number from `telepon`, the location from `lat`/`lng`. Sellers are created without a login, as
when the village admin adds a seller on the dashboard; the village can give one a login later.
A product keeps its name, price (`harga`), unit, description (OpenSID's HTML as plain text) and
photos (`desa/upload/produk/<name>`, the JSON array of `foto`, re-encoded in the market's two
widths). OpenSID's category becomes the product's sub-category, the district category is guessed
from its name. Balai's market has no discount: OpenSID's `potongan` is written in the
description. Text that looks like gambling spam is held for the village's review, as any
product.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.lib.phone import normalize_whatsapp
from balai.lib.uploads import reencode_image
from balai.moving.content import DesaFolder, _readable, _remember_one, _text, _unescape, moved_ids
from balai.moving.identity import _coordinate, _image
from balai.moving.opensid import Backup

CATEGORY_WORDS = (
    (("batik", "kain", "tenun", "songket"), "batik"),
    (("makan", "minum", "kuliner", "kue", "snack", "olahan"), "kuliner"),
    (("kerajinan", "anyaman", "souvenir"), "kerajinan"),
    (("tani", "kebun", "sayur", "buah"), "tani"),
    (("ternak", "ikan", "perikanan"), "ternak"),
    (("jasa", "wisata"), "jasa"),
)
MAX_PHOTOS = 5


@dataclass
class ShopPlan:
    sellers: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _category(name: str) -> str:
    lowered = name.lower()
    for words, key in CATEGORY_WORDS:
        if any(word in lowered for word in words):
            return key
    return "lainnya"


def _rupiah(amount: int) -> str:
    return f"Rp {amount:,}".replace(",", ".")


def plan_shop(backup: Backup, folder: DesaFolder | None, issues: Issues) -> ShopPlan:
    plan = ShopPlan()
    if not backup.tables.get("pelapak"):
        return plan
    staged = backup.staged
    names = {str(r["id"]): _text(r["nama"]) for r in staged.rows("tweb_penduduk")}
    categories = {str(r["id"]): _text(r["kategori"]) for r in staged.rows("produk_kategori")}
    sellers: set[str] = set()
    for row in staged.rows("pelapak"):
        ref: RowRef = (0, "pelapak", int(row["id"]))
        resident = str(row["id_pend"] or "")
        if resident not in names:
            issues.warn(
                ref,
                "id_pend",
                _("Pelapak tanpa penduduk yang cocok di cadangan; tidak dipindahkan."),
            )
            continue
        phone = normalize_whatsapp(_text(row["telepon"])) if _text(row["telepon"]) else None
        if phone is None:
            issues.warn(
                ref,
                "telepon",
                _("Nomor telepon pelapak tidak terbaca; isi nomor WhatsApp di Balai."),
            )
        plan.sellers.append(
            {
                "id": str(row["id"]),
                "resident": resident,
                "name": names[resident][:120],
                "whatsapp": phone or "",
                "latitude": _coordinate(row["lat"], -90, 90) if row["lat"] else None,
                "longitude": _coordinate(row["lng"], -180, 180) if row["lng"] else None,
                "active": str(row["status"] or "1") == "1",
            }
        )
        sellers.add(str(row["id"]))
    for row in staged.rows("produk"):
        ref = (0, "produk", int(row["id"]))
        if str(row["id_pelapak"]) not in sellers:
            issues.warn(ref, "id_pelapak", _("Produk tanpa pelapak yang dipindahkan; dilewati."))
            continue
        price = int(row["harga"] or 0)
        description = strip_tags(_unescape(_text(row["deskripsi"]))).strip()
        cut = int(row["potongan"] or 0)
        if cut:
            off = f"{cut}%" if str(row["tipe_potongan"]) == "1" else _rupiah(cut)
            description += "\n\n" + _("Potongan harga di OpenSID: %(c)s.") % {"c": off}
        try:
            files = json.loads(_text(row["foto"]) or "[]")
        except ValueError:
            files = []
        photos: list[bytes] = []
        for name in files if isinstance(files, list) else []:
            base = posixpath.basename(str(name))
            if not base or folder is None:
                continue
            found = _image(folder, ref, "foto", issues, f"upload/produk/{base}")
            if found is not None and len(photos) < MAX_PHOTOS:
                photos.append(found)
        if files and folder is None:
            issues.warn(ref, "foto", _("Foto produk butuh zip folder desa."))
        category = categories.get(str(row["id_produk_kategori"]), "")
        plan.products.append(
            {
                "id": str(row["id"]),
                "seller": str(row["id_pelapak"]),
                "name": _text(row["nama"])[:120],
                "category": _category(f"{category} {_text(row['nama'])}"),
                "subcategory": category[:60],
                "description": description,
                "price": price or None,
                "unit": (_text(row["satuan"]) or "pcs")[:30],
                "published": str(row["status"] or "1") == "1",
                "photos": photos,
            }
        )
    plan.counts = {
        "sellers": len(plan.sellers),
        "products": len(plan.products),
        "product_photos": sum(len(p["photos"]) for p in plan.products),
    }
    return plan


def write_shop(village: Any, plan: ShopPlan, stored: Any) -> dict[str, int]:
    """Inside the caller's transaction."""
    from balai.market.integrity import product_suspicious
    from balai.market.models import Product, ProductPhoto, Seller
    from balai.market.services import _unique_slug
    from balai.population.models import Resident

    written = {"sellers": 0, "products": 0, "photos": 0, "held": 0}
    done = moved_ids(village, "pelapak")
    residents = moved_ids(village, "penduduk")
    names = dict(
        Resident.objects.for_village(village)
        .filter(pk__in=residents.values())
        .values_list("pk", "name")
    )
    by_seller: dict[str, Any] = {}
    for item in plan.sellers:
        seller = None
        if item["id"] in done:
            seller = Seller.objects.for_village(village).filter(pk=done[item["id"]]).first()
        name = names.get(residents.get(item["resident"], 0)) or item["name"]
        if seller is None:
            taken = Seller.objects.for_village(village).filter(name=name).exists()
            seller = Seller(village=village, name=f"{name[:108]} (OpenSID)" if taken else name)
        seller.owner_name = name
        seller.whatsapp = item["whatsapp"] or seller.whatsapp
        seller.latitude, seller.longitude = item["latitude"], item["longitude"]
        seller.status = Seller.Status.APPROVED if item["active"] else Seller.Status.SUSPENDED
        seller.save()
        _remember_one(village, "pelapak", item["id"], seller.pk)
        by_seller[item["id"]] = seller
        written["sellers"] += 1
    done_products = moved_ids(village, "produk")
    for item in plan.products:
        product = None
        if item["id"] in done_products:
            product = (
                Product.objects.for_village(village).filter(pk=done_products[item["id"]]).first()
            )
        if product is None:
            product = Product(village=village, seller=by_seller[item["seller"]])
        for key in ("name", "category", "subcategory", "description", "unit"):
            setattr(product, key, item[key])
        product.price_min = item["price"]
        if not product.slug:
            product.slug = _unique_slug(village, product.name, product.pk)
        reasons = product_suspicious(product)
        if reasons:
            product.status, product.held_reason = Product.Status.PENDING, "; ".join(reasons)
            written["held"] += 1
        elif item["published"]:
            product.status = Product.Status.PUBLISHED
            product.published_at = product.published_at or timezone.now()
        else:
            product.status = Product.Status.HIDDEN
        product.save()
        _remember_one(village, "produk", item["id"], product.pk)
        written["products"] += 1
        if product.photos.exists():
            continue  # moved before: the photos are there
        for order, data in enumerate(item["photos"], start=1):
            large = reencode_image(_readable(data), max_side=1200)
            small = reencode_image(_readable(data), max_side=400)
            photo = ProductPhoto(
                village=village,
                product=product,
                alt=product.name[:200],
                order=order,
                width=large.width,
                height=large.height,
            )
            photo.image.save(f"b.{large.extension}", ContentFile(large.content), False)
            photo.thumb.save(f"k.{small.extension}", ContentFile(small.content), False)
            stored.names.extend([photo.image.name or "", photo.thumb.name or ""])
            photo.save()
            written["photos"] += 1
    return written
