"""Indonesian mobile (WhatsApp) numbers: accept what people type, store +62…"""

from __future__ import annotations

import re

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


def whatsapp_link(number: str) -> str:
    return "https://wa.me/" + number.lstrip("+")
