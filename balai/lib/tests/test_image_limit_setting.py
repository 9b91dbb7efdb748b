"""One byte limit for every image field (before: 5 MB for an official's photo, 15 MB for a news
photo): settings.UPLOAD_MAX_IMAGE_MB is what the server refuses above, what each field's help
text says, and what the browser's photo script checks before sending (data-photo-max-bytes)."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.budget.forms import ProgressForm
from balai.disclosure.forms import DecideForm
from balai.lib.tests import files
from balai.lib.upload_forms import PhotoWidgetMixin
from balai.lib.uploads import (
    IMAGE_TYPES,
    MB,
    PDF,
    UploadError,
    check_upload,
    image_max_bytes,
    max_bytes,
    upload_hint,
)
from balai.market.forms import ProductForm, SellerForm
from balai.market.site_forms import ProofForm
from balai.mentoring.forms import GuideForm, HelpReplyForm, HelpRequestForm
from balai.news.forms import AlbumPhotoForm, ArticleForm, SubmissionForm
from balai.registrations.forms import LetterForm
from balai.villages.forms import LookForm, OfficialForm

# Every field of the product that takes a photo (a field added later belongs here).
PHOTO_FIELDS: list[tuple[type[forms.BaseForm], str]] = [
    (LookForm, "logo"),
    (OfficialForm, "photo"),
    (ArticleForm, "photo"),
    (SubmissionForm, "photo"),
    (AlbumPhotoForm, "photo"),
    (ProductForm, "photo"),
    (SellerForm, "photo_upload"),
    (SellerForm, "qris_upload"),
    (ProgressForm, "photo"),
    (HelpRequestForm, "screenshots"),
    (HelpReplyForm, "screenshots"),
    (GuideForm, "screenshot"),
    (LetterForm, "letter"),
    (DecideForm, "answer_file"),
    (ProofForm, "proof"),
]


def _jpeg_of(size: int) -> SimpleUploadedFile:
    data = files.jpeg_bytes((64, 48))
    return SimpleUploadedFile("foto.jpg", data + b"\0" * (size - len(data)))


def test_every_image_type_has_the_limit_of_the_setting(settings):
    settings.UPLOAD_MAX_IMAGE_MB = 3
    assert image_max_bytes() == 3 * MB
    assert {max_bytes(mime) for mime in IMAGE_TYPES} == {3 * MB}
    assert max_bytes(PDF.mime) == 10 * MB  # documents keep their own


def test_the_server_refuses_a_photo_above_the_setting(settings):
    settings.UPLOAD_MAX_IMAGE_MB = 1
    with pytest.raises(UploadError, match="Batasnya 1 MB"):
        check_upload(_jpeg_of(MB + 1), allowed=IMAGE_TYPES)
    settings.UPLOAD_MAX_IMAGE_MB = 2
    assert check_upload(_jpeg_of(MB + 1), allowed=IMAGE_TYPES) == "image/jpeg"


def test_the_help_text_says_the_setting(settings):
    settings.UPLOAD_MAX_IMAGE_MB = 8
    assert str(upload_hint(IMAGE_TYPES)) == "JPG, PNG atau WebP, paling besar 8 MB"
    assert "paling besar 8 MB" in str(OfficialForm.base_fields["photo"].help_text)
    assert "paling besar 8 MB" in str(ArticleForm.base_fields["photo"].help_text)


@pytest.mark.parametrize(
    ("form", "name"), PHOTO_FIELDS, ids=[f"{f.__name__}.{n}" for f, n in PHOTO_FIELDS]
)
def test_every_photo_field_gives_the_browser_the_one_limit(settings, form, name):
    settings.UPLOAD_MAX_IMAGE_MB = 7
    field = form.base_fields[name]
    assert isinstance(field.widget, PhotoWidgetMixin)
    html = str(field.widget.render(name, None, {"id": f"id_{name}"}))
    assert f'data-photo-max-bytes="{7 * MB}"' in html
    assert re.search(r'data-photo="\d{4}"', html)
    assert "/static/uploads/photo-upload.js" in html
    assert "paling besar 7 MB" in str(field.help_text)


def test_only_fields_that_take_photos_load_the_script():
    from balai.population.forms import UploadForm

    html = str(UploadForm()["file"])
    assert "data-photo" not in html and "photo-upload.js" not in html
