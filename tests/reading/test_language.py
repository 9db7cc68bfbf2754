"""A rough language guess from common words: reading/language.py."""

from __future__ import annotations

import pytest

from afterword.reading.language import guess_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am out of the office and will be back on Monday.", "en"),
        ("Ich bin bis zum 4. Dezember nicht im Büro und ab dem 7. wieder da.", "de"),
        ("Je suis absente du bureau jusqu'au 11 décembre, de retour le 14.", "fr"),
        ("Estaré fuera de la oficina hasta el 9 de diciembre, gracias.", "es"),
        ("Ik ben met vakantie tot en met 11 december en niet op kantoor.", "nl"),
        ("Sono in ferie fino al 7 dicembre e non in ufficio.", "it"),
        ("Estou de férias até 11 de dezembro, obrigado.", "pt"),
    ],
)
def test_each_supported_language_is_recognised(text: str, expected: str):
    """Seven languages of away notices."""
    assert guess_language(text) == expected


def test_too_little_text_gives_no_guess():
    """One word is not enough to say."""
    assert guess_language("OK") is None
