"""The support app's models now live in mentoring, watch and backups (issue 12).

Their first migrations took the tables over and renamed them; this one drops the models from
this app's state (no SQL) and moves their content types to the new apps, so permissions given
to users and groups (which point at a content type) follow the models. When a content type of
the new app already exists (made by an interrupted earlier upgrade), the old one's permissions
are merged into it. Backwards, everything moves back.
"""

from django.conf import settings
from django.db import migrations

MOVED = {
    "mentoring": (
        "helprequest",
        "helpreply",
        "helpattachment",
        "guide",
        "guideimage",
        "event",
        "eventregistration",
    ),
    "watch": ("freshnessscore", "loginrecord", "integrityalert"),
    "backups": ("villageexport",),
}


def _move(apps, source, target_of):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app, names in MOVED.items():
        for name in names:
            old = ContentType.objects.filter(app_label=source(app), model=name).first()
            if old is None:
                continue  # a fresh database: post_migrate creates the new ones
            target = target_of(app)
            new = ContentType.objects.filter(app_label=target, model=name).first()
            if new is None:
                old.app_label = target
                old.save(update_fields=["app_label"])
                continue
            for perm in Permission.objects.filter(content_type=old):
                twin = Permission.objects.filter(content_type=new, codename=perm.codename).first()
                if twin is None:
                    perm.content_type = new
                    perm.save(update_fields=["content_type"])
                    continue
                for group in perm.group_set.all():
                    group.permissions.add(twin)
                for user in perm.user_set.all():
                    user.user_permissions.add(twin)
                perm.delete()
            old.delete()


def forwards(apps, schema_editor):
    _move(apps, lambda app: "support", lambda app: app)


def backwards(apps, schema_editor):
    _move(apps, lambda app: app, lambda app: "support")


class Migration(migrations.Migration):

    dependencies = [
        ("support", "0001_initial"),
        ("mentoring", "0001_initial"),
        ("watch", "0001_initial"),
        ("backups", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name=name)
                for name in (
                    "HelpAttachment",
                    "HelpReply",
                    "HelpRequest",
                    "GuideImage",
                    "Guide",
                    "EventRegistration",
                    "Event",
                    "FreshnessScore",
                    "IntegrityAlert",
                    "LoginRecord",
                    "VillageExport",
                )
            ]
        ),
    ]
