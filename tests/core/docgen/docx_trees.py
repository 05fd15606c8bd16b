"""Document trees built by hand for the DOCX tests: a referral in our own invented wording, with
what makes Arabic hard (names, Moroccan month names, article numbers and brackets inside Arabic,
a Latin passport number, free text shown in another language's part)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from thbdesk.core.docgen import labels
from thbdesk.core.docgen.model import (
    LANGS,
    Block,
    CheckItem,
    Checklist,
    Document,
    Footer,
    Heading,
    KeyValue,
    KeyValueTable,
    Metadata,
    Node,
    PageHeader,
    Paragraph,
    Run,
    Section,
    Signature,
    SignatureBlock,
)

from .trees import DATE, NAME_AR, PASSPORT  # the same hard cases as the PDF fixture

NAME_FR = "Aminata Diallo"
OFFICER = "Youssef El Amrani"
OFFICER_AR = "يوسف العمراني"
REFERENCE = "DGSN/PF-CASA/2026/0142"
BIRTH = {"ar": "12 مارس 1998", "fr": "12 mars 1998", "en": "12 March 1998"}
STORY_FR = (
    "La voyageuse déclare qu'un homme se présentant comme son employeur a gardé son passeport depuis "
    "son arrivée à Casablanca ; elle devait rembourser « les frais du voyage » (4 500 €) en travaillant "
    "sans salaire. Elle dit ne pas pouvoir quitter le logement sans lui."
)
STORY2_FR = (
    "Arrivée le 28 juillet par le vol AT 524 depuis Conakry, elle n'a pas de téléphone ; elle montre "
    "une cicatrice récente au bras gauche et demande à parler à une femme."
)
LABELS: dict[str, dict[str, str]] = {
    "identity": {"ar": "هوية الشخص", "fr": "Identité de la personne", "en": "Identity of the person"},
    "name": {"ar": "الاسم الكامل", "fr": "Nom complet", "en": "Full name"},
    "birth": {"ar": "تاريخ الازدياد", "fr": "Date de naissance", "en": "Date of birth"},
    "nationality": {"ar": "الجنسية", "fr": "Nationalité", "en": "Nationality"},
    "passport": {"ar": "رقم جواز السفر", "fr": "Numéro de passeport", "en": "Passport number"},
    "guinea": {"ar": "غينيا", "fr": "Guinée", "en": "Guinea"},
    "facts": {"ar": "الوقائع", "fr": "Les faits", "en": "The facts"},
    "story": {"ar": "رواية الشخص", "fr": "Récit de la personne", "en": "The person's account"},
    "indicators": {"ar": "المؤشرات الملاحظة", "fr": "Indicateurs observés", "en": "Indicators observed"},
    "ind1": {
        "ar": "شخص آخر يحتفظ بوثائق الهوية",
        "fr": "Une autre personne garde les documents d'identité",
        "en": "Someone else holds the identity documents",
    },
    "ind2": {
        "ar": "دين مرتبط بالسفر (مبلغ غير واضح)",
        "fr": "Dette liée au voyage (montant flou)",
        "en": "Debt linked to the journey (unclear amount)",
    },
    "ind3": {"ar": "آثار عنف جسدي", "fr": "Traces de violence physique", "en": "Signs of physical violence"},
    "referral": {"ar": "الإحالة", "fr": "Référencement", "en": "Referral"},
    "to": {"ar": "الجهة المحال إليها", "fr": "Orientée vers", "en": "Referred to"},
    "prosecutor": {
        "ar": "وكيل الملك لدى المحكمة الابتدائية بالدار البيضاء",
        "fr": "Procureur du Roi près le tribunal de première instance de Casablanca",
        "en": "Crown Prosecutor, Casablanca court of first instance",
    },
    "date": {"ar": "تاريخ الإحالة", "fr": "Date du référencement", "en": "Date of referral"},
    "basis": {"ar": "الأساس القانوني", "fr": "Fondement juridique", "en": "Legal basis"},
    "signatures": {"ar": "التوقيعات", "fr": "Signatures", "en": "Signatures"},
    "officer": {"ar": "الضابط المكلف", "fr": "L'officier chargé", "en": "Officer in charge"},
    "person": {"ar": "الشخص المعني", "fr": "La personne concernée", "en": "The person concerned"},
}
BASIS = {  # article numbers inside Arabic: the sub-number first in logical order
    "ar": "الفصل 1-448 والفصل 2-448 من مجموعة القانون الجنائي (القانون رقم 27.14)",
    "fr": "Articles 448-1 et 448-2 du Code pénal (loi n° 27-14)",
    "en": "Articles 448-1 and 448-2 of the Penal Code (Law No. 27-14)",
}
INTRO = {
    "ar": "حُرر هذا التقرير بعد مقابلة الشخص على انفراد، بحضور مترجم، يوم ",
    "fr": "Ce rapport a été établi après un entretien séparé avec la personne, "
    "en présence d'un interprète, le ",
    "en": "This report was drawn up after a separate interview with the person, with an interpreter, on ",
}
HEADER_LINES = {
    "ar": ("المديرية العامة للأمن الوطني", "شرطة الحدود – مطار محمد الخامس", f"المرجع: {REFERENCE}"),
    "fr": (
        "Direction générale de la sûreté nationale",
        "Police des frontières – aéroport Mohammed V",
        f"Référence : {REFERENCE}",
    ),
    "en": (
        "General Directorate for National Security",
        "Border police – Mohammed V airport",
        f"Reference: {REFERENCE}",
    ),
}
TITLE = {
    "ar": "استمارة إحالة ضحية محتملة للاتجار بالبشر",
    "fr": "Fiche de référencement d'une victime présumée de traite",
    "en": "Referral of a presumed victim of trafficking",
}


def _t(key: str, lang: str, **kwargs: bool) -> Run:
    return Run(LABELS[key][lang], lang, **kwargs)


def _identity(lang: str) -> Node:
    rows = (
        KeyValue((_t("name", lang),), ((Run(NAME_AR, "ar", answer=True),),)),
        KeyValue((_t("birth", lang),), ((Run(BIRTH[lang], lang, answer=True),),)),
        KeyValue((_t("nationality", lang),), ((_t("guinea", lang, answer=True),),)),
        KeyValue((_t("passport", lang),), ((Run(PASSPORT, lang, answer=True),),)),
    )
    return KeyValueTable(lang, rows)


def _story(lang: str, text: str = STORY_FR) -> Node:
    """Free text typed in French: as typed in every part, marked where it is not French."""
    runs = [Run(text, "fr", answer=True)]
    if lang != "fr":
        runs.append(Run(" " + labels.written_in("fr", lang), lang))
    return Paragraph(lang, tuple(runs))


def _intro(lang: str) -> Node:
    return Paragraph(lang, (Run(INTRO[lang], lang), Run(DATE[lang], lang, answer=True), Run(".", lang)))


def _checklist(lang: str) -> Node:
    items = (
        CheckItem(True, (_t("ind1", lang, answer=True),)),
        CheckItem(True, (_t("ind2", lang, answer=True),)),
        CheckItem(False, (_t("ind3", lang, answer=True),)),
    )
    return Checklist(lang, items)


def _referral(lang: str) -> Node:
    rows = (
        KeyValue((_t("to", lang),), ((_t("prosecutor", lang, answer=True),),)),
        KeyValue((_t("date", lang),), ((Run(DATE[lang], lang, answer=True),),)),
        KeyValue(
            (_t("basis", lang),), ((Run(BASIS[lang], lang, answer=True),), (Run(BASIS[lang][:9], lang),))
        ),
    )
    return KeyValueTable(lang, rows)


def _signatures(lang: str) -> Node:
    officer_name = Run(OFFICER_AR if lang == "ar" else OFFICER, lang, answer=True)
    return SignatureBlock(
        lang, (Signature((_t("officer", lang),), (officer_name,)), Signature((_t("person", lang),)))
    )


def _sub(key: str) -> Callable[[str], Node]:
    return lambda lang: Heading(lang, (_t(key, lang),), level=2)


SECTIONS: tuple[tuple[str, tuple[Callable[[str], Node], ...]], ...] = (
    ("identity", (_identity,)),
    ("facts", (_intro, _sub("story"), _story, lambda lang: _story(lang, STORY2_FR))),
    ("indicators", (_checklist,)),
    ("referral", (_referral,)),
    ("signatures", (_signatures,)),
)


def referral(langs: tuple[str, ...] = LANGS) -> Document:
    """The referral in ``langs``, blocks aligned across languages."""
    sections = tuple(
        Section(
            key, _words(key, langs), tuple(Block({lang: make(lang) for lang in langs}) for make in makers)
        )
        for key, makers in SECTIONS
    )
    headers = {
        lang: PageHeader(lang, tuple((Run(line, lang),) for line in HEADER_LINES[lang])) for lang in langs
    }
    return Document(
        form_id="referral",
        form_version=2,
        langs=langs,
        title={lang: TITLE[lang] for lang in langs},
        headers=headers,
        footer=Footer("3f9a1c0b7d2e4a65", "referral", 2, REFERENCE),
        sections=sections,
        metadata=Metadata(TITLE[langs[0]], "Police des frontières", REFERENCE, f"{langs[0]}-MA"),
    )


def _words(key: str, langs: tuple[str, ...]) -> Mapping[str, str]:
    return {lang: LABELS[key][lang] for lang in langs}


def with_answer(doc: Document, text: str) -> Document:
    """``doc`` with ``text`` as an answer in every kind of node, in every language (fuzzing)."""

    def nodes(lang: str) -> tuple[Node, ...]:
        answer = (Run(text, lang, answer=True),)
        return (
            Heading(lang, answer, level=2),
            Paragraph(lang, (Run("x ", lang), *answer, Run(" y", lang))),
            KeyValueTable(lang, (KeyValue(answer, (answer, answer)),)),
            Checklist(lang, (CheckItem(True, answer),)),
            SignatureBlock(lang, (Signature(answer, answer),)),
        )

    blocks = tuple(
        Block(dict(zip(doc.langs, kinds, strict=True))) for kinds in zip(*map(nodes, doc.langs), strict=True)
    )
    section = Section("fuzz", {lang: text for lang in doc.langs}, blocks)
    return replace(doc, sections=(*doc.sections, section))
