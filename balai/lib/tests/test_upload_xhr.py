"""The photo script's upload (an XHR marked X-Balai-Upload) gets a redirect as a header, so
the browser opens the next page itself and the flash message waits for it; a form sent
without the script, and a form drawn again with its errors, are answered as always."""

from __future__ import annotations

from balai.lib.upload_xhr import LOCATION_HEADER, UPLOAD_HEADER
from balai.news.models import Article
from balai.villages.tests.conftest import image_upload

ADD = "/dasbor/dagan/berita/tulis/"
FORM = {"title": "Panen raya", "body": "Petani memanen padi.", "alt": "Petani di sawah"}
XHR = {"headers": {UPLOAD_HEADER: "1"}}


def test_the_scripts_upload_gets_the_redirect_as_a_header_and_the_message_waits(login, alice):
    client = login(alice)
    response = client.post(ADD, {**FORM, "photo": image_upload()}, **XHR)
    article = Article.objects.get()
    assert response.status_code == 200 and response.content == b""
    assert response[LOCATION_HEADER] == f"/dasbor/dagan/berita/{article.pk}/"
    assert "tersimpan" in client.get(response[LOCATION_HEADER]).content.decode()


def test_a_form_sent_without_the_script_is_redirected_as_always(login, alice):
    response = login(alice).post(ADD, {**FORM, "photo": image_upload()})
    assert response.status_code == 302 and LOCATION_HEADER not in response


def test_a_refused_form_comes_back_to_the_script_as_a_page(login, alice):
    response = login(alice).post(ADD, {**FORM, "alt": "", "photo": image_upload()}, **XHR)
    assert response.status_code == 200 and LOCATION_HEADER not in response
    assert "Tulis apa yang terlihat di foto." in response.content.decode()
    assert not Article.objects.exists()
