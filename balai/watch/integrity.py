"""The integrity watch: signs that a village site was compromised or spammed.

`content_suspicious(text)` is for every module that publishes what people type: when it returns
reasons, hold the item for review instead of publishing it, e.g.

    from balai.watch.integrity import content_suspicious
    if content_suspicious(article.title + " " + article.body):
        article.status = Article.Status.REVIEW

`integrity_watch_run()` (the `support_watch` command, run every 15 minutes by a timer) looks at
the last hour: bursts of new content per village, gambling words in new content, many failed
logins (with how many client addresses they came from), and admins signing in from an address
they never used; each finding becomes one IntegrityAlert (deduplicated) and an email to the
district admins. Login addresses are the clients' own, read behind the proxy (signals.py).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts.models import User
from balai.villages.models import Village
from balai.villages.permissions import village_role
from balai.watch.models import IntegrityAlert, LoginRecord

Kind = IntegrityAlert.Kind

GAMBLING_WORDS = ("slot", "judi", "gacor", "togel", "maxwin", "situs resmi")
_WORDS = re.compile(r"\b(" + "|".join(re.escape(w) for w in GAMBLING_WORDS) + r")\b", re.I)
_LINK = re.compile(r"https?://|www\.", re.I)
LINK_BURST = 5  # more links than this in one text looks like link spam
CONTENT_BURST = 20  # new items per village per hour
FAILED_LOGIN_BURST = 20  # failures per hour across the install
WINDOW = timedelta(hours=1)
CONTENT_APPS = {"news", "market", "budget", "disclosure", "villages"}
TEXT_FIELDS = ("title", "name", "body", "description", "summary")


def content_suspicious(text: str) -> list[str]:
    """Reasons (in Indonesian) to hold this text for review; empty when it looks fine."""
    reasons = []
    words = sorted({m.group(1).lower() for m in _WORDS.finditer(text or "")})
    if words:
        reasons.append(_("Kata yang sering dipakai spam judi: %(w)s") % {"w": ", ".join(words)})
    links = len(_LINK.findall(text or ""))
    if links > LINK_BURST:
        reasons.append(_("Terlalu banyak tautan (%(n)d).") % {"n": links})
    return reasons


def _content_models() -> list[tuple[type[models.Model], str]]:
    """Models of the publishing apps with a village and a creation (or update) time."""
    found: list[tuple[type[models.Model], str]] = []
    for label in sorted(CONTENT_APPS):
        for model in apps.get_app_config(label).get_models():
            names = {f.name for f in model._meta.concrete_fields}
            stamp = next((n for n in ("created_at", "updated_at") if n in names), None)
            if stamp and "village" in names:
                found.append((model, stamp))
    return found


def integrity_alert_raise(
    *, kind: str, key: str, message: str, village: Village | None = None, notify: bool = False
) -> bool:
    """Record one alert for the district (deduplicated by `key`); True when it is new.

    Modules that hold suspicious content call this with kind="gambling" and the same key the
    watch would use (`gambling:<app.model>:<pk>`), so the watch does not raise it twice;
    `notify` also emails the district admins at once (the watch emails its own findings)."""
    try:
        with transaction.atomic():
            IntegrityAlert.objects.create(
                kind=kind, dedupe_key=key[:120], message=message[:300], village=village
            )
    except IntegrityError:
        return False  # already raised
    if notify:
        _mail_district([message])
    return True


def _mail_district(raised: list[str]) -> None:
    admins = list(
        User.objects.filter(is_district_admin=True, is_active=True).values_list("email", flat=True)
    )
    body = _("Pantauan keamanan Balai menemukan:\n\n") + "\n".join(f"- {m}" for m in raised)
    if admins:
        send_mail(_("Peringatan keamanan situs desa"), body, settings.DEFAULT_FROM_EMAIL, admins)


def _watch_content(since: datetime, hour: str) -> list[str]:
    raised = []
    for model, field in _content_models():
        recent = model._default_manager.filter(**{f"{field}__gte": since})
        for row in recent.values("village_id").annotate(n=Count("pk")).filter(n__gte=CONTENT_BURST):
            village = Village.objects.filter(pk=row["village_id"]).first()
            msg = _("%(v)s: %(n)d %(m)s baru dalam satu jam.") % {
                "v": village,
                "n": row["n"],
                "m": model._meta.verbose_name_plural,
            }
            key = f"burst:{model._meta.label_lower}:{row['village_id']}:{hour}"
            if integrity_alert_raise(kind=Kind.BURST, key=key, message=msg, village=village):
                raised.append(msg)
        texts = [f for f in TEXT_FIELDS if f in {x.name for x in model._meta.concrete_fields}]
        for obj in recent.select_related("village__region")[:500] if texts else []:
            reasons = content_suspicious(" ".join(str(getattr(obj, f) or "") for f in texts))
            if reasons:
                where: Village = obj.village  # type: ignore[attr-defined]
                msg = f"{where}: {model._meta.verbose_name} #{obj.pk} — {reasons[0]}"
                key = f"gambling:{model._meta.label_lower}:{obj.pk}"
                if integrity_alert_raise(kind=Kind.GAMBLING, key=key, message=msg, village=where):
                    raised.append(msg)
    return raised


def _failed_logins_message(failures: models.QuerySet[LoginRecord], total: int) -> str:
    """How many failures, from how many client addresses, and the busiest one: a guessing
    script from one address reads differently from a district-wide mistyped password."""
    by_ip = list(failures.order_by().values("ip").annotate(n=Count("pk")).order_by("-n", "ip"))
    top = by_ip[0]
    return _(
        "%(n)d percobaan masuk gagal dalam satu jam terakhir dari %(clients)d alamat IP; "
        "terbanyak %(top)d dari %(ip)s."
    ) % {
        "n": total,
        "clients": len(by_ip),
        "top": top["n"],
        "ip": top["ip"] or _("alamat tak dikenal"),
    }


def integrity_logins_check(*, now: datetime) -> list[str]:
    """The login part of the watch over the hour before `now`: a flood of failed logins, and
    admins who signed in from a new address. Returns the new alerts' messages."""
    since, hour = now - WINDOW, now.strftime("%Y%m%d%H")
    raised = []
    failures = LoginRecord.objects.filter(succeeded=False, created_at__gte=since)
    total = failures.count()
    if total >= FAILED_LOGIN_BURST:
        msg = _failed_logins_message(failures, total)
        if integrity_alert_raise(kind=Kind.FAILED_LOGINS, key=f"failed:{hour}", message=msg):
            raised.append(msg)
    for record in LoginRecord.objects.filter(new_ip=True, created_at__gte=since).select_related(
        "user"
    ):
        msg = _("%(u)s masuk dari alamat IP baru %(ip)s.") % {"u": record.user, "ip": record.ip}
        if integrity_alert_raise(kind=Kind.NEW_IP, key=f"newip:{record.pk}", message=msg):
            raised.append(msg)
    return raised


def integrity_watch_run(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    since, hour = now - WINDOW, now.strftime("%Y%m%d%H")
    raised = _watch_content(since, hour) + integrity_logins_check(now=now)
    # Failures matter for an hour; successes are kept a year to know an admin's usual places.
    LoginRecord.objects.filter(succeeded=False, created_at__lt=now - timedelta(days=30)).delete()
    LoginRecord.objects.filter(succeeded=True, created_at__lt=now - timedelta(days=365)).delete()
    if raised:
        _mail_district(raised)
    return len(raised)


def may_release_hold(user: Any, village: Village) -> bool:
    """A held story may be published anyway only by someone outside the village's own accounts
    (a mentor or the district): a stolen admin password must not be enough."""
    return village_role(user, village) in ("district", "mentor")
