"""Indonesian mobile (WhatsApp) numbers: accept what people type, store +62…"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from django import forms
from django.utils.translation import gettext_lazy as _

_MOBILE = re.compile(r"^8[1-9]\d{7,11}$")


def normalize_whatsapp(raw: str) -> str | None:
    """'0812-3456-7890', '+62 812 3456 7890', '62812…' → '+6281234567890'; None if not a mobile."""
    digits = re.sub(r"[\s\-().]", "", raw or "")
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit():
        return None
    if digits.startswith("62"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    return f"+62{digits}" if _MOBILE.match(digits) else None


def whatsapp_link(number: str = "", text: str = "") -> str:
    """wa.me to `number` (+62…), or with none to a chat the user picks; `text` prefilled."""
    link = "https://wa.me/" + number.lstrip("+")
    return f"{link}?text={quote(text, safe='')}" if text else link


class WhatsAppField(forms.CharField):
    """A WhatsApp number field: a phone keyboard, what people type accepted ("0812-3456-7890",
    "+62 812…"), stored as +62…, and one message for every form when it is not a mobile."""

    default_error_messages = {
        "invalid": _("Tulis nomor WhatsApp seperti 0812 3456 7890."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 24)
        super().__init__(**kwargs)
        self.widget.input_type = "tel"
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text and not self.required:
            return ""
        number = normalize_whatsapp(text)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number
