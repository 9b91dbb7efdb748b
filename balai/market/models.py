"""Lapak Desa: village sellers, their products, and the orders buyers place with them.

The village office registers sellers (residents, groups, the BUMDes) and approves them and their
first products; a seller may get a login of their own. Buyers order on the public site, the
order is handed to WhatsApp, and the seller (or the village) moves it through its states.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage
from balai.lib.storage import random_upload_name as _random_name
from balai.villages.models import VillageOwned


def seller_photo_upload_to(instance: Any, filename: str) -> str:
    return _random_name("lapak/penjual", filename)


def product_photo_upload_to(instance: Any, filename: str) -> str:
    return _random_name("lapak/produk", filename)


def proof_upload_to(instance: Any, filename: str) -> str:
    return _random_name("lapak/bukti", filename)


class Category(models.TextChoices):
    """The district-wide list; villages refine it with a free sub-category per product."""

    BATIK = "batik", _("Batik & kain")
    KULINER = "kuliner", _("Kuliner")
    KERAJINAN = "kerajinan", _("Kerajinan")
    TANI = "tani", _("Hasil tani & kebun")
    TERNAK = "ternak", _("Peternakan & perikanan")
    JASA = "jasa", _("Jasa & wisata")
    LAINNYA = "lainnya", _("Lainnya")


class Seller(VillageOwned):
    """A seller (UMKM / pelapak) of one village: shown on product pages once approved; managed
    by the village admin, or by the seller through their own login (`user`)."""

    public_content: ClassVar[bool] = True

    class Kind(models.TextChoices):
        RESIDENT = "warga", _("Warga")
        GROUP = "kelompok", _("Kelompok usaha")
        BUMDES = "bumdes", _("BUMDes")

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu persetujuan")
        APPROVED = "approved", _("Disetujui")
        SUSPENDED = "suspended", _("Dihentikan")

    name = models.CharField(
        _("nama usaha"), max_length=120, help_text=_("Nama yang dilihat pembeli.")
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default="warga")
    owner_name = models.CharField(
        _("nama pemilik"), max_length=120, blank=True, help_text=_("Tampil di kartu penjual.")
    )
    story = models.TextField(
        _("cerita singkat"), blank=True, help_text=_("Dua atau tiga kalimat tentang usaha ini.")
    )
    photo = models.ImageField(_("foto"), upload_to=seller_photo_upload_to, blank=True)
    whatsapp = models.CharField(
        _("nomor WhatsApp"), max_length=16, help_text=_("Pesanan dikirim ke nomor ini.")
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Untuk kabar pesanan baru. Tidak tampil di situs.")
    )
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    qris = models.ImageField(
        _("gambar QRIS"),
        upload_to=seller_photo_upload_to,
        blank=True,
        help_text=_("QRIS statis milik penjual, ditunjukkan kepada pembeli setelah konfirmasi."),
    )
    bank_account = models.CharField(
        _("rekening bank"),
        max_length=120,
        blank=True,
        help_text=_("Misalnya: BRI 0123-01-000123-50-1 a.n. Siti Aminah"),
    )
    offers_pickup = models.BooleanField(_("bisa diambil di desa"), default=True)
    offers_courier = models.BooleanField(_("bisa dikirim kurir"), default=True)
    offers_cod = models.BooleanField(_("bisa bayar di tempat (COD)"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="market_seller",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["village", "name"], name="market_unique_seller_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class Product(VillageOwned):
    """A product or service offered by a seller; public at /lapak/<slug>/ once published."""

    public_content: ClassVar[bool] = True

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        PENDING = "pending", _("Menunggu persetujuan")
        PUBLISHED = "published", _("Tayang")
        HIDDEN = "hidden", _("Disembunyikan")

    class Stock(models.TextChoices):
        AVAILABLE = "tersedia", _("Tersedia")
        PREORDER = "preorder", _("Pre-order")
        SOLD_OUT = "habis", _("Habis")

    seller = models.ForeignKey(
        Seller, on_delete=models.CASCADE, related_name="products", verbose_name=_("penjual")
    )
    name = models.CharField(_("nama produk"), max_length=120)
    slug = models.SlugField(_("alamat"), max_length=80)
    category = models.CharField(_("kategori"), max_length=12, choices=Category.choices)
    subcategory = models.CharField(
        _("sub-kategori"), max_length=60, blank=True, help_text=_("Misalnya: batik tulis.")
    )
    description = models.TextField(_("keterangan"), blank=True)
    price_min = models.PositiveBigIntegerField(_("harga"), null=True, blank=True)
    price_max = models.PositiveBigIntegerField(_("harga tertinggi"), null=True, blank=True)
    negotiable = models.BooleanField(_("harga nego"), default=False)
    unit = models.CharField(_("satuan"), max_length=30, default="pcs")
    min_order = models.PositiveIntegerField(_("pesanan minimal"), default=1)
    weight_grams = models.PositiveIntegerField(_("berat (gram)"), null=True, blank=True)
    stock = models.CharField(
        _("ketersediaan"), max_length=10, choices=Stock.choices, default=Stock.AVAILABLE
    )
    lead_days = models.PositiveSmallIntegerField(_("lama pre-order (hari)"), null=True, blank=True)
    marketplace_links = models.TextField(
        _("tautan marketplace"),
        blank=True,
        help_text=_("Satu alamat per baris, misalnya toko Anda di Tokopedia atau Shopee."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Why the integrity check held this product for the village's review instead of publishing
    # it (gambling words, link bursts); empty when nothing is held. Shown on the dashboard.
    held_reason = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="market_unique_product_slug")
        ]
        indexes = [
            models.Index(fields=["status", "category"], name="market_product_status_cat"),
            models.Index(fields=["village", "status"], name="market_product_village_st"),
            # The marketplace lists newest first across the district.
            models.Index(fields=["status", "-published_at", "-id"], name="market_product_newest"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.is_published and self.seller.is_approved

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_sold_out(self) -> bool:
        return self.stock == self.Stock.SOLD_OUT

    @property
    def is_preorder(self) -> bool:
        return self.stock == self.Stock.PREORDER

    def link_list(self) -> list[str]:
        return [u.strip() for u in self.marketplace_links.splitlines() if u.strip()]


class ProductPhoto(VillageOwned):
    """One of up to six photos of a product, stored in two widths (page and thumbnail)."""

    public_content: ClassVar[bool] = True

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=product_photo_upload_to)
    thumb = models.ImageField(upload_to=product_photo_upload_to)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt = models.CharField(
        _("keterangan foto"),
        max_length=200,
        help_text=_("Apa yang tampak di foto, untuk pembaca layar."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]


class Variant(VillageOwned):
    """A size, colour or motif of a product, with its own price and stock."""

    public_content: ClassVar[bool] = True

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    name = models.CharField(_("varian"), max_length=80)
    price = models.PositiveBigIntegerField(_("harga"), null=True, blank=True)
    stock = models.CharField(
        _("ketersediaan"), max_length=10, choices=Product.Stock.choices, default="tersedia"
    )
    quantity = models.PositiveIntegerField(_("stok"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["product", "name"], name="market_unique_variant")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def sold_out(self) -> bool:
        return self.stock == Product.Stock.SOLD_OUT or self.quantity == 0


class Order(VillageOwned):
    """A buyer's order, handed to the seller by WhatsApp. The buyer's name, phone, email and
    address are personal: only the seller and the village see them."""

    public_content: ClassVar[bool] = False

    class Status(models.TextChoices):
        NEW = "baru", _("Baru")
        CONFIRMED = "dikonfirmasi", _("Dikonfirmasi")
        PAID = "dibayar", _("Dibayar")
        SHIPPED = "dikirim", _("Dikirim")
        DONE = "selesai", _("Selesai")
        CANCELLED = "dibatalkan", _("Dibatalkan")

    class Delivery(models.TextChoices):
        PICKUP = "ambil", _("Ambil di desa")
        COURIER = "kurir", _("Dikirim kurir")

    class Payment(models.TextChoices):
        """How the buyer pays, chosen when ordering apart from the delivery (a courier order
        may be paid by transfer or cash on delivery); the seller may correct it when marking
        the order paid."""

        TRANSFER = "transfer", _("Transfer bank")
        QRIS = "qris", _("QRIS")
        CASH = "tunai", _("Tunai saat ambil")
        COD = "cod", _("Bayar di tempat (COD)")

    seller = models.ForeignKey(Seller, on_delete=models.PROTECT, related_name="orders")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="orders")
    variant = models.ForeignKey(
        Variant, on_delete=models.SET_NULL, null=True, blank=True, related_name="orders"
    )
    code = models.CharField(max_length=12, unique=True)
    form_token = models.CharField(max_length=40, unique=True)
    product_name = models.CharField(max_length=120)
    variant_name = models.CharField(max_length=80, blank=True)
    category = models.CharField(max_length=12, choices=Category.choices)
    quantity = models.PositiveIntegerField()
    unit_price = models.PositiveBigIntegerField(null=True, blank=True)
    buyer_name = models.CharField(_("nama pembeli"), max_length=120)
    buyer_phone = models.CharField(_("nomor WhatsApp pembeli"), max_length=16)
    buyer_email = models.EmailField(_("email pembeli"), blank=True)
    delivery = models.CharField(max_length=6, choices=Delivery.choices)
    address = models.TextField(_("alamat pengiriman"), blank=True)
    note = models.TextField(_("catatan"), blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.NEW)
    total = models.PositiveBigIntegerField(_("total harga barang"), null=True, blank=True)
    shipping = models.PositiveBigIntegerField(_("ongkos kirim"), null=True, blank=True)
    payment = models.CharField(max_length=10, choices=Payment.choices, blank=True)
    proof = models.FileField(upload_to=proof_upload_to, storage=private_storage, blank=True)
    courier = models.CharField(_("kurir"), max_length=60, blank=True)
    tracking_number = models.CharField(_("nomor resi"), max_length=60, blank=True)
    cancel_reason = models.CharField(_("alasan pembatalan"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["village", "status"], name="market_order_village_st")]

    def __str__(self) -> str:
        return self.code

    @property
    def subtotal(self) -> int | None:
        """Quantity × unit price, before the seller confirms a total (None for a price range
        or a negotiable price: the seller names it)."""
        if self.unit_price is None:
            return None
        return self.unit_price * self.quantity

    @property
    def is_cod(self) -> bool:
        return self.payment == self.Payment.COD

    @property
    def grand_total(self) -> int | None:
        if self.total is None:
            return None
        return self.total + (self.shipping or 0)


class OrderEvent(VillageOwned):
    """One step in an order's history, shown to the buyer on the tracking page."""

    public_content: ClassVar[bool] = False

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=14, choices=Order.Status.choices)
    note = models.CharField(max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class Review(VillageOwned):
    """A buyer's rating of a completed order; public on the product page once the village
    approves it."""

    public_content: ClassVar[bool] = True

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu moderasi")
        APPROVED = "approved", _("Tayang")
        REJECTED = "rejected", _("Ditolak")

    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="review")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(_("nilai"))
    display_name = models.CharField(
        _("nama yang ditampilkan"), max_length=40, help_text=_("Misalnya nama depan Anda.")
    )
    comment = models.TextField(_("ulasan"), max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
