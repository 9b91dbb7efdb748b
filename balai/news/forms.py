"""Forms of the news section: the article editor, the resident's story and comment forms,
events and albums. Upload checks run here so a bad photo keeps what was typed."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import MultiplePhotoInput, PhotoInput, hint
from balai.lib.uploads import IMAGE_TYPES
from balai.news.bodytext import has_formatting, html_to_text, text_to_html
from balai.news.images import image_clean
from balai.news.models import Article, Category, Comment, Event
from balai.news.richtext import article_body_html

PHOTO_HINT = hint(IMAGE_TYPES, _("Foto dari kamera atau galeri."))


class PhotoFieldMixin:
    """Checks the `photo` field by its bytes and re-encodes it (the cleaned value is an
    EncodedImage); requires alt text when a photo is given."""

    photo_required = False

    def clean_photo(self):
        photo = image_clean(self.cleaned_data.get("photo"))
        if photo is None and self.photo_required:
            raise forms.ValidationError(_("Pilih foto."))
        return photo

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("alt") or "").strip():
            self.add_error("alt", _("Tulis apa yang terlihat di foto."))
        return data


class ArticleForm(PhotoFieldMixin, forms.ModelForm):
    """The story editor. `body` is plain text (the textarea people see without JavaScript);
    the editor script sends the HTML it shows in `body_html` instead. Either way the cleaned
    HTML ends up in `cleaned_data["body"]` (see news.bodytext for the plain-text round trip)."""

    body = forms.CharField(
        label=_("Isi berita"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    # Disabled until the editor script enables it, so a form sent without JavaScript has none.
    body_html = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"disabled": True}))
    photo = forms.FileField(
        label=_("Foto utama"),
        required=False,
        help_text=PHOTO_HINT,
        widget=PhotoInput(),
    )
    alt = forms.CharField(
        label=_("Keterangan foto untuk pembaca tunanetra"),
        max_length=200,
        required=False,
        help_text=_(
            "Apa yang terlihat di foto, misalnya: Warga bergotong royong memperbaiki jalan."
        ),
    )
    tag_text = forms.CharField(
        label=_("Label"),
        required=False,
        max_length=200,
        help_text=_("Pisahkan dengan koma, misalnya: panen, gotong royong"),
    )

    class Meta:
        model = Article
        fields = ["title", "summary", "body", "category", "is_pinned", "comments_open"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_body = self.instance.body or ""
        self.fields["category"].queryset = Category.objects.for_village(village)
        self.fields["category"].empty_label = _("(tanpa kategori)")
        self.initial["body"] = html_to_text(self.stored_body)
        if self.instance.pk:
            self.initial["tag_text"] = ", ".join(t.name for t in self.instance.tags.all())
            if self.instance.lead_image_id:
                self.initial["alt"] = self.instance.lead_image.alt

    def clean(self):
        data = super().clean()
        if self.add_prefix("body_html") in self.data:  # from the editor script
            body = article_body_html(data.get("body_html") or "")
        else:
            text = data.get("body") or ""
            body = article_body_html(text_to_html(text, previous=self.stored_body))
        data["body"] = body
        if not html_to_text(body).strip():
            self.add_error("body", _("Tulis isi berita."))
        return data

    def editor_html(self) -> str:
        """What the editor shows: the story as stored, or as sent when the form came back."""
        if self.is_bound:
            return getattr(self, "cleaned_data", {}).get("body", "")
        return article_body_html(self.stored_body)

    def has_formatting(self) -> bool:
        """Whether the stored story has formatting the plain textarea cannot show."""
        return has_formatting(self.stored_body)


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Terbit pada"),
        required=False,
        help_text=_("Kosongkan untuk terbit sekarang."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class HoneypotMixin:
    """A field people never see (hidden by CSS, labelled 'leave empty'); bots fill it."""

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Kiriman ditolak."))
        return ""


class CommentForm(HoneypotMixin, forms.ModelForm):
    website = forms.CharField(label=_("Jangan diisi"), required=False)

    class Meta:
        model = Comment
        fields = ["name", "contact", "body"]
        help_texts = {
            "contact": _("Hanya untuk admin desa bila perlu menghubungi Anda; tidak ditampilkan."),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}


class MultiplePhotoField(forms.FileField):
    """Up to MAX_PHOTOS photos from one file input (the phone's gallery allows several)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(_("Kirim paling banyak %(n)d foto.") % {"n": MAX_PHOTOS})
        return [super(MultiplePhotoField, self).clean(f, initial) for f in files]


MAX_PHOTOS = 4


class SubmissionForm(HoneypotMixin, PhotoFieldMixin, forms.Form):
    name = forms.CharField(
        label=_("Nama Anda"),
        max_length=120,
        help_text=_("Tampil sebagai penulis bila berita diterbitkan."),
    )
    whatsapp = WhatsAppField(
        label=_("Nomor WhatsApp"),
        help_text=_("Untuk dihubungi editor; tidak ditampilkan di situs."),
    )
    email = forms.EmailField(label=_("Email"), required=False)
    title = forms.CharField(label=_("Judul cerita"), max_length=160)
    body = forms.CharField(
        label=_("Cerita"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000
    )
    photo = MultiplePhotoField(
        label=_("Foto"),
        required=False,
        help_text=format_lazy("{} {}", _("Sampai 4 foto, masing-masing:"), hint(IMAGE_TYPES)),
    )
    alt = forms.CharField(
        label=_("Apa yang terlihat di foto?"),
        max_length=200,
        required=False,
        help_text=_("Untuk pembaca tunanetra, misalnya: Anak-anak berlatih kuda lumping."),
    )

    def clean_photo(self):
        return [image_clean(photo) for photo in self.cleaned_data.get("photo") or []]

    website = forms.CharField(label=_("Jangan diisi"), required=False)


class SubmissionPublishForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=160)
    body = forms.CharField(
        label=_("Isi"), widget=forms.Textarea(attrs={"rows": 12, "data-editor": "1"})
    )


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Pesan untuk pengirim"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alasan singkat; Anda dapat mengirimnya lewat WhatsApp setelah ini."),
    )


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "starts_at", "ends_at", "place", "organiser", "description"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        if data.get("ends_at") and data.get("starts_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("Waktu selesai harus sesudah waktu mulai."))
        return data


class AlbumForm(forms.Form):
    title = forms.CharField(label=_("Judul album"), max_length=160)
    description = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AlbumPhotoForm(PhotoFieldMixin, forms.Form):
    photo_required = True
    photo = forms.FileField(
        label=_("Foto"),
        help_text=PHOTO_HINT,
        widget=PhotoInput(),
    )
    alt = forms.CharField(label=_("Apa yang terlihat di foto?"), max_length=200)
    caption = forms.CharField(label=_("Keterangan foto"), max_length=200, required=False)


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Nama kategori baru"), max_length=60)


class NewsSettingsForm(forms.Form):
    comments_open = forms.BooleanField(label=_("Komentar dibuka di semua berita"), required=False)
    submissions_open = forms.BooleanField(label=_("Warga boleh mengirim berita"), required=False)
