"""The printed thank-you letter (K5): one real PDF page, read back with poppler's tools."""

from __future__ import annotations

import html
import logging
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from weasyprint import HTML

from afterword.drafting.compose import compose
from afterword.drafting.letters import (
    FITS,
    LetterTooLong,
    Paper,
    letter_fit,
    letter_html,
    letter_pdf,
    paper_for_country,
)
from afterword.drafting.model import Letter
from afterword.rules.planner import plan
from afterword.rules.validation import case_from_json

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# Page sizes in PostScript points, as pdfinfo prints them.
PAGE_POINTS: dict[Paper, tuple[float, float]] = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MM = 72 / 25.4

HOFFMANN = Letter(
    sender_lines=(
        "Maya Schneider",
        "Kastanienallee 7",
        "10435 Berlin",
        "maya.schneider@example.org",
        "+49 30 1234567",
    ),
    date_line="3 December 2026",
    recipient_lines=(
        "Dr. Katrin Hoffmann",
        "Head of Analytics",
        "Adler & Söhne Versicherung",
        "Friedrichstraße 12",
        "10117 Berlin",
    ),
    salutation="Dear Dr. Hoffmann,",
    paragraphs=(
        "Thank you for our second conversation on Wednesday and for letting me walk through the "
        "claims dashboard with your team.",
        "You said every report must make sense to an underwriter in five minutes. I rebuilt our "
        "monthly loss report around that idea and would bring the same habit to your group.",
        "I would also like to add that I have run dbt on PostgreSQL in production for two years.",
    ),
    closing="Yours sincerely,",
    signature="Maya Schneider",
)

# Plain words, varied enough that line breaking behaves like real prose.
PROSE = (
    *("the", "quarterly", "review", "showed", "how", "careful", "analysis", "helps", "the"),
    *("underwriters", "decide", "faster", "and", "with", "fewer", "surprises", "when"),
    *("the", "claims", "season", "begins"),
)


def with_words(letter: Letter, words: int, paragraphs: int = 5) -> Letter:
    """``letter`` with its paragraphs replaced by ``words`` words of prose in ``paragraphs``."""
    per = -(-words // paragraphs)
    text = [PROSE[i % len(PROSE)] for i in range(words)]
    chunks = [text[i : i + per] for i in range(0, words, per)]
    return replace(letter, paragraphs=tuple(" ".join(c).capitalize() + "." for c in chunks))


def pdf_file(tmp_path: Path, letter: Letter, paper: Paper) -> Path:
    path = tmp_path / f"letter-{paper}.pdf"
    path.write_bytes(letter_pdf(letter, paper))
    return path


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.splitlines())
    }


