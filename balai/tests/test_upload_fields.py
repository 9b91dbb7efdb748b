"""Every upload field of every form checks the bytes: an SVG (a picture that can carry script)
or an HTML page is refused beside the field, whatever its name. A new upload field that is not
listed here fails the last test, so it cannot be added without its check."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

import balai
from balai.lib.tests import files

pytestmark = pytest.mark.django_db


def _forms():
    from balai.budget import forms as budget
    from balai.complaints import forms as complaints
    from balai.disclosure import forms as disclosure
    from balai.institutions import forms as institutions
    from balai.legal import forms as legal
    from balai.legal.models import LegalAct
    from balai.maps import forms as maps
    from balai.market import forms as market
    from balai.market import site_forms as shop
    from balai.mentoring import forms as mentoring
    from balai.news import forms as news
    from balai.registrations import forms as registrations
    from balai.services import forms as services
    from balai.villages import forms as villages

    return {
        (villages.LookForm, "logo"): lambda v: {},
        (villages.OfficialForm, "photo"): lambda v: {},
        (news.ArticleForm, "photo"): lambda v: {"village": v},
        (news.SubmissionForm, "photo"): lambda v: {},
        (news.AlbumPhotoForm, "photo"): lambda v: {},
        (market.SellerForm, "photo_upload"): lambda v: {},
        (market.SellerForm, "qris_upload"): lambda v: {},
        (market.ProductForm, "photo"): lambda v: {},
        (shop.ProofForm, "proof"): lambda v: {},
        (mentoring.HelpRequestForm, "screenshots"): lambda v: {},
        (mentoring.HelpReplyForm, "screenshots"): lambda v: {},
        (mentoring.GuideForm, "screenshot"): lambda v: {},
        (disclosure.DecideForm, "answer_file"): lambda v: {},
        (disclosure.ProfileForm, "perdes_file"): lambda v: {},
        (disclosure.DipItemForm, "file"): lambda v: {},
        (registrations.LetterForm, "letter"): lambda v: {},
        (budget.ProgressForm, "photo"): lambda v: {},
        (institutions.InstitutionForm, "logo"): lambda v: {},
        (institutions.MemberForm, "photo"): lambda v: {"village": v, "register": False},
        (maps.PotentialForm, "photo_upload"): lambda v: {},
        (maps.PlaceForm, "photo_upload"): lambda v: {},
        (services.RequestForm, "documents"): lambda v: {},
        (services.AnswerForm, "documents"): lambda v: {},
        (services.HandoverForm, "pdf"): lambda v: {},
        (legal.LegalActForm, "file"): lambda v: {"instance": LegalAct(village=v)},
        (complaints.ComplaintForm, "photo"): lambda v: {"village": v},
    }


# Checked by the import pipeline as a spreadsheet (balai/imports), then by private storage,
# which refuses markup (balai/imports/tests/test_upload_checks.py).
CHECKED_ELSEWHERE = {
    ("population.forms", "UploadForm", "file"),
    ("welfare.forms", "UploadForm", "file"),
    ("budget.forms", "ImportForm", "file"),
    ("moving.forms", "BackupForm", "file"),  # a dump: sniffed as SQL, read by sqldump's limits
    ("moving.forms", "WordPressForm", "file"),  # WXR: sniffed by its bytes, read by expat's limits
    # the desa/ folder: a zip by its bytes (check_upload), then its directory by DesaFolder
    ("moving.forms", "BackupForm", "uploads"),
    ("moving.forms", "WordPressForm", "uploads"),
    # Map files: read by balai/maps/formats.py, which takes only GeoJSON, KML/KMZ or a zipped
    # shapefile (an SVG or HTML page is refused, maps/tests/test_bad_files.py); never stored
    # where they could be served.
    ("maps.forms", "BoundaryForm", "file"),
    ("maps.forms", "AreaForm", "file"),
    ("maps.forms", "BulkLoadForm", "file"),
}


def _cases():
    return [pytest.param(form, field, id=f"{form.__name__}.{field}") for form, field in _forms()]


@pytest.mark.parametrize(("form_class", "field"), _cases())
@pytest.mark.parametrize(
    ("name", "data"),
    [("logo.svg", files.SVG), ("foto.png", files.SVG), ("surat.pdf", files.HTML_AS_PDF)],
    ids=["svg", "svg-as-png", "html-as-pdf"],
)
def test_every_upload_field_refuses_pages_and_svg(dagan, form_class, field, name, data):
    kwargs = _forms()[(form_class, field)](dagan)
    upload = SimpleUploadedFile(name, data, "image/svg+xml")
    form = form_class(data={}, files=MultiValueDict({field: [upload]}), **kwargs)
    form.is_valid()
    assert field in form.errors, form.errors
    assert "bukan" in str(form.errors[field]) or "rusak" in str(form.errors[field])


def test_every_upload_field_in_the_project_is_listed_above():
    listed = {(f.__module__, f.__name__, field) for f, field in _forms()}
    found = set()
    for module in pkgutil.walk_packages(balai.__path__, "balai."):
        if not module.name.endswith(("forms", "site_forms")) or ".tests" in module.name:
            continue
        for _name, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.name:
                for field, f in cls.base_fields.items():
                    if isinstance(f, forms.FileField):
                        found.add((cls.__module__, cls.__name__, field))
    elsewhere = {(f"balai.{m}", c, f) for m, c, f in CHECKED_ELSEWHERE}
    inherited = {("balai.registrations.forms", "ReviseForm", "letter")}  # LetterForm's clean
    assert listed <= found  # the walk sees the listed fields
    assert found - listed - elsewhere - inherited == set()
