"""Law-like sample texts written for these tests (no real law is quoted), and builders that turn
them into PDF, DOCX and HTML files at test time, so no binary fixture is committed."""

from __future__ import annotations

import io
import re

import arabic_reshaper
import docx
from bidi.algorithm import get_display
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from thbdesk.core.paths import fonts_dir

AR_LAW = """\
نص تجريبي لاختبار استيراد النصوص
الباب الأول: أحكام تمهيدية
المادة الأولى
تهدف هذه المقتضيات إلى حماية الأشخاص المستضعفين من كل أشكال الاستغلال.
المادة الثانية
يقصد بالضحية في مفهوم هذا النص كل شخص طبيعي لحقه ضرر مباشر.
الباب الثاني: العقوبات
الفصل 1-448
يعاقب بالسجن من سنة إلى خمس سنوات كل من استغل هشاشة شخص آخر.
الفصل 1-448 من هذا النص يطبق على الأفعال المرتكبة داخل المملكة.
الفصل 2-448
تضاعف العقوبة المنصوص عليها في الفصل 1-448 إذا كانت الضحية قاصرا.
"""
AR_NUMBERS = ["1", "2", "448-1", "448-2"]
AR_CONTEXTS = [("الباب الأول: أحكام تمهيدية",)] * 2 + [("الباب الثاني: العقوبات",)] * 2

FR_LAW = """\
Texte d'essai pour l'import des publications
Chapitre premier
Dispositions générales
Article premier
Les présentes dispositions visent à protéger toute personne vulnérable contre l'exploitation.
Chapitre II : Des peines
Article 448-1
Est puni d'un emprisonnement d'un à cinq ans quiconque tire profit de la vulnérabilité d'autrui.
Article 448-1 ci-dessus s'applique aussi aux faits commis à l'étranger.
Art. 448.2
La peine prévue à l'article 448-1 est doublée lorsque la victime est mineure.
"""
FR_NUMBERS = ["1", "448-1", "448-2"]
FR_CONTEXTS = [("Chapitre premier — Dispositions générales",)] + [("Chapitre II : Des peines",)] * 2

# More Arabic lines of every shape a law has (headings, numbers, brackets, Latin, Arabic-Indic
# digits, lists, dates), to measure how well reversed lines are detected and repaired.
AR_MIXED_LINES = """\
تعتبر الجريمة مرتكبة داخل المملكة إذا وقع أحد أفعالها بها.
يمكن للنيابة العامة أن تأمر بإيواء الضحية في مركز مختص.
لا يسأل الضحية جنائيا عن الأفعال التي أكره على ارتكابها.
الكتاب الأول: المبادئ العامة
الجزء الثالث - الإجراءات
المادة العاشرة
المادة 12: تحدث لجنة وطنية لدى رئيس الحكومة.
(أ) الاستغلال الجنسي؛
(ب) العمل القسري أو الخدمة قسرا؛
حرر بالرباط في 25 أغسطس 2016.
البريد الإلكتروني contact@example.ma للتواصل.
طبقا للمادة 5 من القانون رقم 27.14، تختص المحكمة الابتدائية.
الغرامة من 5.000 إلى 50.000 درهم.
تحدد غرامة من 10.000 إلى 500.000 درهم (انظر المادة الثانية).
يطبق هذا الحكم على Article 5 أيضا.
الفصل ٣-٤٤٨
المادة ٥٢
المادة ١٢ مكررة
تطبق أحكام الفصول من 1-448 إلى 14-448.
لا عقوبة إلا بنص.
مادة فريدة
ينشر هذا القانون بالجريدة الرسمية.
""".splitlines()

_ARABIC = re.compile("[\u0600-\u06ff]")
_FONT = "Amiri"


def register_amiri() -> str:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(fonts_dir() / "Amiri-Regular.ttf")))
    return _FONT


def make_pdf(lines: list[str], *, stored: str, lines_per_page: int = 40) -> bytes:
    """A PDF of one line per row, right-aligned; Arabic glyphs stored in ``stored`` order.

    "visual" runs each Arabic line through get_display, as our PDF writer does; "logical"
    draws the shaped logical string as is (a producer that stores glyphs in logical order).
    """
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    font = register_amiri()
    for index, line in enumerate(lines):
        if index and index % lines_per_page == 0:
            page.showPage()
        page.setFont(font, 10)
        page.drawRightString(555, 800 - 18 * (index % lines_per_page), _stored(line, stored))
    page.save()
    return buffer.getvalue()


def _stored(line: str, stored: str) -> str:
    if not _ARABIC.search(line):
        return line
    shaped = arabic_reshaper.reshape(line)
    return get_display(shaped, base_dir="R") if stored == "visual" else shaped


def make_docx(text: str, *, table_rows: tuple[tuple[str, str], ...] = ()) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=2)
        for row, cells in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_html(text: str, *, charset: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{line.replace('&', '&amp;')}</p>" for line in text.splitlines())
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>Titre de page</title>\n'
        "<style>p { color: red; } .secret-style {}</style>\n"
        '<script>var secretScript = "<p>Article 999</p>";</script></head>\n'
        f"<body><!-- Article 998 en commentaire -->\n{paragraphs}\n"
        "<noscript>Article 997</noscript><template><p>Article 996</p></template></body></html>"
    )