def word_boxes(path: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word on the page with its box (text, x_min, y_min, x_max, y_max) in points."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [
        (html.unescape(text), float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in re.findall(pattern, out)
    ]


def box_of(boxes: list[tuple[str, float, float, float, float]], word: str) -> tuple[float, ...]:
    return next(box[1:] for box in boxes if box[0] == word)


def page_count(html_text: str) -> int:
    return len(HTML(string=html_text).render().pages)


# --- paper ---------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["US", "CA", "MX", "PH", "us", " pr "])
def test_north_american_and_philippine_employers_get_us_letter(country: str) -> None:
    """Offices in the US, Canada, Mexico, the Philippines and US territories print on Letter."""

    paper = paper_for_country(country)

    assert paper == "letter"


@pytest.mark.parametrize("country", ["DE", "GB", "FR", "JP", "IN", "AU", "ZA", ""])
def test_everyone_else_gets_a4(country: str) -> None:
    """A4 is the paper of the rest of the world (and of an unknown country)."""

    paper = paper_for_country(country)

    assert paper == "a4"


# --- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_letter_is_exactly_one_page_of_the_chosen_paper(tmp_path: Path, paper: Paper) -> None:
    """pdfinfo: one page, 595x842 pt for A4 and 612x792 pt for US Letter."""

    info = pdfinfo(pdf_file(tmp_path, HOFFMANN, paper))

    assert info["Pages"] == "1"
    width, height = re.findall(r"[\d.]+", info["Page size"])[:2]
    assert (round(float(width)), round(float(height))) == tuple(
        round(p) for p in PAGE_POINTS[paper]
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_block_prints_in_business_letter_order(tmp_path: Path, paper: Paper) -> None:
    """Sender, date, recipient name, title, company, address, salutation, text, closing, name."""
    expected = [
        "Maya Schneider",
        "Kastanienallee 7",
        "3 December 2026",
        "Dr. Katrin Hoffmann",
        "Head of Analytics",
        "Adler & Söhne Versicherung",
        "Friedrichstraße 12",
        "10117 Berlin",
        "Dear Dr. Hoffmann,",
        "Thank you for our second conversation",
        "two years.",
        "Yours sincerely,",
    ]

    layout = pdftotext(pdf_file(tmp_path, HOFFMANN, paper))

    text = " ".join(layout.split())
    positions = [text.find(piece) for piece in expected]
    assert -1 not in positions, [p for p, at in zip(expected, positions, strict=True) if at < 0]
    assert positions == sorted(positions)
    # The typed name under the signature space is the last thing on the page.
    assert layout.rstrip().splitlines()[-1].strip() == "Maya Schneider"


def test_the_sender_sits_top_right_and_the_recipient_on_the_left_margin(tmp_path: Path) -> None:
    """Layout: sender block flush with the right margin, recipient and text at the 25 mm margin."""
    width = PAGE_POINTS["a4"][0]

    boxes = word_boxes(pdf_file(tmp_path, HOFFMANN, "a4"))

    _, _, sender_right, _ = box_of(boxes, "Schneider")
    recipient_left, _, _, _ = box_of(boxes, "Dr.")
    dear_left, _, _, _ = box_of(boxes, "Dear")
    assert sender_right == pytest.approx(width - 25 * MM, abs=1.5)
    assert recipient_left == pytest.approx(25 * MM, abs=1.5)
    assert dear_left == pytest.approx(25 * MM, abs=1.5)


def test_there_is_room_for_a_handwritten_signature_above_the_typed_name(tmp_path: Path) -> None:
    """At least three lines (about 15 mm) of blank paper between the closing and the name."""

    boxes = word_boxes(pdf_file(tmp_path, HOFFMANN, "letter"))

    _, _, _, closing_bottom = box_of(boxes, "sincerely,")
    name_top = max(box[2] for box in boxes if box[0] == "Schneider")
    assert name_top - closing_bottom >= 14 * MM


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_is_titled_for_the_recipient_and_signed_by_the_sender(
    tmp_path: Path, paper: Paper
) -> None:
    """PDF metadata: title 'Thank-you letter to <name>', author the signature."""

    info = pdfinfo(pdf_file(tmp_path, HOFFMANN, paper))

    assert info["Title"] == "Thank-you letter to Dr. Katrin Hoffmann"
    assert info["Author"] == "Maya Schneider"


# --- fitting one page ----------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_letter_that_overflows_at_the_normal_size_is_shrunk_onto_one_page(
    tmp_path: Path, paper: Paper
) -> None:
    """300 words run to a second page at 10.5 pt; the PDF steps down and keeps every word."""
    long_letter = with_words(HOFFMANN, 300)
    assert page_count(letter_html(long_letter, paper, FITS[0])) == 2

    path = pdf_file(tmp_path, long_letter, paper)

    assert pdfinfo(path)["Pages"] == "1"
    text = " ".join(pdftotext(path).split())
    assert long_letter.paragraphs[-1] in text
    assert text.endswith("Yours sincerely, Maya Schneider")


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_short_letter_keeps_the_normal_type_size(paper: Paper) -> None:
    """Only a letter that needs it is shrunk: a short one fits at the first level."""

    pages = page_count(letter_html(HOFFMANN, paper, FITS[0]))

    assert pages == 1


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("words", [150, 200, 260, 330, 400])
def test_the_chosen_layout_is_the_roomiest_that_fits_one_page(paper: Paper, words: int) -> None:
    """Halving the levels finds the same level as trying each one in turn from the roomiest."""
    letter = with_words(HOFFMANN, words)
    roomiest = next(fit for fit in FITS if page_count(letter_html(letter, paper, fit)) == 1)

    chosen = letter_fit(letter, paper)

    assert chosen == roomiest


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_an_impossibly_long_letter_says_how_to_shorten_it(paper: Paper) -> None:
    """900 words cannot fit in readable type: LetterTooLong names the field and the word counts."""
    endless = with_words(HOFFMANN, 900, paragraphs=6)

    with pytest.raises(LetterTooLong) as raised:
        letter_pdf(endless, paper)

    message = str(raised.value)
    assert message.startswith("paragraphs: ")
    assert "900 words" in message
    assert f"fewer than {raised.value.words_that_fit}" in message
    assert raised.value.words == 900
    assert raised.value.words_that_fit < 900


def test_the_word_count_in_the_error_is_one_that_really_fits() -> None:
    """The 'fewer than N words' advice holds: N - 10 words print on one page of each paper."""
    for paper in ("a4", "letter"):
        with pytest.raises(LetterTooLong) as raised:
            letter_pdf(with_words(HOFFMANN, 900), paper)
        advised = with_words(HOFFMANN, raised.value.words_that_fit - 10)

        pdf = letter_pdf(advised, paper)

        assert pdf.startswith(b"%PDF")


# --- the user's text, safely ---------------------------------------------------------------


def test_special_characters_print_as_written(tmp_path: Path) -> None:
    """ü, é, ß, & and < are escaped in the HTML and come out of the PDF unchanged."""
    letter = replace(
        HOFFMANN,
        recipient_lines=("Jörg Maier", "Team Lead", "Adler & Söhne", "Straße des 17. Juni 5"),
        salutation="Dear Mr. Maier,",
        paragraphs=("Your café <b>tip</b> & the R&D <script>x</script> story stayed with me.",),
    )

    text = pdftotext(pdf_file(tmp_path, letter, "a4"))

    assert "Jörg Maier" in text
    assert "Adler & Söhne" in text
    assert "Straße des 17. Juni 5" in text
    assert "Your café <b>tip</b> & the R&D <script>x</script> story stayed with me." in text


def test_markup_in_the_users_text_is_escaped_in_the_html() -> None:
    """Autoescape: a paragraph cannot inject tags into the page."""
    letter = replace(HOFFMANN, paragraphs=('<img src="x"> & "quotes"',))

    page = letter_html(letter, "a4")

    assert "&lt;img src=&#34;x&#34;&gt; &amp; &#34;quotes&#34;" in page
    assert "<img" not in page


def test_the_html_loads_nothing_from_the_network() -> None:
    """No http(s) references, links, scripts, images, imports or url() in the page."""

    page = letter_html(HOFFMANN, "letter")

    assert not re.search(r"https?://", page)
    for reference in ("<link", "<script", "<img", "src=", "href=", "@import", "url("):
        assert reference not in page


def test_blank_address_lines_leave_no_gap_in_the_block() -> None:
    """Empty recipient or sender lines are dropped rather than printed as holes."""
    letter = replace(
        HOFFMANN,
        sender_lines=("Maya Schneider", "  ", "10435 Berlin"),
        recipient_lines=("Dr. Katrin Hoffmann", "", "Adler & Söhne Versicherung"),
    )

    page = letter_html(letter, "a4")

    assert '<div class="recipient-line"></div>' not in page
    assert '<div class="sender-line"></div>' not in page
    assert page.count('class="recipient-line"') == 1


def test_a_letter_without_a_sender_block_prints_no_empty_letterhead(tmp_path: Path) -> None:
    """No sender lines: no header and no rule, the date opens the page; the rest still prints."""
    letter = replace(HOFFMANN, sender_lines=("", " "))

    page = letter_html(letter, "a4")
    text = pdftotext(pdf_file(tmp_path, letter, "a4"))

    assert 'class="sender"' not in page
    assert text.lstrip().startswith("3 December 2026")
    assert "Dear Dr. Hoffmann," in text


def test_a_long_unbroken_word_wraps_inside_the_margins(tmp_path: Path) -> None:
    """A pasted link longer than the line is broken, never printed past the right margin."""
    link = "portfolio.example.org/" + "x" * 140
    letter = replace(HOFFMANN, paragraphs=(f"My work is at {link} for you.",))

    boxes = word_boxes(pdf_file(tmp_path, letter, "letter"))

    right_margin = PAGE_POINTS["letter"][0] - 25 * MM
    assert max(box[3] for box in boxes) <= right_margin + 1


def test_weasyprint_accepts_every_rule_of_the_style_sheet(caplog: pytest.LogCaptureFixture) -> None:
    """A misspelt or unsupported CSS property is logged by WeasyPrint and fails here."""
    caplog.set_level(logging.WARNING, logger="weasyprint")

    letter_pdf(HOFFMANN, "letter")

    assert [record.getMessage() for record in caplog.records] == []


def test_an_unknown_paper_is_refused_by_name() -> None:
    """A paper size other than a4 or letter is a clear error naming the field."""

    with pytest.raises(ValueError, match="paper: expected one of a4, letter"):
        letter_html(HOFFMANN, "legal")  # type: ignore[arg-type]


# --- with composition ---------------------------------------------------------------------


def test_the_composed_berlin_letter_prints_on_one_a4_page_to_dr_hoffmann(tmp_path: Path) -> None:
    """examples/berlin-formal-second-round.json: the planned letter to p1 is one A4 page."""
    case = case_from_json((ROOT / "examples" / "berlin-formal-second-round.json").read_text())
    assert case.now is not None
    action = next(
        action
        for action in plan(case, case.now).actions
        if action.kind == "thank_you_letter" and action.interviewer == "p1"
    )
    draft = compose(case, action, case.now)
    assert draft.letter is not None
    paper = paper_for_country(case.employer.country)

    path = tmp_path / "berlin.pdf"
    path.write_bytes(letter_pdf(draft.letter, paper))

    info = pdfinfo(path)
    text = " ".join(pdftotext(path).split())
    assert paper == "a4"
    assert (info["Pages"], info["Title"]) == ("1", "Thank-you letter to Dr. Katrin Hoffmann")
    assert text.index("Dr. Katrin Hoffmann") < text.index("Head of Analytics")
    assert text.index("Adler & Söhne Versicherung") < text.index("Friedrichstraße 12")
    assert draft.letter.salutation in text


# --- to look at ----------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("a4", (497, 702)), ("letter", (510, 660))])
def test_the_letter_renders_to_a_png_to_look_at(
    tmp_path: Path, paper: Paper, size: tuple[int, int]
) -> None:
    """pdftoppm -r 60 writes artifacts/screenshots/letter-<paper>.png: right size, ink top right."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    stem = SCREENSHOTS / f"letter-{paper}"

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-singlefile",
            str(pdf_file(tmp_path, HOFFMANN, paper)),
            str(stem),
        ],
        check=True,
    )

    image = Image.open(f"{stem}.png").convert("L")
    assert image.size == size
    width, height = image.size
    # The sender's name is dark ink in the top right; the bottom fifth of the page is blank.
    sender = image.crop((width // 2, 0, width, height // 8))
    bottom = image.crop((0, height * 4 // 5, width, height))
    assert sender.getextrema()[0] < 100
    assert bottom.getextrema()[0] > 240
