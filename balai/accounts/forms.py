"""Forms for login, the account page, accepting an invitation and managing members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from balai.accounts.models import User
from balai.lib.phone import WhatsAppField
from balai.villages.models import Membership

ROLE_CHOICES = [
    (Membership.Role.ADMIN, _("Admin desa — mengelola situs dan anggota")),
    (Membership.Role.EDITOR, _("Editor — menulis berita dan halaman")),
]


class LoginForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Isi alamat email Anda."),
            "invalid": _("Isi alamat email yang benar, misalnya nama@desa.id."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        error_messages={"required": _("Isi kata sandi Anda.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    remember = forms.BooleanField(
        label=_("Tetap masuk di perangkat ini"),
        required=False,
        help_text=_("Jangan dicentang di komputer bersama, misalnya di balai desa atau warnet."),
    )


class EmailPasswordResetForm(forms.Form):
    """The address to send a reset link to (the e-mail is sent by the worker, see services)."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Email yang Anda pakai untuk masuk."),
        error_messages={
            "required": _("Isi alamat email Anda."),
            "invalid": _("Isi alamat email yang benar, misalnya nama@desa.id."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


PASSWORD_HINT = _("Paling sedikit 8 karakter, jangan hanya angka, jangan yang mudah ditebak.")


class NewPasswordForm(SetPasswordForm):
    """Django's form with a plain-sentence hint (its own is an HTML list inside our hint)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HINT


class ChangePasswordForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HINT


class ProfileForm(forms.ModelForm):
    phone = WhatsAppField(
        label=_("Nomor WhatsApp"),
        required=False,
        help_text=_("Misalnya 0812 3456 7890. Tidak ditampilkan di situs publik."),
    )

    class Meta:
        model = User
        fields = ["name", "phone"]
        labels = {"name": _("Nama lengkap")}
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "name"})}
        error_messages = {"name": {"required": _("Isi nama lengkap Anda.")}}


class InvitationSignupForm(forms.Form):
    """A new person's name and password; the email comes from the invitation."""

    name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=120,
        error_messages={"required": _("Isi nama lengkap Anda.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        help_text=PASSWORD_HINT,
        error_messages={"required": _("Buat kata sandi.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        strip=False,
        error_messages={"required": _("Ketik kata sandi sekali lagi.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Kedua kata sandi tidak sama. Ketik ulang."))
        elif p1:
            probe = User(email=self.email, name=data.get("name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Tautan undangan dikirim ke email ini."),
        error_messages={
            "required": _("Isi alamat email orang yang diundang."),
            "invalid": _("Isi alamat email yang benar, misalnya nama@desa.id."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    name = forms.CharField(
        label=_("Nama"),
        max_length=120,
        required=False,
        help_text=_("Untuk menyapanya di undangan."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Peran"),
        choices=ROLE_CHOICES,
        initial=Membership.Role.EDITOR,
        error_messages={"required": _("Pilih perannya."), "invalid_choice": _("Pilih perannya.")},
        widget=forms.RadioSelect,
    )
    can_publish = forms.BooleanField(
        label=_("Boleh menerbitkan tanpa persetujuan admin"),
        required=False,
        help_text=_("Hanya untuk editor."),
    )


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Peran"),
        choices=ROLE_CHOICES,
        error_messages={"required": _("Pilih perannya."), "invalid_choice": _("Pilih perannya.")},
        widget=forms.RadioSelect,
    )
    can_publish = forms.BooleanField(
        label=_("Boleh menerbitkan tanpa persetujuan admin"),
        required=False,
        help_text=_("Hanya untuk editor."),
    )
    can_serve = forms.BooleanField(
        label=_("Pelayanan surat: boleh membuat surat dari data penduduk"),
        required=False,
        help_text=_("Hanya untuk editor. Admin desa selalu boleh."),
    )
