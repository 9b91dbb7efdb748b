"""The district's fifteen starting letter types (balai/letters/catalogue.py), version 1 each."""

from django.db import migrations


def seed(apps, schema_editor):
    from balai.letters.catalogue import TEMPLATES

    LetterType = apps.get_model("letters", "LetterType")
    TemplateVersion = apps.get_model("letters", "TemplateVersion")
    for order, spec in enumerate(TEMPLATES):
        letter_type, created = LetterType.objects.get_or_create(
            key=spec["key"], defaults={"order": order, "needs_living": spec["needs_living"]}
        )
        if not created:
            continue
        version = TemplateVersion.objects.create(
            letter_type=letter_type,
            number=1,
            title=spec["title"],
            code=spec["code"],
            body=spec["body"],
            fields=spec["fields"],
        )
        letter_type.current = version
        letter_type.save(update_fields=["current"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
