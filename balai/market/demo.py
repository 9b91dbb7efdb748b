"""Demo shop: sellers and products in the live demo villages (Dagan sells batik tulis with
motif variants, and has a seller login), orders in every state, a few reviews."""

from __future__ import annotations

import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from balai.accounts.models import User
from balai.market.models import (
    Order,
    OrderEvent,
    Product,
    ProductPhoto,
    Review,
    Seller,
    Variant,
)
from balai.villages.content import content_changed
from balai.villages.models import Village

SELLER_LOGIN = "batik@dagan.desa.id"
PASSWORD = "demo-balai-2026"

CATALOGUE = {
    "kuliner": [
        ("Keripik Singkong Balado", 15000, "bungkus"),
        ("Nopia Mini Bawang", 20000, "toples"),
        ("Peyek Kacang Tanah", 18000, "bungkus"),
        ("Emping Melinjo", 45000, "kg"),
        ("Kopi Robusta Lereng Slamet", 60000, "250 g"),
        ("Madu Hutan Asli", 120000, "botol"),
    ],
    "tani": [
        ("Gula Kelapa Kristal", 30000, "kg"),
        ("Duku Manis", 25000, "kg"),
        ("Stroberi Segar", 40000, "kg"),
        ("Beras Organik Pandan Wangi", 16000, "kg"),
        ("Durian Lokal", 75000, "buah"),
    ],
    "kerajinan": [
        ("Bulu Mata Palsu Buatan Tangan", 12000, "pasang"),
        ("Tampah Anyaman Bambu", 35000, "buah"),
        ("Tas Anyaman Pandan", 85000, "buah"),
        ("Knalpot Custom Stainless", 650000, "buah"),
        ("Sapu Ijuk", 25000, "buah"),
    ],
    "ternak": [
        ("Ikan Gurami Segar", 48000, "kg"),
        ("Telur Bebek", 3000, "butir"),
        ("Ikan Nila Segar", 32000, "kg"),
    ],
    "jasa": [
        ("Paket Petik Stroberi", 50000, "orang"),
        ("Sewa Tenda Hajatan", 750000, "hari"),
        ("Homestay Kamar Keluarga", 200000, "malam"),
    ],
    "lainnya": [("Sabun Sereh Wangi", 15000, "batang"), ("Minyak Kelapa Klentik", 35000, "botol")],
}
SHOP_WORDS = ["Berkah", "Lestari", "Maju", "Sejahtera", "Barokah", "Makmur", "Sumber Rejeki"]
OWNERS = [
    "Siti Aminah",
    "Sri Lestari",
    "Tri Handayani",
    "Budi Santoso",
    "Suparno",
    "Wahyuningsih",
    "Eko Prasetyo",
    "Rohmah",
    "Darsono",
    "Kusmiati",
    "Slamet Riyadi",
    "Nur Hidayah",
]
BUYERS = [
    "Dewi Anggraini",
    "Rudi Hartono",
    "Ani Susanti",
    "Fajar Nugroho",
    "Lina Marlina",
    "Hendra Wijaya",
    "Yuni Astuti",
    "Joko Susilo",
]
MOTIFS = [
    ("Motif Parang", 350000),
    ("Motif Kawung", 400000),
    ("Motif Sekar Jagad", 450000),
    ("Motif Lumbon", 375000),
]
BATIK = [
    ("Kain Batik Tulis Dagan", "Kain batik tulis 2 × 1,15 m, pewarna alam, dikerjakan 3 minggu."),
    ("Selendang Batik Tulis", "Selendang sutra 2 m dengan batik tulis halus."),
    ("Kemeja Batik Tulis Pria", "Kemeja lengan panjang, kain katun primisima, batik tulis."),
]


def _swatch(rng: random.Random, colour: tuple[int, int, int]) -> bytes:
    """A small batik-like pattern, so the demo gallery has pictures without shipping photos."""
    img = Image.new("RGB", (600, 600), (240, 226, 196))
    draw = ImageDraw.Draw(img)
    for x in range(0, 600, 60):
        for y in range(0, 600, 60):
            r = rng.randint(12, 26)
            draw.ellipse((x + 30 - r, y + 30 - r, x + 30 + r, y + 30 + r), outline=colour, width=4)
            draw.line((x, y, x + 60, y + 60), fill=colour, width=3)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return out.getvalue()


