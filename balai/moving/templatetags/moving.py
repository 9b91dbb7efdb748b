from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy

register = template.Library()

FATES = {
    "moved": gettext_lazy("dipindahkan"),
    "later": gettext_lazy("belum dipindahkan versi ini; disimpan di arsip pribadi desa"),
    "no_home": gettext_lazy("belum ada tempatnya di Balai; disimpan di arsip pribadi desa"),
    "secret": gettext_lazy("tidak dibaca: kata sandi, PIN atau log masuk"),
    "reference": gettext_lazy("daftar bawaan OpenSID; Balai punya daftarnya sendiri"),
}


@register.filter
def fate(group: str) -> str:
    """What the move does with a table of this group, in words."""
    return str(FATES.get(group, group))
