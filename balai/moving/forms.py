from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from balai.lib.uploads import ZIP, UploadError, check_upload


class BackupForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas cadangan database OpenSID"),
        help_text=gettext_lazy(
            "Berkas .sql dari OpenSID: Pengaturan → Database → Backup → “Unduh Database” "
            "(boleh juga .sql.gz). Paling besar 50 MB."
        ),
    )
    uploads = forms.FileField(
        label=gettext_lazy("Zip folder desa (tidak wajib)"),
        required=False,
        help_text=gettext_lazy(
            "Berkas .zip dari “Unduh Folder Desa” di menu yang sama: gambar artikel, galeri, "
            "foto perangkat dan dokumen. Tanpa zip ini, tulisan dipindahkan tanpa gambarnya. "
            "Paling besar 50 MB."
        ),
    )
    allow_other_village = forms.BooleanField(
        label=gettext_lazy("Pindahkan walau kode desa di cadangan berbeda dengan desa ini"),
        required=False,
    )
    # The backup itself (size, type by its bytes) is judged by the import pipeline; the zip
    # here, by its bytes and size, and by the move when it reads it (paths, unpacked size).

    def clean_uploads(self) -> Any:
        upload = self.cleaned_data.get("uploads")
        if upload:
            try:
                check_upload(upload, allowed={ZIP.mime})
            except UploadError as error:
                raise forms.ValidationError(str(error)) from error
        return upload
