"""Document trees built by hand, for the writers' tests (the builder makes the real ones from answers).

``referral()`` is shaped like an NRM referral: header, identity table with an Arabic name in every
part, a passport number, dates in each language's own form, an article number inside Arabic text,
brackets, a long narrative, a checklist and signatures. The wording is invented.
"""

from __future__ import annotations

from collections.abc import Mapping

from thbdesk.core.docgen.model import (
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

LANGS = ("ar", "fr", "en")
NAME_AR = "فاطمة الزهراء بنعلي"
PASSPORT = "AB1234567"
PHONE = "+212 539 00 00 00 (poste 214)"  # typed in French, shown in every part
DATE = {"ar": "3 غشت 2026", "fr": "3 août 2026", "en": "3 August 2026"}
PLACE = {"ar": "ميناء طنجة المتوسط", "fr": "port de Tanger Med", "en": "Tanger Med port"}
NARRATIVE_AR = (
    "وصلت المعنية بالأمر إلى الميناء برفقة شخص قدم نفسه كمشغل لها، وكان يحتفظ بجواز سفرها. "
    "صرحت بأنها وعدت بعمل في مطعم (براتب شهري) لكنها أجبرت على العمل دون أجر لمدة ثلاثة أشهر. "
    "الوقائع قد تندرج ضمن الفصل 448-1 من القانون الجنائي، وتم إشعارها بحقوقها بلغة تفهمها."
)
NARRATIVE_FR = (
    "La personne concernée est arrivée au port accompagnée d'un homme se présentant comme son employeur, "
    "qui gardait son passeport. Elle déclare qu'on lui avait promis un emploi dans un restaurant "
    "(avec un salaire mensuel) mais qu'elle a été forcée de travailler sans salaire pendant trois mois. "
    "Les faits peuvent relever de l'article 448-1 du Code pénal ; elle a été informée de ses droits "
    "dans une langue qu'elle comprend."
)
NARRATIVE_EN = (
    "The person concerned arrived at the port with a man who said he was her employer and who kept her "
    "passport. She states that she was promised a job in a restaurant (with a monthly wage) but was "
    "forced to work unpaid for three months. The facts may fall under article 448-1 of the Penal Code; "
    "she was told her rights in a language she understands."
)
NARRATIVE = {"ar": NARRATIVE_AR, "fr": NARRATIVE_FR, "en": NARRATIVE_EN}

_WORDS: dict[str, dict[str, str]] = {
    "title": {
        "ar": "إحالة ضحية محتملة",
        "fr": "Orientation d'une victime présumée",
        "en": "Referral of a presumed victim",
    },
    "authority": {
        "ar": "المديرية العامة للأمن الوطني",
        "fr": "Direction générale de la sûreté nationale",
        "en": "General Directorate of National Security",
    },
    "unit": {
        "ar": "فرقة الحدود – طنجة",
        "fr": "Brigade des frontières – Tanger",
        "en": "Border unit – Tangier",
    },
    "ref": {"ar": "المرجع", "fr": "Référence", "en": "Reference"},
    "identity": {"ar": "هوية الشخص", "fr": "Identité de la personne", "en": "Identity of the person"},
    "name": {"ar": "الاسم الكامل", "fr": "Nom complet", "en": "Full name"},
    "passport": {"ar": "رقم جواز السفر", "fr": "Numéro de passeport", "en": "Passport number"},
    "date": {"ar": "تاريخ المقابلة", "fr": "Date de l'entretien", "en": "Date of the interview"},
    "place": {"ar": "المكان", "fr": "Lieu", "en": "Place"},
    "phone": {"ar": "هاتف للتواصل", "fr": "Téléphone", "en": "Phone"},
    "facts": {"ar": "الوقائع", "fr": "Les faits", "en": "The facts"},
    "account": {"ar": "ملخص التصريح", "fr": "Résumé de la déclaration", "en": "Summary of the statement"},
    "needs": {"ar": "الحاجيات الفورية", "fr": "Besoins immédiats", "en": "Immediate needs"},
    "shelter": {"ar": "إيواء آمن", "fr": "Hébergement sûr", "en": "Safe shelter"},
    "medical": {"ar": "رعاية طبية", "fr": "Soins médicaux", "en": "Medical care"},
    "interpreter": {"ar": "مترجم", "fr": "Interprète", "en": "Interpreter"},
    "signatures": {"ar": "التوقيعات", "fr": "Signatures", "en": "Signatures"},
    "officer": {"ar": "الضابط المكلف", "fr": "L'officier chargé", "en": "The officer in charge"},
    "person": {"ar": "الشخص المعني", "fr": "La personne concernée", "en": "The person concerned"},
}
REFERENCE = "TNG-2026-0042"


def word(key: str, lang: str) -> Run:
    return Run(_WORDS[key][lang], lang)


def answer(text: str, lang: str) -> tuple[Run, ...]:
    return (Run(text, lang, answer=True),)


def _row(key: str, lang: str, *lines: tuple[Run, ...]) -> KeyValue:
    return KeyValue(label=(Run(_WORDS[key][lang], lang, bold=True),), value=lines)


def _identity(lang: str, overrides: Mapping[str, str]) -> KeyValueTable:
    name = overrides.get("name", NAME_AR)
    return KeyValueTable(
        lang,
        (
            _row("name", lang, (Run(name, "ar", answer=True),)),
            _row("passport", lang, answer(overrides.get("passport", PASSPORT), lang)),
            _row("date", lang, answer(overrides.get("date", DATE[lang]), lang)),
            _row("place", lang, answer(PLACE[lang], lang)),
            _row("phone", lang, (Run(overrides.get("phone", PHONE), "fr", answer=True),)),
        ),
    )


def _facts(lang: str, overrides: Mapping[str, str]) -> tuple[Node, ...]:
    narrative = overrides.get("narrative", NARRATIVE[lang])
    return (
        Heading(lang, (word("account", lang),), level=2),
        Paragraph(lang, answer(narrative, lang)),
    )


def _needs(lang: str) -> Checklist:
    return Checklist(
        lang,
        (
            CheckItem(True, (word("shelter", lang),)),
            CheckItem(False, (word("medical", lang),)),
            CheckItem(True, (word("interpreter", lang),)),
        ),
    )


def _signatures(lang: str) -> SignatureBlock:
    return SignatureBlock(
        lang,
        (
            Signature((word("officer", lang),), (Run("يوسف العلمي", "ar"),)),
            Signature((word("person", lang),)),
        ),
    )


def _section(key: str, nodes: Mapping[str, tuple[Node, ...]], langs: tuple[str, ...]) -> Section:
    count = len(nodes[langs[0]])
    blocks = tuple(Block({lang: nodes[lang][i] for lang in langs}) for i in range(count))
    return Section(key, {lang: _WORDS[key][lang] for lang in langs}, blocks)


def referral(langs: tuple[str, ...] = LANGS, **overrides: str) -> Document:
    """The referral in ``langs``; keyword arguments replace answers (``name``, ``passport``, ``date``,
    ``narrative``) in every language."""
    sections = (
        _section("identity", {lang: (_identity(lang, overrides),) for lang in langs}, langs),
        _section("facts", {lang: _facts(lang, overrides) for lang in langs}, langs),
        _section("needs", {lang: (_needs(lang),) for lang in langs}, langs),
        _section("signatures", {lang: (_signatures(lang),) for lang in langs}, langs),
    )
    headers = {
        lang: PageHeader(
            lang,
            (
                (word("authority", lang),),
                (word("unit", lang),),
                (Run(_WORDS["ref"][lang] + ": ", lang), Run(REFERENCE, lang)),
            ),
        )
        for lang in langs
    }
    doc = Document(
        form_id="referral",
        form_version=3,
        langs=langs,
        title={lang: _WORDS["title"][lang] for lang in langs},
        headers=headers,
        footer=Footer(
            fingerprint="3f9a0c21b7d45e88", form_id="referral", form_version=3, reference=REFERENCE
        ),
        sections=sections,
        metadata=Metadata(
            title=_WORDS["title"][langs[0]],
            author=_WORDS["unit"][langs[0]],
            subject=REFERENCE,
            language={"ar": "ar-MA", "fr": "fr-MA", "en": "en"}[langs[0]],
        ),
    )
    doc.check_aligned()
    return doc


def one_paragraph(text: str, langs: tuple[str, ...] = ("ar", "fr")) -> Document:
    """``referral`` with ``text`` as the narrative of every part (for long, odd or random answers)."""
    return referral(langs, narrative=text)