def _code(rng: random.Random) -> str:
    return "LPK-" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))


def _phone(rng: random.Random) -> str:
    return "+628" + "".join(rng.choice("0123456789") for _ in range(10))[1:] + "1"


def _dagan(rng: random.Random, dagan: Village, now) -> tuple[Seller, list[Product]]:
    user = User.objects.filter(email=SELLER_LOGIN).first() or User.objects.create_user(
        SELLER_LOGIN, PASSWORD, name="Siti Aminah"
    )
    seller = Seller.objects.create(
        village=dagan,
        name="Batik Tulis Sekar Dagan",
        kind="kelompok",
        owner_name="Siti Aminah",
        story="Kelompok pembatik ibu-ibu Dagan sejak 2009. Motif Lumbon dari kebun daun bawang.",
        whatsapp="+6281327001122",
        bank_account="BRI 0123-01-000123-50-1 a.n. Kelompok Batik Sekar Dagan",
        offers_cod=True,
        status="approved",
        user=user,
    )
    products = []
    colours = [(122, 62, 28), (31, 74, 120), (40, 90, 50)]
    for i, (name, text) in enumerate(BATIK):
        product = Product.objects.create(
            village=dagan,
            seller=seller,
            name=name,
            slug=slugify(name),
            category="batik",
            subcategory="batik tulis",
            description=text,
            price_min=MOTIFS[0][1] - i * 50000,
            price_max=MOTIFS[2][1] - i * 50000,
            unit="lembar",
            weight_grams=400,
            stock="tersedia",
            status="published",
            published_at=now - timedelta(days=60 - i),
            marketplace_links="https://www.tokopedia.com/sekardagan\nhttps://shopee.co.id/sekardagan",
        )
        for j, (motif, price) in enumerate(MOTIFS):
            Variant.objects.create(
                village=dagan,
                product=product,
                name=motif,
                price=price - i * 50000,
                order=j,
                stock="habis" if (i, j) == (0, 3) else "tersedia",
            )
        for k in range(2):
            photo = ProductPhoto(
                village=dagan,
                product=product,
                order=k,
                width=600,
                height=600,
                alt=f"{name}, {MOTIFS[k][0].lower()}, dibentangkan",
            )
            data = _swatch(rng, colours[(i + k) % 3])
            photo.image.save("b.jpg", ContentFile(data), save=False)
            photo.thumb.save("k.jpg", ContentFile(data), save=False)
            photo.save()
        products.append(product)
    return seller, products


def _village_shop(rng: random.Random, village: Village, now) -> list[Product]:
    sellers = []
    for n in range(rng.randint(1, 3)):
        owner = rng.choice(OWNERS)
        sellers.append(
            Seller(
                village=village,
                name=f"UMKM {rng.choice(SHOP_WORDS)} {village.name} {n + 1}",
                kind=rng.choice(["warga", "warga", "kelompok", "bumdes"]),
                owner_name=owner,
                story=f"Usaha rumahan {owner} di {village.display_name}.",
                whatsapp=_phone(rng),
                status="pending" if n == 2 else "approved",
            )
        )
    Seller.objects.bulk_create(sellers)
    products = []
    for seller in sellers:
        category = rng.choice(list(CATALOGUE))
        for name, price, unit in rng.sample(CATALOGUE[category], min(3, len(CATALOGUE[category]))):
            products.append(
                Product(
                    village=village,
                    seller=seller,
                    name=name,
                    slug=f"{slugify(name)}-{seller.pk}",
                    category=category,
                    unit=unit,
                    description=f"{name} dari {village.display_name}. Dibuat dan dikemas sendiri.",
                    price_min=price,
                    negotiable=rng.random() < 0.15,
                    stock=rng.choice(["tersedia"] * 5 + ["preorder", "habis"]),
                    status="published" if seller.status == "approved" else "pending",
                    published_at=now - timedelta(days=rng.randint(1, 300))
                    if seller.status == "approved"
                    else None,
                )
            )
    return Product.objects.bulk_create(products)


