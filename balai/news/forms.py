"""Forms of the news section: the article editor, the resident's story and comment forms,
events and albums. Upload checks run here so a bad photo keeps what was typed."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import MultiplePhotoInput, PhotoInput, hint
from balai.lib.uploads import IMAGE_TYPES
from balai.news.images import image_clean
from balai.news.models import Article, Category, Comment, Event

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
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14, "data-editor": "1"}),
            "summary": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.for_village(village)
        self.fields["category"].empty_label = _("(tanpa kategori)")
        if self.instance.pk:
            self.initial["tag_text"] = ", ".join(t.name for t in self.instance.tags.all())
            if self.instance.lead_image_id:
                self.initial["alt"] = self.instance.lead_image.alt


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
