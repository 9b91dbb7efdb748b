"""Upload fields for forms: the widget, the help text from the limits table, and the clean step
that checks the bytes and re-encodes images, so a bad file makes the form invalid (a message
beside the field) before anything is written.

What a clean step returns is what is stored: an `EncodedImage` (re-encoded, EXIF gone) or a
`CheckedFile` (a checked PDF as sent, or a re-encoded image) named `upload.<detected ext>`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django_stubs_ext import StrOrPromise

from balai.lib.uploads import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    CheckedFile,
    EncodedImage,
    UploadError,
    check_upload,
    document_prepare,
    reencode_image,
    upload_hint,
)


def hint(allowed: Collection[str], extra: StrOrPromise = "") -> StrOrPromise:
    """`JPEG, PNG atau WebP, paling besar 20 MB.` followed by `extra`."""
    if not extra:
        return format_lazy("{}.", upload_hint(allowed))
    return format_lazy("{}. {}", upload_hint(allowed), extra)


def accept(allowed: Collection[str]) -> str:
    """The `accept` attribute: `image/*` lets a phone offer its camera and gallery."""
    if set(allowed) <= IMAGE_TYPES:
        return "image/*"
    return ",".join(sorted(allowed))


def upload_field(
    label: StrOrPromise,
    *,
    allowed: Collection[str] = IMAGE_TYPES,
    extra: StrOrPromise = "",
    required: bool = False,
    camera: bool = False,
    clearable: bool = True,
) -> forms.FileField:
    attrs = {"accept": accept(allowed)}
    if camera:
        attrs["capture"] = "environment"  # a phone opens its camera straight away
    widget = forms.ClearableFileInput if clearable else forms.FileInput
    return forms.FileField(
        label=label,
        required=required,
        help_text=hint(allowed, extra),
        widget=widget(attrs=attrs),
    )


def clean_image(upload: Any, *, max_side: int, square: bool = False) -> EncodedImage | None:
    """The upload checked and re-encoded, None when there is none; ValidationError if bad."""
    if not upload:
        return None
    try:
        check_upload(upload, allowed=IMAGE_TYPES)
        return reencode_image(upload, max_side=max_side, square=square)
    except UploadError as exc:
        raise forms.ValidationError(str(exc)) from exc


def clean_document(
    upload: Any, *, allowed: Collection[str] = DOCUMENT_TYPES, max_side: int = 2400
) -> CheckedFile | None:
    """`document_prepare` for a form: None when there is no upload, ValidationError if bad."""
    if not upload:
        return None
    try:
        return document_prepare(upload, allowed=allowed, max_side=max_side)
    except UploadError as exc:
        raise forms.ValidationError(str(exc)) from exc
