"""What one interviewer's thank-you may say, taken from the notes (K4, C4).

The person's own notes (else the interview's) give the topics: only things about the work, each
rewritten as a clean phrase. The points the user forgot or wants to clarify go only to the person
``routing`` picks. Questions, private remarks and logistics are kept out. Where something the user
wanted said cannot be put into good English, the draft gets one slot for the user to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from afterword.drafting.notes import NoteItem, Source, note_items
from afterword.drafting.phrasing import join_words
from afterword.drafting.prose import echoes_a_note, keys_of
from afterword.drafting.rewrite import point_clause, slot, states_a_fact, topic_phrase
from afterword.drafting.routing import recipient
from afterword.rules.case import Case, Interview, Interviewer

MAX_TOPICS = 3
MAX_TOPIC_WORDS = 10
# Short enough that siblings thanked for the same question share no long run of words.
MAX_ASKED_WORDS = 8


@dataclass(frozen=True, slots=True)
class Material:
    """The rewritten pieces of one thank-you; ``slot`` is where the user must write."""

    topic: str | None = None
    forgot: str | None = None
    clarify: str | None = None
    # The visible gap, and whether it stands for the topic (the fit sentence) or for a point.
    slot: str | None = None
    slot_for_topic: bool = False
    # What they asked about the user ("my thesis"), when they named nothing of their own: a
    # thank-you thanks them for the question, never praises it as their emphasis.
    asked: str | None = None


def joined_topics(phrases: list[str]) -> str | None:
    """Up to three topics, as long as they stay short together: "triage and throughput".

    A phrase with its own "and" ends the list after a comma ("tax season crunch, 1040s and
    1120s"), so that no list reads "A and B and C"; one that comes first stands alone.
    """
    chosen: list[str] = []
    for phrase in phrases:
        if phrase.lower() in (c.lower() for c in chosen):
            continue
        if chosen and (
            len(chosen) >= MAX_TOPICS
            or sum(len(p.split()) for p in [*chosen, phrase]) > MAX_TOPIC_WORDS
            or " and " in f" {chosen[0]} "
        ):
            break
        if chosen and " and " in f" {phrase} ":
            return f"{', '.join(chosen)}, {phrase}"
        chosen.append(phrase)
    return join_words(chosen) or None


def topic_items(interview: Interview, person: Interviewer | None) -> list[NoteItem]:
    """The person's own notes win over the interview's: that is what makes the note theirs."""
    own = person.emphasised if person is not None else None
    return [i for i in note_items(own or interview.emphasised, "emphasised") if i.kind == "topic"]


def points_for(interview: Interview, person: Interviewer | None, source: Source) -> list[NoteItem]:
    """The points of one field that belong in this person's thank-you (routing.py)."""
    if person is None:
        return []
    text = interview.forgot if source == "forgot" else interview.to_clarify
    return [
        item
        for item in note_items(text, source)
        if item.kind == "point" and recipient(interview, item, source) == person.id
    ]


def material_for(interview: Interview, person: Interviewer | None) -> Material:
    """Topics, the person's points, and at most one slot (a point first: the user meant to
    say it; else the topic, when nothing of it could be written)."""
    topics = topic_items(interview, person)
    # A phrase that reads like one of the user's private remarks or questions (another field
    # may say "intake seemed chaotic" beside a topic "intake") is left out: never a doubt.
    private = kept_private(interview)
    phrases = [
        p
        for p in (topic_phrase(item.text) for item in topics)
        if p and not echoes_a_note(p, private, _template_keys())
    ]
    # "asked about my thesis" is the user's own matter: thanked for as a question, and only
    # when they named nothing of their own; "how I handle burnout" is never repeated to them.
    theirs = [p for p in phrases if not _own_matter(p)]
    asked = next(
        (p for p in phrases if p.lower().startswith("my ") and len(p.split()) <= MAX_ASKED_WORDS),
        None,
    )
    topic = joined_topics(theirs)
    rewritten: dict[Source, str | None] = {}
    failed: list[str] = []
    for source in ("forgot", "to_clarify"):
        rewritten[source] = None
        for item in points_for(interview, person, source):
            clause = point_clause(item.text)
            if clause is not None and echoes_a_note(clause, private, _template_keys()):
                continue
            if clause is None:
                failed.append(item.text)
            elif rewritten[source] is None:
                rewritten[source] = clause
    gap: str | None = None
    for_topic = False
    # A topic that states a fact ("client is a fintech") is no failure: the note has no topic
    # to name, and the draft says something general instead of asking the user to write.
    unwritten = [
        item for item in topics if topic_phrase(item.text) is None and not states_a_fact(item.text)
    ]
    if failed:
        gap = slot(failed[0])
    elif unwritten and topic is None and asked is None:
        gap, for_topic = slot(unwritten[0].text), True
    return Material(
        topic,
        rewritten["forgot"],
        rewritten["to_clarify"],
        gap,
        for_topic,
        asked=None if topic else asked,
    )


_OWN_CLAUSE = re.compile(r"^(?:if|whether|how|why|what|when|where)\b.*\bI\b")


def _own_matter(phrase: str) -> bool:
    """ "my thesis", "if I speak French", "how I handle burnout": about the user, not them."""
    return phrase.lower().startswith("my ") or _OWN_CLAUSE.match(phrase) is not None


@cache
def _template_keys() -> frozenset[str]:
    """The words of the thank-you templates, which stand beside a topic in its sentence."""
    folder = Path(__file__).with_name("templates")
    return keys_of(" ".join(path.read_text() for path in sorted(folder.glob("thank_you_*.j2"))))


def checked_topics(interview: Interview, person: Interviewer | None) -> tuple[str, ...]:
    """What the checker looks for in a thank-you to show it is specific (K4)."""
    topic = material_for(interview, person).topic
    return (topic,) if topic else ()


def note_words(case: Case) -> list[str]:
    """The texts Afterword writes from every note of the case (topics and points), which the
    speller accepts as the record's own words."""
    texts: list[str] = []
    for interview in case.interviews:
        for person in (None, *interview.interviewers):
            material = material_for(interview, person)
            texts += [
                t for t in (material.topic, material.forgot, material.clarify, material.asked) if t
            ]
    return texts


def kept_private(interview: Interview) -> tuple[str, ...]:
    """The questions and private remarks of an interview's notes: never for the employer."""
    texts = [interview.emphasised, interview.forgot, interview.to_clarify]
    texts += [person.emphasised for person in interview.interviewers]
    # Questions and private remarks are told apart the same way in every field.
    found = [
        item.text
        for text in texts
        for item in note_items(text, "forgot")
        if item.kind in ("question", "private")
    ]
    return tuple(dict.fromkeys(found))
