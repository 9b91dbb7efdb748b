"""Upload fields for forms: the widget, the help text from the limits table, and the clean step
that checks the bytes and re-encodes images, so a bad file makes the form invalid (a message
beside the field) before anything is written.

Every field that takes a photo renders with `PhotoInput` (or `PhotoFileInput`): the input
carries `data-photo` with the byte limit and the longest side to scale to, and loads
`static/uploads/photo-upload.js`, which scales a camera photo down in the browser, checks its
size and sends it with a progress bar (lib/upload_xhr.py). Without JavaScript the input is a
plain file input and the server's checks below do everything, as they do for every upload.

What a clean step returns is what is stored: an `EncodedImage` (re-encoded, EXIF gone) or a
`CheckedFile` (a checked PDF as sent, or a re-encoded image) named `upload.<detected ext>`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise

from balai.lib.uploads import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    CheckedFile,
    EncodedImage,
    UploadError,
    check_upload,
    document_prepare,
    image_max_bytes,
    reencode_image,
    upload_hint,
)

PHOTO_SIDE = 1600
"""The longest side the browser scales a photo to: more than any page shows (a news photo's
widest variant is 1440 px), small enough to send in seconds on a weak signal (~300 KB)."""
DOCUMENT_SIDE = 2400
"""A photographed letter keeps its small print readable (the server keeps 2400 px too)."""


def photo_script() -> SafeString:
    """The script tag of the photo uploader, with its messages in Indonesian (or English)."""
    return format_html(
        '<script src="{}" defer data-preparing="{}" data-sending="{}" data-too-big="{}" '
        'data-failed="{}" data-server="{}" data-scaled="{}"></script>',
        static("uploads/photo-upload.js"),
        gettext("Menyiapkan foto…"),
        gettext("Mengirim… {percent}%"),
        gettext("Foto ini {size}, lebih besar dari batasnya ({max}). Pilih foto lain."),
        gettext(
            "Pengiriman gagal: sambungan terputus. Isian Anda masih ada; tekan tombolnya lagi "
            "untuk mencoba sekali lagi."
        ),
        gettext(
            "Server tidak dapat menyimpan kiriman ini (kode {status}). Isian Anda masih ada; "
            "coba lagi sebentar lagi."
        ),
        gettext("Foto diperkecil dari {before} menjadi {after} sebelum dikirim."),
    )


class PhotoWidgetMixin:
    """A file input the photo script enhances: `data-photo` (the longest side to scale to),
    `data-photo-max-bytes` (the one image limit, read when the page is drawn)."""

    side = PHOTO_SIDE

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = {
            **(attrs or {}),
            "data-photo": str(self.side),
            "data-photo-max-bytes": str(image_max_bytes()),
        }
        return super().get_context(name, value, attrs)  # type: ignore[misc]

    def render(self, *args: Any, **kwargs: Any) -> SafeString:
        html = super().render(*args, **kwargs)  # type: ignore[misc]
        return SafeString(html + photo_script())


class PhotoInput(PhotoWidgetMixin, forms.ClearableFileInput):
    def __init__(self, attrs: dict[str, Any] | None = None, *, side: int = PHOTO_SIDE) -> None:
        super().__init__({"accept": "image/*", **(attrs or {})})
        self.side = side


class PhotoFileInput(PhotoWidgetMixin, forms.FileInput):
    """Without the 'clear' checkbox (a field that is replaced, never emptied)."""

    def __init__(self, attrs: dict[str, Any] | None = None, *, side: int = PHOTO_SIDE) -> None:
        super().__init__({"accept": "image/*", **(attrs or {})})
        self.side = side


class MultiplePhotoInput(PhotoInput):
    allow_multiple_selected = True


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
    if allowed and set(allowed) <= IMAGE_TYPES:
        widget: type[forms.FileInput] = PhotoInput if clearable else PhotoFileInput
    else:
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
