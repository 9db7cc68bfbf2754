"""Charts as SVG text, drawn on the server: no script, no CDN, and nothing inline for the CSP.

Colours are presentation attributes (which the style-src policy does not govern); the page
puts a data table next to each chart for screen readers, so the drawing is ``aria-hidden``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

# A palette that stays apart for the common colour-vision deficiencies (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#999999", "#CC79A7", "#56B4E9")
TEXT = "#1f2933"
GRID = "#d9dee3"


def _svg(width: int, height: int, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-hidden="true" focusable="false" class="chart__svg" '
        f'font-family="system-ui, sans-serif" font-size="13">{"".join(body)}</svg>'
    )


def bar_chart(rows: Sequence[tuple[str, int]], colour: str = PALETTE[0]) -> str:
    """Horizontal bars, one per row, each labelled with its value."""
    label_width, bar_width, row_height = 120, 200, 30
    width = label_width + bar_width + 40
    height = row_height * len(rows) + 10
    top = max((value for _label, value in rows), default=0) or 1
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
    return _svg(width, height, body)


# Dark enough for white text on it at 4.5:1 (WCAG AA).
SHARE = "#00704f"


def share_bar(part: int, whole: int, colours: tuple[str, str] = (SHARE, GRID)) -> str:
    """One bar split into ``part`` of ``whole``, with the percentage written on it."""
    width, height = 360, 46
    share = part / whole if whole else 0.0
    filled = round((width - 2) * share)
    body = [
        f'<rect x="1" y="8" width="{width - 2}" height="30" rx="4" fill="{colours[1]}"/>',
        f'<rect x="1" y="8" width="{filled}" height="30" rx="4" fill="{colours[0]}"/>',
        f'<text x="10" y="28" fill="{"#ffffff" if share > 0.15 else TEXT}" font-weight="bold">'
        f"{round(share * 100)}%</text>",
        f'<text x="{width - 10}" y="28" text-anchor="end" fill="{TEXT}">{part} of {whole}</text>',
    ]
    return _svg(width, height, body)


def stacked_columns(points: Sequence[tuple[str, Mapping[str, int]]], stages: Sequence[str]) -> str:
    """One column per point, stacked by stage, with a legend underneath."""
    left, bottom, chart_height, column = 30, 24, 160, 27
    width = left + column * len(points) + 10
    legend_rows = (len(stages) + 1) // 2
    height = chart_height + bottom + 10 + legend_rows * 22
    top = max((sum(counts.values()) for _label, counts in points), default=0) or 1
    body = []
    for tick in sorted({0, top // 2, top}):
        y = 10 + chart_height - round(chart_height * tick / top)
        body.append(
            f'<line x1="{left}" x2="{width - 5}" y1="{y}" y2="{y}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 4}" text-anchor="end" fill="{TEXT}">{tick}</text>'
        )
    for n, (label, counts) in enumerate(points):
        x = left + 4 + n * column
        y = 10 + chart_height
        for stage, colour in zip(stages, PALETTE, strict=False):
            size = round(chart_height * counts.get(stage, 0) / top)
            if size:
                y -= size
                body.append(
                    f'<rect x="{x}" y="{y}" width="{column - 8}" height="{size}" fill="{colour}"/>'
                )
        # Every other label, counted from the latest, so they never overlap.
        if (len(points) - 1 - n) % 2 == 0:
            body.append(
                f'<text x="{x + (column - 8) / 2}" y="{chart_height + 28}" text-anchor="middle"'
                f' font-size="11" fill="{TEXT}">{escape(label)}</text>'
            )
    for n, (stage, colour) in enumerate(zip(stages, PALETTE, strict=False)):
        x = left + (n % 2) * 160
        y = chart_height + bottom + 18 + (n // 2) * 22
        body.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 20}" y="{y + 12}" fill="{TEXT}">{escape(stage)}</text>'
        )
    return _svg(max(width, left + 320), height, body)
