"""Freshness scores, login records and integrity alerts move here from the former support app (issue 12), keeping
their rows.

support.0001_initial created the tables; this migration takes them over in Django's state only
(SeparateDatabaseAndState, no SQL), then renames each table to this app's name (AlterModelTable).
support.0002 then drops the models from the support app's state and moves their content types
(and so their permissions). The same steps run on an empty database and on one migrated before
the split; backwards, the tables get their old names again.
"""

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
                    name='FreshnessScore',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('score', models.PositiveSmallIntegerField(default=0)),
                        ('parts', models.JSONField(default=dict, help_text='check key → true, false or null')),
                        ('computed_at', models.DateTimeField()),
                        ('slipped_at', models.DateTimeField(blank=True, null=True)),
                        ('slipped_parts', models.JSONField(default=list)),
                        ('village', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='freshness', to='villages.village')),
                    ],
                    options={
                        'db_table': 'support_freshnessscore',
                        'ordering': ['score'],
                    },
                ),
                migrations.CreateModel(
                    name='IntegrityAlert',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('burst', 'Lonjakan konten baru'), ('gambling', 'Konten judi atau spam'), ('failed_logins', 'Banyak gagal masuk'), ('new_ip', 'Admin masuk dari alamat baru')], max_length=20)),
                        ('message', models.CharField(max_length=300)),
                        ('dedupe_key', models.CharField(max_length=120, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('handled_at', models.DateTimeField(blank=True, null=True)),
                        ('village', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='villages.village')),
                    ],
                    options={
                        'db_table': 'support_integrityalert',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='LoginRecord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email_hash', models.CharField(blank=True, max_length=64)),
                        ('ip', models.GenericIPAddressField(blank=True, null=True)),
                        ('succeeded', models.BooleanField()),
                        ('new_ip', models.BooleanField(default=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'support_loginrecord',
                        'ordering': ['-created_at'],
                    },
                ),
            ],
        ),
        # ...then give them this app's names. Rows, ids and foreign keys stay as they are.
        migrations.AlterModelTable(name='freshnessscore', table=None),
        migrations.AlterModelTable(name='integrityalert', table=None),
        migrations.AlterModelTable(name='loginrecord', table=None),
    ]
