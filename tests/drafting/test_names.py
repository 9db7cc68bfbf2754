"""Names spelled as the record has them: drafting/names.py."""

from __future__ import annotations

from afterword.drafting.names import NameIndex, RecordName


def test_a_name_written_without_its_titles_is_no_slip_but_a_misspelled_one_is():
    """ "Dear Pieter van den Berg" greets "Ir. Pieter van den Berg"; "van den Burg" is a slip."""
    index = NameIndex([RecordName("Ir. Pieter van den Berg", "person")])

    assert index.slips("Dear Pieter van den Berg,") == []
    assert [slip.written for slip in index.slips("Dear Pieter van den Burg,")] == ["Burg"]
