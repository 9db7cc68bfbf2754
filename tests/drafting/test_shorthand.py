"""Note shorthand and fixed spellings: drafting/shorthand.py."""

from __future__ import annotations

from afterword.drafting.shorthand import expansion, shorthand_words, spelling


def test_shorthand_is_found_as_whole_words_only():
    """ "exp" and "w/" are shorthand; "export" and "expertise" are not."""
    found = [word for word, _, _ in shorthand_words("my exp w/ export and expertise, mgmt too")]

    assert found == ["exp", "w/", "mgmt"]


def test_a_capitalised_name_is_not_taken_for_shorthand():
    """ "Dev Raman" is a person, not "development"."""
    assert shorthand_words("Dear Dev Raman,") == []


def test_expansions_and_spellings_have_one_answer_each():
    """ "yrs" is "years"; "sql" is "SQL"; an ordinary word has neither."""
    assert expansion("yrs") == "years"
    assert spelling("sql") == "SQL"
    assert expansion("team") is None and spelling("team") is None
