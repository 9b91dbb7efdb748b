"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `welfare_index`)."""

from __future__ import annotations

from django.urls import path, re_path

from balai.welfare.views import site

urlpatterns = [
    path("bantuan-sosial/", site.index, name="welfare_index"),
    re_path(
        r"^bantuan-sosial/data-(?P<key>[a-z]+)\.(?P<fmt>csv|json)$",
        site.download,
        name="welfare_download",
    ),
    path("bantuan-sosial/daftar/<int:pk>/", site.announced, name="welfare_list"),
    path("bantuan-sosial/daftar/<int:pk>/sanggah/", site.objection, name="welfare_objection"),
]
