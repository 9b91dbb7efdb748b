from __future__ import annotations

from django import forms

from balai.opendata.models import OpendataSettings


class SettingsForm(forms.ModelForm):
    class Meta:
        model = OpendataSettings
        fields = ["licence", "publisher", "contact_name", "contact_email", "default_frequency"]
        widgets = {
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
