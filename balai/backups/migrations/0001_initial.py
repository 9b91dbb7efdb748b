"""Village exports move here from the former support app (issue 12), keeping
their rows.

support.0001_initial created the tables; this migration takes them over in Django's state only
(SeparateDatabaseAndState, no SQL), then renames each table to this app's name (AlterModelTable).
support.0002 then drops the models from the support app's state and moves their content types
(and so their permissions). The same steps run on an empty database and on one migrated before
the split; backwards, the tables get their old names again.
"""

import balai.backups.models
import balai.lib.storage
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('support', '0001_initial'),
        ('villages', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables exist (made by support.0001_initial): take them over in the state only...
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='VillageExport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('pending', 'Menunggu'), ('running', 'Sedang dibuat'), ('done', 'Siap diunduh'), ('failed', 'Gagal')], default='pending', max_length=10)),
                        ('progress', models.PositiveSmallIntegerField(default=0)),
                        ('file', models.FileField(blank=True, storage=balai.lib.storage.private_storage, upload_to=balai.backups.models.export_upload_to)),
                        ('size', models.PositiveBigIntegerField(default=0)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('village', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='villages.village')),
                    ],
                    options={
                        'db_table': 'support_villageexport',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
            ],
        ),
        # ...then give them this app's names. Rows, ids and foreign keys stay as they are.
        migrations.AlterModelTable(name='villageexport', table=None),
    ]
