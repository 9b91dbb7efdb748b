"""The audit log read as sentences: "Alice Rahayu menyetujui APBDes 2026 Desa Dagan".

Every action code written anywhere (`audit_record(action=…)`) has one sentence here; a test
reads the source for every code and fails when one is missing. A code with no sentence (an old
entry, a test's own code) is shown as the actor, the code and the target, so nothing is hidden.

Placeholders: `%(actor)s` (the person's name, or "Sistem"), `%(target)s` (the entry's target:
a year, a number, an e-mail address…) and `%(village)s` (the village's name, or "kabupaten" for
district-wide entries). Each sentence is translated through gettext.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from balai.audit.models import AuditEntry

SENTENCES: dict[str, Promise] = {
    # Registration of a village site
    "application.approve": _("%(actor)s menyetujui permohonan situs %(target)s, %(village)s"),
    "application.reject": _("%(actor)s menolak permohonan situs %(target)s"),
    "application.revision": _("%(actor)s meminta perbaikan permohonan situs %(target)s"),
    # People and roles
    "invitation.create": _("%(actor)s mengundang %(target)s ke %(village)s"),
    "invitation.revoke": _("%(actor)s membatalkan undangan untuk %(target)s di %(village)s"),
    "invitation.accept": _("%(actor)s menerima undangan dan bergabung dengan %(village)s"),
    "membership.create": _("%(actor)s menambahkan %(target)s sebagai anggota %(village)s"),
    "membership.role_change": _("%(actor)s mengubah peran %(target)s di %(village)s"),
    "membership.remove": _("%(actor)s mengeluarkan %(target)s dari %(village)s"),
    "membership.mentor_assign": _("%(actor)s menugaskan %(target)s sebagai pendamping %(village)s"),
    "membership.mentor_unassign": _("%(actor)s melepas pendamping %(target)s dari %(village)s"),
    "user.create": _("%(actor)s membuat akun %(target)s"),
    "user.password_change": _("%(actor)s mengganti kata sandinya"),
    "user.district_admin_grant": _("%(actor)s menjadikan %(target)s admin kabupaten"),
    "user.district_admin_revoke": _("%(actor)s mencabut peran admin kabupaten dari %(target)s"),
    "user.kecamatan_viewer_add": _("%(actor)s menjadikan %(target)s pemantau kecamatan"),
    "user.kecamatan_viewer_remove": _("%(actor)s mencabut peran pemantau kecamatan %(target)s"),
    # The site
    "village.status": _("%(actor)s mengubah status situs %(village)s"),
    "village.profile_update": _("%(actor)s memperbarui profil %(village)s"),
    "village.look_update": _("%(actor)s mengubah tampilan situs %(village)s"),
    "village.domain_add": _("%(actor)s menambahkan domain %(target)s untuk %(village)s"),
    "village.domain_remove": _("%(actor)s menghapus domain %(target)s dari %(village)s"),
    "village.export": _("%(actor)s membuat arsip data %(village)s"),
    "village.export_download": _("%(actor)s mengunduh arsip data %(village)s"),
    "village.restore": _("%(actor)s memulihkan data %(village)s dari arsip"),
    # APBDes and projects
    "budget.year_create": _("%(actor)s membuat APBDes %(target)s %(village)s"),
    "budget.year_approve": _("%(actor)s menyetujui APBDes %(target)s %(village)s"),
    "budget.year_revise": _("%(actor)s membuka perubahan APBDes %(target)s %(village)s"),
    "budget.line_save": _("%(actor)s menyimpan baris APBDes %(target)s %(village)s"),
    "budget.line_delete": _("%(actor)s menghapus baris APBDes %(target)s %(village)s"),
    "budget.realisation_add": _("%(actor)s mencatat realisasi APBDes %(target)s %(village)s"),
    "budget.import_download": _(
        "%(actor)s mengunduh berkas APBDes yang ditandai (%(target)s) %(village)s"
    ),
    "budget.import_upload": _("%(actor)s mengunggah berkas APBDes (%(target)s) %(village)s"),
    "budget.import_apply": _("%(actor)s mengimpor APBDes %(target)s %(village)s"),
    "budget.project_save": _("%(actor)s menyimpan kegiatan pembangunan %(target)s %(village)s"),
    "budget.project_delete": _("%(actor)s menghapus kegiatan pembangunan %(target)s %(village)s"),
    "budget.progress_add": _("%(actor)s mencatat kemajuan kegiatan %(target)s %(village)s"),
    # Population register (personal data: every view is logged)
    # Letters at the village counter
    "letters.issue": _("%(actor)s menerbitkan surat %(target)s di %(village)s"),
    "letters.revoke": _("%(actor)s membatalkan surat %(target)s di %(village)s"),
    "letters.view": _("%(actor)s melihat surat %(target)s %(village)s"),
    "letters.pdf": _("%(actor)s membuka PDF surat %(target)s %(village)s"),
    "letters.resident_view": _("%(actor)s membuka data %(target)s untuk surat %(village)s"),
    "letters.register_export": _("%(actor)s mengunduh buku agenda surat keluar %(village)s"),
    "letters.settings": _("%(actor)s mengubah pengaturan nomor surat %(village)s"),
    "letters.local_save": _("%(actor)s menyimpan salinan desa templat %(target)s %(village)s"),
    "letters.local_drop": _("%(actor)s kembali memakai templat kabupaten %(target)s %(village)s"),
    "letters.template_save": _("%(actor)s menyimpan templat surat %(target)s"),
    "letters.template_publish": _("%(actor)s menerbitkan templat surat %(target)s"),
    "population.resident_view": _("%(actor)s melihat data %(target)s %(village)s"),
    "population.resident_add": _("%(actor)s menambahkan %(target)s ke data penduduk %(village)s"),
    "population.resident_change": _("%(actor)s mengubah data %(target)s %(village)s"),
    "population.event": _("%(actor)s mencatat peristiwa kependudukan %(target)s %(village)s"),
    "population.family_view": _("%(actor)s melihat data keluarga %(target)s %(village)s"),
    "population.family_split": _("%(actor)s memecah keluarga %(target)s %(village)s"),
    "population.family_head": _("%(actor)s mengganti kepala keluarga %(target)s %(village)s"),
    "population.settings": _("%(actor)s mengubah pengaturan data penduduk %(village)s"),
    "population.export": _("%(actor)s mengunduh data penduduk %(village)s"),
    "population.import_download": _(
        "%(actor)s mengunduh berkas penduduk yang ditandai (%(target)s) %(village)s"
    ),
    "population.import_upload": _("%(actor)s mengunggah berkas penduduk (%(target)s) %(village)s"),
    "population.import": _("%(actor)s mengimpor data penduduk %(target)s %(village)s"),
    "moving.opensid": _("%(actor)s memindahkan data dari cadangan OpenSID %(target)s %(village)s"),
    "moving.wordpress": _(
        "%(actor)s memindahkan tulisan dari ekspor WordPress %(target)s %(village)s"
    ),
    "moving.archive_download": _(
        "%(actor)s mengunduh arsip baris OpenSID yang belum dipindahkan (%(target)s) %(village)s"
    ),
    "moving.import_upload": _("%(actor)s mengunggah berkas pindahan (%(target)s) %(village)s"),
    "moving.import_download": _(
        "%(actor)s mengunduh laporan pemeriksaan cadangan OpenSID (%(target)s) %(village)s"
    ),
    # Social assistance
    "welfare.programme_save": _("%(actor)s menyimpan program bantuan %(target)s %(village)s"),
    "welfare.district_programme": _("%(actor)s membuat program bantuan %(target)s untuk desa-desa"),
    "welfare.list_publish": _("%(actor)s mengumumkan daftar penerima %(target)s %(village)s"),
    "welfare.objection_handled": _("%(actor)s menanggapi sanggahan %(target)s %(village)s"),
    "welfare.objections_view": _("%(actor)s melihat sanggahan bantuan sosial %(village)s"),
    "welfare.recipient_status": _("%(actor)s mengubah status %(target)s %(village)s"),
    "welfare.recipients_view": _("%(actor)s melihat daftar penerima bantuan %(village)s"),
    "welfare.recipients_export": _("%(actor)s mengunduh daftar penerima bantuan %(village)s"),
    "welfare.ranking_view": _("%(actor)s melihat peringkat kesejahteraan %(village)s"),
    "welfare.poverty_flag": _("%(actor)s menandai rumah tangga %(target)s %(village)s"),
    "welfare.import_download": _(
        "%(actor)s mengunduh berkas penerima bantuan yang ditandai (%(target)s) %(village)s"
    ),
    "welfare.import_upload": _(
        "%(actor)s mengunggah berkas penerima bantuan (%(target)s) %(village)s"
    ),
    "welfare.import_apply": _("%(actor)s mengimpor penerima bantuan %(target)s %(village)s"),
    # PPID
    "ppid.profile_save": _("%(actor)s menyimpan profil PPID %(village)s"),
    "ppid.dip_save": _("%(actor)s menyimpan DIP “%(target)s” %(village)s"),
    "ppid.dip_delete": _("%(actor)s menghapus DIP “%(target)s” %(village)s"),
    "ppid.notice": _("%(actor)s menayangkan informasi serta-merta “%(target)s” %(village)s"),
    "ppid.notice_end": _("%(actor)s mengakhiri informasi serta-merta “%(target)s” %(village)s"),
    "ppid.request_submit": _("%(actor)s mencatat permohonan informasi %(target)s %(village)s"),
    "ppid.request_view": _("%(actor)s membuka permohonan informasi %(target)s %(village)s"),
    "ppid.request_extend": _("%(actor)s memperpanjang waktu jawab %(target)s %(village)s"),
    "ppid.request_decide": _("%(actor)s menjawab permohonan informasi %(target)s %(village)s"),
    "ppid.answer_file": _("%(actor)s mengunduh berkas jawaban %(target)s %(village)s"),
    "legal.act_save": _("%(actor)s menyimpan %(target)s %(village)s"),
    "legal.act_delete": _("%(actor)s menghapus %(target)s %(village)s"),
    "ppid.objection_file": _("%(actor)s mencatat keberatan %(target)s %(village)s"),
    "ppid.objection_decide": _("%(actor)s memutus keberatan %(target)s %(village)s"),
    "ppid.register_export": _("%(actor)s mengunduh register PPID %(village)s"),
    "ppid.local_holiday_add": _("%(actor)s menambahkan hari libur daerah %(target)s"),
    "ppid.local_holiday_delete": _("%(actor)s menghapus hari libur daerah %(target)s"),
    # Data terbuka
    "opendata.settings": _("%(actor)s mengubah pengaturan data terbuka kabupaten (%(target)s)"),
    # Lapak desa
    "market.seller_create": _("%(actor)s mendaftarkan penjual %(target)s di %(village)s"),
    "market.seller_update": _("%(actor)s mengubah data penjual %(target)s di %(village)s"),
    "market.seller_pending": _("%(actor)s menahan penjual %(target)s di %(village)s"),
    "market.seller_approved": _("%(actor)s menyetujui penjual %(target)s di %(village)s"),
    "market.seller_suspended": _("%(actor)s menghentikan penjual %(target)s di %(village)s"),
    "market.seller_login": _("%(actor)s membuat akun masuk penjual %(target)s di %(village)s"),
    "market.product_save": _("%(actor)s menyimpan produk %(target)s di %(village)s"),
    "market.product_draft": _("%(actor)s menjadikan produk %(target)s draf di %(village)s"),
    "market.product_pending": _("%(actor)s menahan produk %(target)s di %(village)s"),
    "market.product_published": _("%(actor)s menayangkan produk %(target)s di %(village)s"),
    "market.product_hidden": _("%(actor)s menyembunyikan produk %(target)s di %(village)s"),
    "market.review_pending": _("%(actor)s menahan ulasan %(target)s di %(village)s"),
    "market.review_approved": _("%(actor)s menayangkan ulasan %(target)s di %(village)s"),
    "market.review_rejected": _("%(actor)s menolak ulasan %(target)s di %(village)s"),
    "market.order_view": _("%(actor)s membuka pesanan %(target)s di %(village)s"),
    "market.proof_view": _("%(actor)s melihat bukti bayar pesanan %(target)s di %(village)s"),
    # Complaints (the complainant's identity is personal data: every look is logged)
    "complaints.identity_view": _("%(actor)s melihat identitas pelapor %(target)s %(village)s"),
    "complaints.status": _("%(actor)s mengubah status pengaduan %(target)s %(village)s"),
    "complaints.answer": _("%(actor)s menjawab pengaduan %(target)s %(village)s"),
    "complaints.instruction": _("%(actor)s memberi catatan pada pengaduan %(target)s %(village)s"),
    "complaints.rules": _("%(actor)s mengubah batas jawab pengaduan menjadi %(target)s hari kerja"),
    # News (personal data of the community)
    "news.submission.view": _("%(actor)s membuka kiriman warga %(target)s %(village)s"),
    "news.comment.contacts.view": _("%(actor)s melihat kontak pengirim komentar %(village)s"),
    # Village institutions (lembaga desa)
    "institutions.delete": _("%(actor)s menghapus lembaga %(target)s di %(village)s"),
    "institutions.member_delete": _(
        "%(actor)s menghapus pengurus lembaga %(target)s di %(village)s"
    ),
    "institutions.member_link": _(
        "%(actor)s menautkan pengurus lembaga %(target)s ke data penduduk %(village)s"
    ),
    "institutions.member_unlink": _(
        "%(actor)s melepas tautan data penduduk pengurus lembaga %(target)s di %(village)s"
    ),
    # The demo's bookkeeping entry (hidden from the list, named here for completeness)
    "demo.build": _("Data contoh dibuat"),
    # Counter services: online requests (personal data)
    "services.request_view": _("%(actor)s membuka permohonan layanan %(target)s %(village)s"),
    "services.register_search": _(
        "%(actor)s mencari di register untuk permohonan layanan %(target)s %(village)s"
    ),
    "services.request_match": _(
        "%(actor)s mencocokkan permohonan layanan %(target)s dengan register %(village)s"
    ),
    "services.request_ask": _("%(actor)s meminta kelengkapan permohonan %(target)s %(village)s"),
    "services.request_ready": _("%(actor)s menyatakan surat %(target)s siap diambil, %(village)s"),
    "services.request_collected": _(
        "%(actor)s mencatat surat %(target)s sudah diambil, %(village)s"
    ),
    "services.request_letter": _(
        "%(actor)s menerbitkan surat dari permohonan layanan %(target)s %(village)s"
    ),
    "services.request_handover": _("%(actor)s menyerahkan PDF surat %(target)s %(village)s"),
    "services.download_reopen": _("%(actor)s membuka lagi unduhan surat %(target)s %(village)s"),
    "services.request_reject": _("%(actor)s menolak permohonan layanan %(target)s %(village)s"),
    "services.file_view": _("%(actor)s membuka dokumen permohonan %(target)s %(village)s"),
    "services.letter_view": _("%(actor)s mengunduh PDF surat %(target)s %(village)s"),
}


def audit_sentence(entry: AuditEntry) -> str:
    """The entry as one sentence in the active language (the code itself when it has none)."""
    actor = entry.actor
    names = {
        "actor": (actor.name or actor.email) if actor is not None else gettext("Sistem"),
        "target": entry.target,
        "village": entry.village.display_name if entry.village else gettext("kabupaten"),
    }
    sentence = SENTENCES.get(entry.action)
    if sentence is None:
        return " ".join(part for part in (names["actor"], entry.action, entry.target) if part)
    return " ".join((str(sentence) % names).split())
