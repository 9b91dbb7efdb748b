"""The village colour: readable white text on it (WCAG 2.2 AA) and the darker shade for hovers."""

from __future__ import annotations

MIN_CONTRAST = 4.5


def _channels(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_color: str) -> float:
    r, g, b = (_linear(c) for c in _channels(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(hex_color: str) -> float:
    return 1.05 / (relative_luminance(hex_color) + 0.05)


def darker(hex_color: str, factor: float = 0.7) -> str:
    return "#" + "".join(f"{round(c * factor):02x}" for c in _channels(hex_color))


def theme_css(primary: str) -> str:
    return f":root{{--primary:{primary.lower()};--primary-dark:{darker(primary)}}}\n"
