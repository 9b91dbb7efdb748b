"""Forms with a photo are sent by the photo script (static/uploads/photo-upload.js) with an
XMLHttpRequest, for its progress bar and so that a dropped connection keeps what was typed.

An XHR follows redirects by itself: the page after "saved" would be fetched by the script,
its flash message shown to nobody, and the browser left on the form. So a redirect answered to
the script's request (marked with the `X-Balai-Upload` header, which only our own pages can
send) becomes an empty 200 with the target in `X-Balai-Location`; the script then opens that
page as the browser would have, and the message waits for it. Every other answer (a form
re-drawn with its errors) is untouched. Requests without the header, that is every form sent
without JavaScript, are never changed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

UPLOAD_HEADER = "X-Balai-Upload"
LOCATION_HEADER = "X-Balai-Location"


class UploadRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method == "POST"
            and request.headers.get(UPLOAD_HEADER) == "1"
            and response.status_code in (301, 302, 303, 307, 308)
            and "Location" in response
        ):
            followed = HttpResponse(status=200)
            followed[LOCATION_HEADER] = response["Location"]
            followed.cookies = response.cookies
            followed["Cache-Control"] = "no-store"
            return followed
        return response
