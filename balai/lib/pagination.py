"""One way to page a list: the page number is the query parameter `halaman`, and the bar is
templates/includes/pagination.html."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_PARAM = "halaman"


def paginate(request: HttpRequest, items: Any, per_page: int) -> Page:
    """The requested page of `items`; a missing, wrong or too-large number gives a real page."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAM))
