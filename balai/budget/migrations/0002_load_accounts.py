"""Load the Permendagri 20/2018 account tree (reference data every village shares)."""

from django.db import migrations


def load(apps, schema_editor):
    from balai.budget.tree import accounts_load

    accounts_load(apps.get_model("budget", "Account"))


class Migration(migrations.Migration):
    dependencies = [("budget", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
