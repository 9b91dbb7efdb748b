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
        label=gettext_lazy("Zip folder desa"),
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


class WordPressForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas ekspor WordPress (.xml)"),
        help_text=gettext_lazy(
            "Di WordPress: Alat → Ekspor → “Semua konten” → “Unduh Berkas Ekspor”. "
            "Paling besar 50 MB."
        ),
    )
    uploads = forms.FileField(
        label=gettext_lazy("Zip folder uploads"),
        required=False,
        help_text=gettext_lazy(
            "Folder wp-content/uploads dari hosting situs lama, dijadikan .zip: gambar utama "
            "dan gambar di dalam tulisan. Tanpa zip ini, tulisan dipindahkan tanpa gambarnya; "
            "tidak ada yang diambil dari situs lama. Paling besar 50 MB."
        ),
    )
    # The export itself is judged by the import pipeline (by its bytes: XML with WordPress's
    # namespace and no DOCTYPE); here only XML that is not WordPress's gets its own sentence.
    # The zip: by its bytes and size, and by the move that reads it.

    def clean_file(self) -> Any:
        from balai.lib.dumps import is_wxr, xml_declares_entities
        from balai.moving.wordpress import not_wxr_message

        upload = self.cleaned_data.get("file")
        if upload:
            upload.seek(0)
            head = upload.read(64 * 1024)
            upload.seek(0)
            if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and not (
                is_wxr(head) or xml_declares_entities(head)
            ):
                raise forms.ValidationError(not_wxr_message())
        return upload

    def clean_uploads(self) -> Any:
        upload = self.cleaned_data.get("uploads")
        if upload:
            try:
                check_upload(upload, allowed={ZIP.mime})
            except UploadError as error:
                raise forms.ValidationError(str(error)) from error
        return upload
