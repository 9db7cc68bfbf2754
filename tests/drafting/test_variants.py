"""Deterministic sentence choice: stable across runs, different for neighbours."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.drafting.variants import Chooser, stable_number


def test_the_same_seed_and_slot_always_choose_the_same_option():
    """A pure function of text: no process-salted hash()."""
    options = ["a", "b", "c", "d"]

    assert Chooser("i1", 0).one_of("thanks", options) == Chooser("i1", 0).one_of("thanks", options)
    # Pinned: if this number changes, every draft in every database reads differently.
    assert stable_number("i1", "thanks") == 1504368846885565455


@given(
    seed=st.text(max_size=20),
    slot=st.text(min_size=1, max_size=10),
    count=st.integers(2, 7),
    first=st.integers(0, 30),
    gap=st.integers(1, 6),
)
def test_two_positions_closer_than_the_option_count_never_share_an_option(
    seed, slot, count, first, gap
):
    """People at positions p and p + gap (0 < gap < count) get different options in a slot."""
    if gap >= count:
        return

    a = Chooser(seed, first).index(slot, count)
    b = Chooser(seed, first + gap).index(slot, count)

    assert a != b


def test_a_slot_without_options_is_a_template_error():
    """An empty list of variants is a mistake in a template, reported as such."""
    with pytest.raises(ValueError, match="no options"):
        Chooser("x").one_of("thanks", [])
