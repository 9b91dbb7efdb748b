"""Help requests, guides and events move here from the former support app (issue 12), keeping
their rows.

support.0001_initial created the tables; this migration takes them over in Django's state only
(SeparateDatabaseAndState, no SQL), then renames each table to this app's name (AlterModelTable).
support.0002 then drops the models from the support app's state and moves their content types
(and so their permissions). The same steps run on an empty database and on one migrated before
the split; backwards, the tables get their old names again.
"""

import balai.lib.storage
import balai.mentoring.models
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
                    name='Event',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('juguran', 'Juguran'), ('training', 'Pelatihan')], max_length=10, verbose_name='jenis')),
                        ('title', models.CharField(max_length=160, verbose_name='judul')),
                        ('starts_at', models.DateTimeField(verbose_name='mulai')),
                        ('place', models.CharField(blank=True, max_length=200, verbose_name='tempat')),
                        ('online_url', models.URLField(blank=True, help_text='Untuk acara daring, misalnya Google Meet.', verbose_name='tautan daring')),
                        ('agenda', models.TextField(blank=True, verbose_name='agenda')),
                        ('materials', models.TextField(blank=True, help_text='Diisi setelah acara: ringkasan dan tautan materi.', verbose_name='materi')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'support_event',
                        'ordering': ['-starts_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Guide',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=160, verbose_name='judul')),
                        ('slug', models.SlugField(max_length=80, unique=True, verbose_name='alamat')),
                        ('summary', models.CharField(blank=True, help_text='Satu kalimat di daftar panduan.', max_length=240, verbose_name='ringkasan')),
                        ('body', models.TextField(help_text='Langkah demi langkah. Baris kosong memisahkan paragraf.', verbose_name='isi')),
                        ('context_key', models.SlugField(blank=True, help_text='Tempat di dasbor yang menautkan panduan ini, misalnya population_import.', max_length=60, verbose_name='kunci tempat')),
                        ('is_published', models.BooleanField(default=True, verbose_name='terbit')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        'db_table': 'support_guide',
                        'ordering': ['title'],
                    },
                ),
                migrations.CreateModel(
                    name='GuideImage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('image', models.ImageField(upload_to=balai.mentoring.models.guide_image_upload_to)),
                        ('alt', models.CharField(help_text='Apa yang tampak di gambar.', max_length=200, verbose_name='teks alternatif')),
                        ('width', models.PositiveIntegerField(default=0)),
                        ('height', models.PositiveIntegerField(default=0)),
                        ('guide', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='images', to='mentoring.guide')),
                    ],
                    options={
                        'db_table': 'support_guideimage',
                        'ordering': ['id'],
                    },
                ),
                migrations.CreateModel(
                    name='HelpRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('topic', models.CharField(choices=[('login', 'Masuk dan kata sandi'), ('news', 'Menulis berita'), ('import', 'Impor data'), ('budget', 'Anggaran (APBDes)'), ('shop', 'Lapak desa'), ('domain', 'Domain dan alamat situs'), ('other', 'Lainnya')], max_length=10, verbose_name='topik')),
                        ('message', models.TextField(help_text='Ceritakan apa yang ingin dilakukan dan apa yang terjadi.', verbose_name='pesan')),
                        ('status', models.CharField(choices=[('open', 'Menunggu jawaban'), ('answered', 'Sudah dijawab'), ('resolved', 'Selesai')], default='open', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('first_answer_at', models.DateTimeField(blank=True, null=True)),
                        ('resolved_at', models.DateTimeField(blank=True, null=True)),
                        ('escalated_at', models.DateTimeField(blank=True, help_text='When the district was told (no mentor, or no answer).', null=True)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('village', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='villages.village')),
                    ],
                    options={
                        'db_table': 'support_helprequest',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='HelpReply',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.TextField(verbose_name='pesan')),
                        ('from_helper', models.BooleanField(default=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='mentoring.helprequest')),
                    ],
                    options={
                        'db_table': 'support_helpreply',
                        'ordering': ['created_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='HelpAttachment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.FileField(storage=balai.lib.storage.private_storage, upload_to=balai.mentoring.models.help_attachment_upload_to)),
                        ('width', models.PositiveIntegerField(default=0)),
                        ('height', models.PositiveIntegerField(default=0)),
                        ('reply', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='mentoring.helpreply')),
                        ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='mentoring.helprequest')),
                    ],
                    options={
                        'db_table': 'support_helpattachment',
                        'ordering': ['id'],
                    },
                ),
                migrations.CreateModel(
                    name='EventRegistration',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('attended', models.BooleanField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='registrations', to='mentoring.event')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('village', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='villages.village')),
                    ],
                    options={
                        'db_table': 'support_eventregistration',
                        'ordering': ['created_at', 'id'],
                        'constraints': [models.UniqueConstraint(fields=('event', 'village', 'user'), name='support_unique_registration')],
                    },
                ),
                migrations.AddIndex(
                    model_name='helprequest',
                    index=models.Index(fields=['village', 'status'], name='support_help_village_status'),
                ),
            ],
        ),
        # ...then give them this app's names. Rows, ids and foreign keys stay as they are.
        migrations.AlterModelTable(name='event', table=None),
        migrations.AlterModelTable(name='guide', table=None),
        migrations.AlterModelTable(name='guideimage', table=None),
        migrations.AlterModelTable(name='helprequest', table=None),
        migrations.AlterModelTable(name='helpreply', table=None),
        migrations.AlterModelTable(name='helpattachment', table=None),
        migrations.AlterModelTable(name='eventregistration', table=None),
    ]
