"""The pipeline's URLs, mounted in each domain's dashboard URL list behind that domain's role:

    urlpatterns += job_urls(domain="population", area="personal")

gives impor/<pk>/ (name "import"), impor/<pk>/konfirmasi/ ("import_confirm") and
impor/<pk>/laporan.xlsx ("import_report"), the marked copy of the file impor/<pk>/bertanda.xlsx
("import_marked"), the rows held back impor/<pk>/ditahan.xlsx ("import_held") and the choice to
import the good groups only impor/<pk>/sebagian/ ("import_partial") in the domain's namespace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, path

from balai.imports.views import dashboard as views
from balai.villages.permissions import desa_only, village_role_required


def job_urls(*, domain: str, area: str, desa: bool = False) -> list[URLPattern]:
    """`desa`: the module is the desa's only (APBDes): a kelurahan's job pages are 404."""

    def guard(view: Callable[..., Any]) -> Callable[..., Any]:
        view = desa_only()(view) if desa else view
        return village_role_required(area)(view)

    extra = {"domain": domain}
    return [
        path("impor/<int:pk>/", guard(views.job_page), extra, name="import"),
        path(
            "impor/<int:pk>/konfirmasi/",
            guard(views.job_confirm_view),
            extra,
            name="import_confirm",
        ),
        path("impor/<int:pk>/laporan.xlsx", guard(views.job_report), extra, name="import_report"),
        path("impor/<int:pk>/bertanda.xlsx", guard(views.job_marked), extra, name="import_marked"),
        path("impor/<int:pk>/ditahan.xlsx", guard(views.job_held), extra, name="import_held"),
        path(
            "impor/<int:pk>/sebagian/",
            guard(views.job_partial_view),
            extra,
            name="import_partial",
        ),
    ]
