from __future__ import annotations

from django.urls import path

from balai.letters.views import district_dashboard

app_name = "letters_district_dashboard"
urlpatterns = [
    path("", district_dashboard.home, name="home"),
    path("<slug:key>/", district_dashboard.template_edit, name="template"),
    path(
        "<slug:key>/versi/<int:pk>/terbitkan/",
        district_dashboard.template_publish,
        name="template_publish",
    ),
]
