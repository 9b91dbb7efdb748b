"""Forms of the mentoring app: help requests and replies, guides, events."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from balai.lib.upload_forms import MultiplePhotoInput, PhotoInput, clean_image, hint
from balai.lib.uploads import IMAGE_TYPES
from balai.mentoring.models import Event, Guide, HelpRequest

MAX_SCREENSHOTS = 3


class ScreenshotsField(forms.FileField):
    """Up to three screenshots, each checked by its bytes and re-encoded (EncodedImage)."""

    widget = MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_SCREENSHOTS:
            raise forms.ValidationError(
                _("Kirim paling banyak %(n)d tangkapan layar.") % {"n": MAX_SCREENSHOTS}
            )
        return [clean_image(upload, max_side=1600) for upload in files]


def _screenshots() -> ScreenshotsField:
    return ScreenshotsField(
        label=_("Tangkapan layar"),
        required=False,
        help_text=format_lazy(
            "{} {}", _("Paling banyak 3 gambar, masing-masing:"), hint(IMAGE_TYPES)
        ),
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
        help_text=hint(IMAGE_TYPES),
        widget=PhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    screenshot_alt = forms.CharField(
        label=_("Teks alternatif tangkapan layar"), max_length=200, required=False
    )

    class Meta:
        model = Guide
        fields = ["title", "slug", "summary", "context_key", "body", "is_published"]

    def clean_screenshot(self):
        return clean_image(self.cleaned_data.get("screenshot"), max_side=1400)

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
