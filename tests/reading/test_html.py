"""HTML mail as plain text: reading/html.py."""

from __future__ import annotations

from afterword.reading.html import html_to_text


def test_blocks_become_lines_and_styles_scripts_and_entities_go():
    """What a mail client shows, one paragraph a line."""
    html = (
        "<html><head><title>x</title><style>.a{}</style></head><body><div>Out&nbsp;of "
        "office</div><script>var a;</script><p>Back on <b>Monday</b>.</p></body></html>"
    )

    assert html_to_text(html) == "Out of office\nBack on Monday."


def test_broken_html_still_gives_its_text():
    """An HTML part cut off by the partial fetch."""
    assert html_to_text("<p>I am away until <span style='x") == "I am away until"
