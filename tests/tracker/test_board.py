"""What the board is asked for, read from the query string: unknown values never fail."""

from __future__ import annotations

from afterword.tracker.board import MAX_QUERY, BoardQuery


def test_it_reads_the_search_status_and_sort() -> None:
    """Known values are kept; the words of the search lose their extra spaces."""
    query = BoardQuery.from_params(
        {"q": "  Harbour   logistics ", "status": "waiting", "sort": "next"}
    )

    assert query == BoardQuery("Harbour logistics", "waiting", "next")
    assert query.is_filtered


def test_it_falls_back_to_everything_newest_first() -> None:
    """A status or sort it does not know means none; an empty query is not a filter."""
    query = BoardQuery.from_params({"status": "lost", "sort": "random"})

    assert query == BoardQuery("", "", "newest")
    assert not query.is_filtered


def test_it_keeps_a_long_search_to_its_limit() -> None:
    """A pasted essay is cut to the search box's length."""
    query = BoardQuery.from_params({"q": "word " * 100})

    assert len(query.text) == MAX_QUERY
