"""The JDIH feed of a desa: its published acts in the JSON the JDIH Nasional integration reads
(the `integrasi` format of jdihn.go.id, Permenkumham 8/2019 metadata for `Peraturan`), so the
district's JDIH can harvest every desa like a member of the network. docs/jdih.md maps each
field to the register and says what is fixed.

Only published acts, only public fields: no account, no upload name, nothing personal (the
signer is an official acting in office)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings

from balai.legal.models import LegalAct
from balai.villages.models import Village

DOCUMENT_TYPE = "Peraturan Perundang-undangan"
OPERATION_UPSERT = "4"  # JDIHN: 4 = data baru atau perubahan


def teu_badan(village: Village) -> str:
    """Tajuk Entri Utama for a body: the desa, then the kabupaten it belongs to."""
    return f"{village.display_name}, {settings.DISTRICT_NAME}"


def _labels(choices: Any) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def _fixed(village: Village) -> dict[str, Any]:
    """What every record of one feed shares, worked out once (a display name or a choice label
    costs a lookup of the choices each time)."""
    return {
        "kind": _labels(LegalAct.Kind.choices),
        "status": _labels(LegalAct.Status.choices),
        "teu": teu_badan(village),
        "place": village.display_name,
    }


def jdih_record(
    act: LegalAct,
    *,
    village: Village,
    absolute: Callable[[str], str],
    detail_path: str,
    fixed: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One act as a JDIHN integration record; `absolute` makes a path a full URL; `fixed`
    (from `_fixed`) may be given once for many records."""
    labels = fixed or _fixed(village)
    promulgated = act.promulgated_on
    file_url = absolute(act.file.url) if act.file else act.external_url
    return {
        "idData": f"{village.slug}-{act.slug}",
        "tipeDokumen": DOCUMENT_TYPE,
        "judul": f"{act.citation} tentang {act.title}",
        "teuBadan": labels["teu"],
        "noPeraturan": act.number,
        "jenis": labels["kind"][act.kind],
        "singkatanJenis": act.short_kind.upper(),
        "tempatTerbit": act.enacted_place or village.name,
        "tanggal_penetapan": act.enacted_on.isoformat(),
        "tahun_penetapan": str(act.year),
        "tanggal_pengundangan": promulgated.isoformat() if promulgated else "",
        "tahun_pengundangan": str(promulgated.year) if promulgated else str(act.year),
        "sumber": act.source,
        "subjek": ", ".join(s.upper() for s in act.subject_list),
        "status": labels["status"][act.status],
        "keteranganStatus": _status_note(act),
        "bahasa": act.language,
        "lokasi": labels["place"],
        "bidangHukum": act.legal_field,
        "pemrakarsa": act.initiator,
        "penandatangan": act.signer,
        "penerbit": labels["place"],
        "abstrak": act.abstract,
        "fileDownload": file_url.rsplit("/", 1)[-1] if file_url else "",
        "urlDownload": file_url,
        "urlDetailPeraturan": absolute(detail_path),
        "operasi": OPERATION_UPSERT,
        "display": "1",
    }


def _status_note(act: LegalAct) -> str:
    parts = []
    if act.target_id and act.target is not None:
        verb = "Mengubah" if act.amends else "Mencabut"
        parts.append(f"{verb} {act.target.citation}")
    for other in getattr(act, "incoming", ()):
        verb = "Dicabut dengan" if other.revokes else "Diubah dengan"
        parts.append(f"{verb} {other.citation}")
    if act.status_note and not getattr(act, "incoming", ()):
        parts.append(act.status_note)
    return "; ".join(parts)


def jdih_records(
    acts: Iterable[LegalAct],
    *,
    village: Village,
    absolute: Callable[[str], str],
    detail_path: Callable[[LegalAct], str],
) -> list[dict[str, Any]]:
    fixed = _fixed(village)
    records = []
    for act in acts:
        act.village = village  # the same row: no query per act for the Lembaran Desa name
        records.append(
            jdih_record(
                act,
                village=village,
                absolute=absolute,
                detail_path=detail_path(act),
                fixed=fixed,
            )
        )
    return records


def act_jsonld(act: LegalAct, *, url: str, file_url: str) -> dict[str, Any]:
    """schema.org `Legislation` for the act's page (search engines, shared links)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{act.citation} tentang {act.title}",
        "legislationIdentifier": act.citation,
        "legislationType": act.get_kind_display(),
        "legislationDate": act.enacted_on.isoformat(),
        "legislationJurisdiction": act.village.display_name,
        "legislationPassedBy": {
            "@type": "GovernmentOrganization",
            "name": f"Pemerintah {act.village.display_name}",
        },
        "legislationLegalForce": "NotInForce" if act.is_revoked else "InForce",
        "inLanguage": "id",
        "url": url,
    }
    if act.promulgated_on:
        data["datePublished"] = act.promulgated_on.isoformat()
    if act.subject_list:
        data["keywords"] = ", ".join(act.subject_list)
    if act.abstract:
        data["abstract"] = act.abstract
    if file_url:
        data["encoding"] = {
            "@type": "LegislationObject",
            "encodingFormat": "application/pdf" if act.file else "text/html",
            "contentUrl": file_url,
        }
    return data
