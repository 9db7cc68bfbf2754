"""Charts as SVG text, drawn on the server: no script, no CDN, and nothing inline for the CSP.

Colours are presentation attributes (which the style-src policy does not govern); the page
puts a data table next to each chart for screen readers, so the drawing is ``aria-hidden``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from math import ceil

# A palette that stays apart for the common colour-vision deficiencies (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#999999", "#CC79A7", "#56B4E9")
TEXT = "#1f2933"
GRID = "#d9dee3"

# Every chart is drawn WIDTH units wide with text of FONT units: at 360 px the panel gives the
# drawing about 297 px, so one unit is about one pixel and the text renders at ~13 px; the
# stylesheet caps the drawing at 25rem on wider screens (~17 px text), so no chart gets huge.
WIDTH = 300
FONT = 13
# An average glyph of system-ui is a little over half the font size wide: enough to keep
# labels from overlapping without measuring text on the server.
GLYPH = 0.6 * FONT


def _svg(height: int, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-hidden="true" focusable="false" class="chart__svg" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}">{"".join(body)}</svg>'
    )


def text_width(text: str) -> float:
    """About how wide ``text`` is drawn, in units."""
    return len(text) * GLYPH


def bar_chart(rows: Sequence[tuple[str, int]], colour: str = PALETTE[0]) -> str:
    """Horizontal bars, one per row, each labelled with its value."""
    row_height = 30
    label_width = round(max((text_width(label) for label, _value in rows), default=0) + 10)
    top = max((value for _label, value in rows), default=0) or 1
    value_width = round(text_width(str(top))) + 10
    bar_width = WIDTH - label_width - value_width
    height = row_height * len(rows) + 10
    body = []
    for n, (label, value) in enumerate(rows):
        y = 5 + n * row_height
        length = round(bar_width * value / top)
        body.append(
            f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end" fill="{TEXT}">'
            f"{escape(label)}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{max(length, 1)}"'
            f' height="{row_height - 8}" rx="3" fill="{colour}"/>'
            f'<text x="{label_width + length + 6}" y="{y + 19}" fill="{TEXT}">{value}</text>'
        )
    return _svg(height, body)


# Dark enough for white text on it at 4.5:1 (WCAG AA).
SHARE = "#00704f"


def share_bar(part: int, whole: int, colours: tuple[str, str] = (SHARE, GRID)) -> str:
    """One bar split into ``part`` of ``whole``, with the percentage written on it."""
    height = 46
    share = part / whole if whole else 0.0
    filled = round((WIDTH - 2) * share)
    body = [
        f'<rect x="1" y="8" width="{WIDTH - 2}" height="30" rx="4" fill="{colours[1]}"/>',
        f'<rect x="1" y="8" width="{filled}" height="30" rx="4" fill="{colours[0]}"/>',
        f'<text x="10" y="28" fill="{"#ffffff" if share > 0.15 else TEXT}" font-weight="bold">'
        f"{round(share * 100)}%</text>",
        f'<text x="{WIDTH - 10}" y="28" text-anchor="end" fill="{TEXT}">{part} of {whole}</text>',
    ]
    return _svg(height, body)


def label_step(labels: Sequence[str], column: float) -> int:
    """Label every n-th column so that no two labels touch: 1, 2, 3..."""
    widest = max((text_width(label) for label in labels), default=0)
    return max(1, ceil((widest + 6) / column))


def stacked_columns(points: Sequence[tuple[str, Mapping[str, int]]], stages: Sequence[str]) -> str:
    """One column per point, stacked by stage, with a legend underneath."""
    top = max((sum(counts.values()) for _label, counts in points), default=0) or 1
    left = round(text_width(str(top))) + 10
    bottom, chart_height, legend_row = 26, 160, 22
    column = (WIDTH - left - 6) / max(len(points), 1)
    legend_rows = (len(stages) + 1) // 2
    height = 10 + chart_height + bottom + 10 + legend_rows * legend_row
    body = []
    for tick in sorted({0, top // 2, top}):
        y = 10 + chart_height - round(chart_height * tick / top)
        body.append(
            f'<line x1="{left}" x2="{WIDTH - 2}" y1="{y}" y2="{y}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 4}" text-anchor="end" fill="{TEXT}">{tick}</text>'
        )
    step = label_step([label for label, _counts in points], column)
    gap = min(6.0, column / 4)
    for n, (label, counts) in enumerate(points):
        x = left + gap / 2 + n * column
        y = 10 + chart_height
        for stage, colour in zip(stages, PALETTE, strict=False):
            size = round(chart_height * counts.get(stage, 0) / top)
            if size:
                y -= size
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{column - gap:.1f}" height="{size}"'
                    f' fill="{colour}"/>'
                )
        # Every step-th label, counted from the latest, so the newest week is always named;
        # the table under the chart names every week.
        if (len(points) - 1 - n) % step == 0:
            centre = min(
                max(x + (column - gap) / 2, text_width(label) / 2),
                WIDTH - 2 - text_width(label) / 2,
            )
            body.append(
                f'<text x="{centre:.1f}" y="{10 + chart_height + 20}" text-anchor="middle"'
                f' fill="{TEXT}">{escape(label)}</text>'
            )
    for n, (stage, colour) in enumerate(zip(stages, PALETTE, strict=False)):
        x = (n % 2) * (WIDTH // 2)
        y = 10 + chart_height + bottom + 10 + (n // 2) * legend_row
        body.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 20}" y="{y + 12}" fill="{TEXT}">{escape(stage)}</text>'
        )
    return _svg(height, body)
