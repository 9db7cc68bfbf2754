"""A printed letter's edited text back into the blocks of the page (sender, date, ... signature).

The editor shows a letter as plain text, its blocks separated by blank lines, in the order
``drafting.thank_you.letter_text`` writes them. The user may change any of it; printing needs
the blocks again, so the text is read back here, leaning on the letter Afterword composed for
whatever the user's text does not make plain.
"""

from __future__ import annotations

import re

from afterword.drafting.model import Letter

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SALUTATION = re.compile(r"^(dear|hello|hi|good (morning|afternoon))\b", re.IGNORECASE)
# A sign-off is one short line ending in a comma ("Yours sincerely,", "Warm regards,").
_SIGN_OFF = re.compile(r"^[^\n.!?]{2,40},$")


def blocks_of(text: str) -> list[str]:
    return [block.strip() for block in _BLANK_LINE.split(text.strip()) if block.strip()]


def letter_from_text(composed: Letter, text: str) -> Letter:
    """The letter as the user wrote ``text``, laid out like ``composed``.

    1. Split the text into blocks at blank lines.
    2. The salutation is the first block that opens like one ("Dear ..."); the blocks before it
       are the sender, date and recipient blocks, taken from the text when there are as many
       as Afterword wrote, else Afterword's own (the page needs them in their places).
    3. At the end, a short line ending in a comma is the sign-off; whatever follows it (or the
       lines under it in the same block) is the signature.
    4. Everything between is the letter's paragraphs.
    """
    blocks = blocks_of(text)
    heads = [
        ("sender", "\n".join(composed.sender_lines)),
        ("date", composed.date_line),
        ("recipient", "\n".join(composed.recipient_lines)),
    ]
    written = [name for name, block in heads if block]
    found = {name: block for name, block in heads}
    salutation = composed.salutation
    start = next((i for i, block in enumerate(blocks) if _SALUTATION.match(block)), None)
    if start is not None:
        if start == len(written):
            found.update(zip(written, blocks[:start], strict=True))
        first_line, _, rest = blocks[start].partition("\n")
        salutation = first_line.strip()
        body = ([rest.strip()] if rest.strip() else []) + blocks[start + 1 :]
    else:
        body = blocks[len(written) :] if _starts_with_heads(blocks, heads) else blocks
    paragraphs, closing, signature = _tail(body)
    return Letter(
        sender_lines=tuple(found["sender"].splitlines()),
        date_line=found["date"],
        recipient_lines=tuple(found["recipient"].splitlines()),
        salutation=salutation,
        paragraphs=tuple(paragraphs),
        closing=closing,
        signature=signature,
    )


def _starts_with_heads(blocks: list[str], heads: list[tuple[str, str]]) -> bool:
    """Whether the text still opens with Afterword's own sender, date and recipient blocks."""
    written = [block for _, block in heads if block]
    return blocks[: len(written)] == written


def _tail(body: list[str]) -> tuple[list[str], str, str]:
    """Split the last blocks into (paragraphs, sign-off, signature)."""
    for index in range(len(body) - 1, max(-1, len(body) - 3), -1):
        first, _, under = body[index].partition("\n")
        if _SIGN_OFF.match(first.strip()):
            after = [under.strip()] if under.strip() else []
            after += body[index + 1 :]
            return body[:index], first.strip(), "\n".join(after)
    # No sign-off in the text: the user removed it; the page prints none.
    return body, "", ""
