"""Forms of the mentoring app: help requests and replies, guides, events."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from balai.lib.uploads import IMAGE_TYPES, UploadError, check_upload
from balai.mentoring.models import Event, Guide, HelpRequest

MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024
MAX_SCREENSHOTS = 3


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ScreenshotsField(forms.FileField):
    """Up to three screenshots, each checked by its bytes and at most 5 MB."""

    widget = MultipleImageInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_SCREENSHOTS:
            raise forms.ValidationError(
                _("Kirim paling banyak %(n)d tangkapan layar.") % {"n": MAX_SCREENSHOTS}
            )
        for upload in files:
            try:
                check_upload(upload, allowed=IMAGE_TYPES, max_bytes=MAX_SCREENSHOT_BYTES)
            except UploadError as exc:
                raise forms.ValidationError(str(exc)) from exc
        return files


def _screenshots() -> ScreenshotsField:
    return ScreenshotsField(
        label=_("Tangkapan layar"),
        required=False,
        help_text=_("Paling banyak 3 gambar JPG, PNG atau WebP, masing-masing sampai 5 MB."),
    )


class HelpRequestForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topik"), choices=HelpRequest.Topic.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Pesan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ceritakan apa yang ingin Anda lakukan dan apa yang terjadi."),
        error_messages={"required": _("Tulis pesan Anda.")},
    )
    screenshots = _screenshots()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].error_messages["required"] = _("Pilih topik bantuan.")


class HelpReplyForm(forms.Form):
    message = forms.CharField(
        label=_("Balasan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tulis balasan Anda.")},
    )
    screenshots = _screenshots()


class GuideForm(forms.ModelForm):
    screenshot = forms.FileField(
        label=_("Tambah tangkapan layar"),
        required=False,
        help_text=_("JPG, PNG atau WebP sampai 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    screenshot_alt = forms.CharField(
        label=_("Teks alternatif tangkapan layar"), max_length=200, required=False
    )

    class Meta:
        model = Guide
        fields = ["title", "slug", "summary", "context_key", "body", "is_published"]

    def clean_screenshot(self):
        upload = self.cleaned_data.get("screenshot")
        if upload:
            try:
                check_upload(upload, allowed=IMAGE_TYPES, max_bytes=MAX_SCREENSHOT_BYTES)
            except UploadError as exc:
                raise forms.ValidationError(str(exc)) from exc
        return upload

    def clean(self):
        data = super().clean()
        if data.get("screenshot") and not data.get("screenshot_alt"):
            self.add_error("screenshot_alt", _("Tulis apa yang tampak di gambar."))
        return data


class EventForm(forms.ModelForm):
    online_url = forms.URLField(
        label=_("Tautan daring"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Event
        fields = ["kind", "title", "starts_at", "place", "online_url", "agenda", "materials"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "materials": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Isi tempat atau tautan daring."))
        return data
