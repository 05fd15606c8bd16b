"""Render one provision as rich text: the official text first, then three languages side by side.

Qt-free on purpose (plain HTML strings), so the rendering is testable without widgets.
"""

from __future__ import annotations

from html import escape

from thbdesk.core.i18n import LANGUAGES, N_, is_rtl, translate
from thbdesk.core.legal.display import penalty_cells, provision_title, status_text
from thbdesk.core.legal.library import ImportedArticle, ImportedText
from thbdesk.core.legal.model import Corpus, Instrument, Provision, Tri
from thbdesk.core.legal.paragraphs import official_paragraphs

LINK_SCHEME = "thb"
_BADGE_COLOURS = {"verified": "#1f6f43", "unverified": "#9a5b00", "missing": "#7a1f1f"}


def link_for(provision: Provision) -> str:
    return f"{LINK_SCHEME}:{provision.key}"


def _dir(lang: str) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def _list(title: str, items: list[str], lang: str) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f"<p><b>{escape(translate(title, lang))}</b></p><ul>{rows}</ul>"


def _tri_items(values: tuple[Tri, ...], lang: str) -> list[str]:
    return [escape(v.get(lang)) for v in values]


def _refs(provision: Provision, corpus: Corpus, lang: str) -> list[str]:
    links = []
    for ref in provision.refs:
        target = corpus.resolve(ref, provision.instrument_id)
        instrument = corpus.instrument(target.instrument_id) if target else None
        if target is None or instrument is None:
            continue
        label = escape(provision_title(target, instrument, lang))
        if target.instrument_id != provision.instrument_id:
            label = f"{label} — {escape(instrument.short_title.get(lang))}"
        links.append(f'<a href="{link_for(target)}">{label}</a>')
    return links


def penalty_table(provision: Provision, lang: str) -> str:
    """Kind, minimum, maximum and condition of each penalty, one row each."""
    if not provision.penalties:
        return ""
    head = "".join(f"<th>{escape(translate(h, lang))}</th>" for h in (N_("Penalty"), N_("From"), N_("To")))
    rows = []
    for penalty in provision.penalties:
        kind, low, high = penalty_cells(penalty, lang)
        condition = f"<br/><small>{escape(penalty.condition.get(lang))}</small>" if penalty.condition else ""
        rows.append(
            f"<tr><td>{escape(kind)}{condition}</td><td>{escape(low)}</td><td>{escape(high)}</td></tr>"
        )
    title = escape(translate(N_("Penalties"), lang))
    table = '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
    return f"<p><b>{title}</b></p>{table}<tr>{head}</tr>{''.join(rows)}</table>"


def language_column(provision: Provision, instrument: Instrument, corpus: Corpus, lang: str) -> str:
    parts = [f"<h3>{escape(provision_title(provision, instrument, lang))}</h3>"]
    if provision.heading and provision.placed:
        parts.append(f"<p><b>{escape(provision.heading.get(lang))}</b></p>")
    if provision.summary:
        parts.append(f"<p>{escape(provision.summary.get(lang))}</p>")
    elif provision.status == "missing":
        parts.append(f"<p><i>{escape(status_text('missing', lang))}</i></p>")
    parts.append(penalty_table(provision, lang))
    parts.append(_list(N_("Aggravating circumstances"), _tri_items(provision.aggravations, lang), lang))
    parts.append(_list(N_("Exemptions"), _tri_items(provision.exemptions, lang), lang))
    definitions = [
        f"<b>{escape(d.term.get(lang))}</b>: {escape(d.meaning.get(lang))}" for d in provision.definitions
    ]
    parts.append(_list(N_("Definitions"), definitions, lang))
    parts.append(_list(N_("See also"), _refs(provision, corpus, lang), lang))
    return "".join(parts)


def badge(status: str, ui_lang: str) -> str:
    colour = _BADGE_COLOURS[status]
    text = escape(status_text(status, ui_lang))
    return f'<p><span style="background:{colour}; color:white;">&nbsp;{text}&nbsp;</span></p>'


def official_section(official: list[tuple[ImportedText, ImportedArticle]], ui_lang: str) -> str:
    """The imported official wording, PDF line breaks joined back into paragraphs."""
    if not official:
        return ""
    title = translate(N_("Official text (imported)"), ui_lang)
    blocks = [f"<h3>{escape(title)}</h3>"]
    for text, article in official:
        paragraphs = official_paragraphs(article.text, text.format)
        body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
        context = escape(" › ".join(article.context))
        source = escape(f"{text.filename} · {text.imported_at[:10]}")
        align = "right" if is_rtl(article.lang) else "left"
        blocks.append(
            f'<div dir="{_dir(article.lang)}" align="{align}"><p><small>{context}</small></p>{body}'
            f"<p><small>{source}</small></p></div>"
        )
    return "".join(blocks) + "<hr/>"


def provision_html(
    provision: Provision,
    corpus: Corpus,
    ui_lang: str,
    official: list[tuple[ImportedText, ImportedArticle]] | None = None,
) -> str:
    instrument = corpus.instrument(provision.instrument_id)
    assert instrument is not None
    # Qt lays table cells out left to right whatever the direction: reverse them for an RTL reader,
    # so the UI language's own column comes first where that reader starts.
    order = tuple(reversed(LANGUAGES)) if is_rtl(ui_lang) else LANGUAGES
    cells = "".join(
        f'<td width="33%" dir="{_dir(lang)}" align="{"right" if is_rtl(lang) else "left"}" valign="top"'
        f' style="font-size:{"12.5pt" if lang == "ar" else "10.5pt"}">'
        f"{language_column(provision, instrument, corpus, lang)}</td>"
        for lang in order
    )
    header = f"<h2>{escape(instrument.title.get(ui_lang))}</h2>"
    table = f'<table width="100%" cellspacing="8" cellpadding="4"><tr>{cells}</tr></table>'
    # The official wording, when imported, comes first: the summaries only explain it.
    # The status badge labels the summaries, so it sits with them, below the official wording.
    summaries = f"{badge(provision.status, ui_lang)}{table}"
    return f"{header}{official_section(official or [], ui_lang)}{summaries}"
