"""With S3 the object's Content-Type is the type detected from the bytes, never the browser's,
and anything but a public image is stored as a download (S3 sends no nosniff header)."""

from __future__ import annotations

import pytest
from boto3.s3.transfer import TransferConfig
from botocore.stub import Stubber
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.lib.s3 import PrivateS3Storage, PublicS3Storage
from balai.lib.tests import files
from balai.lib.uploads import UploadError

CREDENTIALS = {
    "bucket_name": "balai-uji",
    "access_key": "uji",
    "secret_key": "uji",
    "region_name": "ap-southeast-3",
    "transfer_config": TransferConfig(use_threads=False),
    "file_overwrite": True,  # random names never collide; no HeadObject first
}


def _put(storage, name: str, data: bytes, browser_type: str) -> dict:
    """Save through a stubbed S3 client; return the PutObject parameters the storage sent."""
    client = storage.connection.meta.client
    sent: dict = {}
    client.meta.events.register(
        "provide-client-params.s3.PutObject", lambda params, **kwargs: sent.update(params)
    )
    with Stubber(client) as stub:
        stub.add_response("put_object", {})
        upload = SimpleUploadedFile(name.rsplit("/", 1)[-1], data, browser_type)
        sent["saved"] = storage.save(name, upload)
        stub.assert_no_pending_responses()
    return sent


def test_an_image_sent_as_text_html_is_stored_as_the_image_it_is():
    sent = _put(PublicS3Storage(**CREDENTIALS), "berita/x.html", files.png_bytes(), "text/html")
    assert sent["ContentType"] == "image/png"
    assert "ContentDisposition" not in sent
    assert sent["Key"].endswith(".png") and sent["saved"].startswith("berita/")


def test_a_public_pdf_is_stored_as_a_download():
    sent = _put(PublicS3Storage(**CREDENTIALS), "ppid/d.pdf", files.reportlab_pdf(), "text/html")
    assert sent["ContentType"] == "application/pdf"
    assert sent["ContentDisposition"] == "attachment"


def test_private_files_are_downloads_under_private_with_a_private_acl():
    sent = _put(PrivateS3Storage(**CREDENTIALS), "bukti/b.jpg", files.jpeg_bytes(), "text/html")
    assert sent["ContentType"] == "image/jpeg"
    assert sent["ContentDisposition"] == "attachment"
    assert sent["ACL"] == "private"
    assert sent["Key"].startswith("private/bukti/")


def test_html_is_refused_before_anything_reaches_the_bucket():
    storage = PublicS3Storage(**CREDENTIALS)
    with Stubber(storage.connection.meta.client):  # no response queued: any call would fail
        with pytest.raises(UploadError):
            storage.save("berita/x.html", SimpleUploadedFile("x.html", files.HTML, "text/html"))
