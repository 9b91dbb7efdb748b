from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy


class BackupForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas cadangan database OpenSID"),
        help_text=gettext_lazy(
            "Berkas .sql dari OpenSID: Pengaturan → Database → Backup → “Unduh Database” "
            "(boleh juga .sql.gz). Paling besar 50 MB."
        ),
    )
    allow_other_village = forms.BooleanField(
        label=gettext_lazy("Pindahkan walau kode desa di cadangan berbeda dengan desa ini"),
        required=False,
    )
    # The file itself (size, type by its bytes) is judged by the import pipeline.