def _orders(rng: random.Random, products: list[Product], now, per_state: int) -> list[Order]:
    orders, events, dates = [], [], []
    flow = ["baru", "dikonfirmasi", "dibayar", "dikirim", "selesai"]
    states = flow + ["dibatalkan"]
    for state in states:
        for _n in range(per_state):
            product = rng.choice(products)
            qty = rng.randint(1, 4)
            created = now - timedelta(days=rng.randint(0, 200), hours=rng.randint(0, 23))
            confirmed = state not in ("baru",)
            delivery = "kurir" if state == "dikirim" else rng.choice(["ambil", "kurir", "kurir"])
            order = Order(
                village_id=product.village_id,
                seller_id=product.seller_id,
                product=product,
                code=_code(rng),
                form_token=f"demo-{rng.getrandbits(64):x}",
                product_name=product.name,
                category=product.category,
                quantity=qty,
                unit_price=product.price_min,
                buyer_name=rng.choice(BUYERS),
                buyer_phone=_phone(rng),
                delivery=delivery,
                address="Jl. Contoh No. 1, Purwokerto" if delivery == "kurir" else "",
                status=state,
                total=(product.price_min or 50000) * qty if confirmed else None,
                shipping=(rng.choice([10000, 15000, 22000]) if delivery == "kurir" else 0)
                if confirmed
                else None,
                payment="tunai" if delivery == "ambil" else "transfer",
                courier="JNE" if state in ("dikirim", "selesai") and delivery == "kurir" else "",
                tracking_number=f"JNE{rng.randint(10**9, 10**10)}"
                if state in ("dikirim", "selesai") and delivery == "kurir"
                else "",
                cancel_reason="Stok habis" if state == "dibatalkan" else "",
            )
            orders.append(order)
            dates.append(created)
    Order.objects.bulk_create(orders)
    for order in orders:
        steps = ["baru"] if order.status == "dibatalkan" else flow[: flow.index(order.status) + 1]
        if order.status == "dibatalkan":
            steps.append("dibatalkan")
        for step in steps:
            events.append(OrderEvent(village_id=order.village_id, order=order, status=step))
    OrderEvent.objects.bulk_create(events)
    for order, created in zip(orders, dates, strict=True):
        # created_at is auto_now_add: set afterwards, so the monthly figures spread out.
        Order.objects.filter(pk=order.pk).update(created_at=created)
    return orders


def demo_build(*, rng: random.Random, villages: list[Village], users: dict[str, User]) -> dict:
    now = timezone.now()
    dagan = villages[0]
    _seller, batik = _dagan(rng, dagan, now)
    all_orders = _orders(rng, batik, now, per_state=3)
    product_count = len(batik)
    # Dagan also gets ordinary sellers (one of them waiting for approval) below.
    for village in villages:
        products = _village_shop(rng, village, now)
        product_count += len(products)
        public = [p for p in products if p.status == "published"]
        if public and rng.random() < 0.5:
            all_orders += _orders(rng, public, now, per_state=1)
    reviews = [
        Review(
            village_id=o.village_id,
            order=o,
            product=o.product,
            rating=rng.choice([4, 5, 5]),
            display_name=o.buyer_name.split()[0],
            comment="Barang sesuai foto, penjual ramah.",
            status="approved" if i % 3 else "pending",
        )
        for i, o in enumerate(x for x in all_orders if x.status == "selesai")
    ]
    Review.objects.bulk_create(reviews)
    for village in villages:  # bulk writes send no signals
        content_changed(village)
    return {
        "sellers": Seller.objects.filter(village__in=villages).count(),
        "products": product_count,
        "orders": len(all_orders),
    }


def demo_clear(*, village_ids: set[int]) -> None:
    Review.objects.filter(village__in=village_ids).delete()
    OrderEvent.objects.filter(village__in=village_ids).delete()
    Order.objects.filter(village__in=village_ids).delete()
    for photo in ProductPhoto.objects.filter(village__in=village_ids):
        photo.image.delete(save=False)
        photo.thumb.delete(save=False)
    ProductPhoto.objects.filter(village__in=village_ids).delete()
    Variant.objects.filter(village__in=village_ids).delete()
    Product.objects.filter(village__in=village_ids).delete()
    user_ids = list(
        Seller.objects.filter(village__in=village_ids, user__isnull=False).values_list(
            "user", flat=True
        )
    )
    Seller.objects.filter(village__in=village_ids).delete()
    User.objects.filter(pk__in=user_ids).delete()
