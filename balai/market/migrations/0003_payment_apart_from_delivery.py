"""Payment is chosen apart from delivery: "COD" was a delivery choice, it becomes a courier
delivery paid cash on delivery. Existing COD orders are rewritten that way, so they stay valid
and keep their meaning; reversing turns them back."""

from django.db import migrations, models


def cod_to_payment(apps, schema_editor):
    Order = apps.get_model("market", "Order")
    Order.objects.filter(delivery="cod").update(delivery="kurir", payment="cod")


def cod_to_delivery(apps, schema_editor):
    Order = apps.get_model("market", "Order")
    Order.objects.filter(payment="cod").update(delivery="cod", payment="")


class Migration(migrations.Migration):
    dependencies = [
        ("market", "0002_product_held_reason"),
    ]

    operations = [
        migrations.AlterField(
            model_name="order",
            name="delivery",
            field=models.CharField(
                choices=[("ambil", "Ambil di desa"), ("kurir", "Dikirim kurir")], max_length=6
            ),
        ),
        migrations.AlterField(
            model_name="order",
            name="payment",
            field=models.CharField(
                blank=True,
                choices=[
                    ("transfer", "Transfer bank"),
                    ("qris", "QRIS"),
                    ("tunai", "Tunai saat ambil"),
                    ("cod", "Bayar di tempat (COD)"),
                ],
                max_length=10,
            ),
        ),
        migrations.RunPython(cod_to_payment, cod_to_delivery),
    ]
