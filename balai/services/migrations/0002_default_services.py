"""The district's first list of services, and a copy in every village that already exists
(new villages get theirs when they are provisioned)."""

from django.db import migrations


def seed(apps, schema_editor):
    from balai.services.defaults import DEFAULT_SERVICES

    DefaultService = apps.get_model("services", "DefaultService")
    Service = apps.get_model("services", "Service")
    Village = apps.get_model("villages", "Village")
    have = set(DefaultService.objects.values_list("slug", flat=True))
    DefaultService.objects.bulk_create(
        [DefaultService(**data) for data in DEFAULT_SERVICES if data["slug"] not in have]
    )
    for village in Village.objects.all():
        taken = set(Service.objects.filter(village=village).values_list("slug", flat=True))
        Service.objects.bulk_create(
            [
                Service(village=village, default_slug=data["slug"], **data)
                for data in DEFAULT_SERVICES
                if data["slug"] not in taken
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
