"""The printed thank-you letter (K5): one page of HTML and CSS, turned into a PDF by WeasyPrint.

The page is built from a ``Letter`` (blocks already written by composition) with our own Jinja2
template. Everything it needs is inside the HTML: the style sheet is inlined and the only font is
DejaVu Serif from ``fonts-dejavu-core``, so rendering never touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from afterword.drafting.model import Letter

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")

# ISO 3166 codes of the countries and territories where US Letter is the everyday office paper;
# the rest of the world uses A4. Canada is officially mixed but its offices print on Letter.
LETTER_COUNTRIES: frozenset[str] = frozenset(
    {
        "US",
        "PR",
        "GU",
        "VI",
        "AS",
        "MP",
        "UM",
        "CA",
        "MX",
        "PH",
        "BZ",
        "CL",
        "CO",
        "CR",
        "DO",
        "GT",
        "NI",
        "PA",
        "SV",
        "VE",
    }
)


class LetterTooLong(ValueError):
    """The letter's text does not fit on one page even in the smallest readable type.

    The message starts with the field to change (``paragraphs: ...``) and says how far to cut;
    ``words`` is how many the paragraphs have now, ``words_that_fit`` about how many fit.
    """

    field = "paragraphs"

    def __init__(self, message: str, *, words: int, words_that_fit: int) -> None:
        super().__init__(message)
        self.words = words
        self.words_that_fit = words_that_fit


@dataclass(frozen=True, slots=True)
class Fit:
    """The knobs stepped down, one level at a time, until the letter fits on one page."""

    font_pt: float
    line_height: float
    # Space between blocks and between paragraphs, in lines of the current type.
    gap_em: float
    # Top and bottom page margins; the side margins stay at 25 mm at every level.
    margin_mm: float
    # Room left blank above the typed name for a handwritten signature (about three lines).
    signature_mm: float


# Level 0 is how a letter should look; each later level is a little tighter than the one
# before (small steps, so a letter that just overflows loses little), all comfortable on paper.
# DejaVu Serif has a tall lower case (x-height 0.55 em against Times' 0.45), so 9 pt DejaVu
# reads like 11 pt Times: a fair floor for a letter, and 10.5 pt a generous start.
FITS: tuple[Fit, ...] = (
    Fit(font_pt=10.5, line_height=1.45, gap_em=1.0, margin_mm=25.0, signature_mm=18.0),
    Fit(font_pt=10.25, line_height=1.42, gap_em=0.92, margin_mm=25.0, signature_mm=17.5),
    Fit(font_pt=10.0, line_height=1.4, gap_em=0.85, margin_mm=25.0, signature_mm=17.0),
    Fit(font_pt=9.75, line_height=1.37, gap_em=0.8, margin_mm=24.0, signature_mm=16.5),
    Fit(font_pt=9.5, line_height=1.35, gap_em=0.75, margin_mm=22.0, signature_mm=16.0),
    Fit(font_pt=9.25, line_height=1.32, gap_em=0.7, margin_mm=21.0, signature_mm=15.5),
    Fit(font_pt=9.0, line_height=1.3, gap_em=0.65, margin_mm=20.0, signature_mm=15.0),
)

# About how many words of paragraphs one page holds at the smallest level with a five-line
# sender and recipient block (measured: 460 on A4, 424 on Letter), rounded down for longer
# addresses. Only used to tell the user how far to shorten.
WORDS_PER_PAGE: dict[Paper, int] = {"a4": 440, "letter": 400}


def paper_for_country(country: str) -> Paper:
    """The paper size offices use in ``country`` (ISO 3166 alpha-2): US Letter or A4."""
    return "letter" if country.strip().upper() in LETTER_COUNTRIES else "a4"


@cache
def _environment() -> jinja2.Environment:
    # Autoescape on: every block is user text going into HTML (names such as "Adler & Söhne").
    return jinja2.Environment(
        loader=jinja2.PackageLoader("afterword.drafting", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _style_sheet() -> Markup:
    # Our own file, inlined so the HTML stands alone (a preview in the browser looks the same).
    return Markup(files("afterword.drafting").joinpath("templates/letter.css").read_text("utf-8"))


def letter_title(letter: Letter) -> str:
    """The document title: whom the letter thanks (the first recipient line is the name)."""
    name = next((line.strip() for line in letter.recipient_lines if line.strip()), "")
    return f"Thank-you letter to {name}" if name else "Thank-you letter"


def letter_html(letter: Letter, paper: Paper, fit: Fit = FITS[0]) -> str:
    """The letter as one self-contained HTML page for ``paper``, laid out at ``fit``."""
    if paper not in PAPERS:
        raise ValueError(f"paper: expected one of {', '.join(PAPERS)}, got {paper!r}")
    template = _environment().get_template("letter.html.j2")
    return template.render(
        letter=_without_blank_lines(letter),
        title=letter_title(letter),
        page_size="A4" if paper == "a4" else "letter",
        fit=fit,
        css=_style_sheet(),
    )


def letter_pdf(letter: Letter, paper: Paper) -> bytes:
    """The letter as a one-page PDF, in the roomiest layout that fits (see ``letter_fit``)."""
    pdf: bytes = _fitted(letter, paper)[1].write_pdf()
    return pdf


def letter_fit(letter: Letter, paper: Paper) -> Fit:
    """The roomiest level of ``FITS`` at which the letter fits on one page of ``paper``.

    Raises ``LetterTooLong`` when none does. ``letter_html(letter, paper, letter_fit(...))``
    is the page exactly as the PDF prints it.
    """
    return _fitted(letter, paper)[0]


def _fitted(letter: Letter, paper: Paper) -> tuple[Fit, Any]:
    """The first level of ``FITS`` that gives one page, with WeasyPrint's rendered document.

    1. Render at ``FITS[0]``: a letter of the usual length fits, and that is one render.
    2. Otherwise find the first later level at which it fits by halving the range of levels
       (each level is tighter than the one before, so "fits" only turns from no to yes once):
       three more renders for seven levels.
    3. When even the last level needs a second page, raise ``LetterTooLong`` saying how much
       to cut.
    """
    # Imported here: WeasyPrint loads Pango when imported, which callers that only want the
    # HTML (the web preview, the checker) should not pay for.
    from weasyprint import HTML

    def render(fit: Fit) -> Any:
        return HTML(string=letter_html(letter, paper, fit)).render()

    document = render(FITS[0])
    if len(document.pages) == 1:
        return FITS[0], document
    found: tuple[Fit, Any] | None = None
    low, high = 1, len(FITS) - 1
    while low <= high:
        middle = (low + high) // 2
        document = render(FITS[middle])
        if len(document.pages) == 1:
            found, high = (FITS[middle], document), middle - 1
        else:
            low = middle + 1
    if found is None:
        raise _too_long(letter, paper)
    return found


def _too_long(letter: Letter, paper: Paper) -> LetterTooLong:
    words = sum(len(paragraph.split()) for paragraph in letter.paragraphs)
    fit = WORDS_PER_PAGE[paper]
    message = (
        f"paragraphs: the letter does not fit on one {_paper_name(paper)} page, even in "
        f"{FITS[-1].font_pt:g} pt type. Its {len(letter.paragraphs)} paragraphs have {words} "
        f"words; shorten them to fewer than {fit} (a thank-you letter reads best at 150 to "
        "250 words), or drop a paragraph."
    )
    return LetterTooLong(message, words=words, words_that_fit=fit)


def _paper_name(paper: Paper) -> str:
    return "A4" if paper == "a4" else "US Letter"


def _without_blank_lines(letter: Letter) -> Letter:
    # An empty address line would print as a gap in the block; empty paragraphs as extra space.
    def kept(lines: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(line.strip() for line in lines if line.strip())

    return Letter(
        sender_lines=kept(letter.sender_lines),
        date_line=letter.date_line.strip(),
        recipient_lines=kept(letter.recipient_lines),
        salutation=letter.salutation.strip(),
        paragraphs=kept(letter.paragraphs),
        closing=letter.closing.strip(),
        signature=letter.signature.strip(),
    )
