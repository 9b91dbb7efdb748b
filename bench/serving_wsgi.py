"""WSGI app for bench/serving.py: Balai, plus three fixed pages that answer the same bytes as the
cached village home (BENCH_PAGE, a file), to price what sits in front of the page cache.

- /bench/wsgi/    a plain WSGI callable, no Django (what the server alone costs);
- /bench/before/  a Django view returning a fixed HttpResponse, through a Django handler with no
                  middleware (Django's request/response cycle, no Balai);
- /bench/after/   the same view behind Balai's whole middleware stack (host routing, sessions,
                  CSRF, CSP, cache headers, request log…), as a cached page is;
- everything else is Balai (its handler and middleware) unchanged.

Served by gunicorn with the argv `manage.py serve` uses, so the figures compare like for like.
Bench only: never mounted by Balai itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.test.utils import override_settings
from django.urls import include, path

import balai.wsgi


def body() -> bytes:
    return Path(os.environ["BENCH_PAGE"]).read_bytes()


BODY = body() if "BENCH_PAGE" in os.environ else b"<!doctype html><p>Balai</p>"


def plain(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/before/", plain),
    path("bench/after/", plain),
    path("", include(settings.ROOT_URLCONF)),
]


class Handler(WSGIHandler):
    """A Django handler resolving with this module's URLs. With Balai's middleware (from
    settings) the district host keeps request.urlconf (VillageRoutingMiddleware sets it only on
    village hosts), so /bench/after/ runs behind every middleware. Settings stay untouched."""

    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        request.urlconf = __name__
        return super().get_response(request)


with override_settings(MIDDLEWARE=[]):
    bare = Handler()
balai = Handler()


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    where = environ.get("PATH_INFO", "")
    if where == "/bench/wsgi/":
        start_response(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))],
        )
        return [BODY]
    if where == "/bench/before/":
        return bare(environ, start_response)
    return balai(environ, start_response)
