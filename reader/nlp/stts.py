"""STTS tags (as HanTa writes them) to plain STTS and Universal POS."""

from __future__ import annotations

# HanTa writes e.g. "VV(FIN)" and "ADJ(A)"; plain STTS is "VVFIN" and "ADJA".
# HanTa's NNA (nominalised adjective) and NNI (nominalised infinitive) are plain nouns in STTS.
_HANTA_FIX = {"ADJ(A)": "ADJA", "ADJ(D)": "ADJD", "NNA": "NN", "NNI": "NN"}

_UPOS = {
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP",
    "APZR": "ADP", "ART": "DET", "CARD": "NUM", "FM": "X", "ITJ": "INTJ", "KOUI": "SCONJ",
    "KOUS": "SCONJ", "KON": "CCONJ", "KOKOM": "CCONJ", "NN": "NOUN", "NE": "PROPN", "PDS": "PRON",
    "PDAT": "DET", "PIS": "PRON", "PIAT": "DET", "PIDAT": "DET", "PPER": "PRON", "PPOSS": "PRON",
    "PPOSAT": "DET", "PRELS": "PRON", "PRELAT": "DET", "PRF": "PRON", "PWS": "PRON", "PWAT": "DET",
    "PWAV": "ADV", "PAV": "ADV", "PROAV": "ADV", "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "ADP",
    "PTKANT": "PART", "PTKA": "PART", "TRUNC": "X", "XY": "X", "$,": "PUNCT", "$.": "PUNCT",
    "$(": "PUNCT",
}


def to_stts(hanta_tag: str) -> str:
    """`VV(FIN)` → `VVFIN`, `ADJ(A)` → `ADJA`; plain tags pass through."""
    if hanta_tag in _HANTA_FIX:
        return _HANTA_FIX[hanta_tag]
    return hanta_tag.replace("(", "").replace(")", "")


def to_upos(stts: str) -> str:
    """Universal POS for an STTS tag (modal and auxiliary verbs are AUX, as in UD German)."""
    if stts.startswith("VV"):
        return "VERB"
    if stts.startswith(("VA", "VM")):
        return "AUX"
    return _UPOS.get(stts, "X")


def is_finite_verb(stts: str) -> bool:
    return stts in ("VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP")
