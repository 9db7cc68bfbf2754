"""What turns a cue off or down in its clause: negations, hedges, and where a clause ends.

meaning.py reads a cue for an offer, a next round or a withdrawal as absent when a negation
comes before it in its clause, and a cue for an offer, a next round or a rejection as weak
after a hedge. "Neither a yes nor a no" is no offer and no rejection but a decision to come.
"""

from __future__ import annotations

import re

# A negation before a cue in its clause turns it off: "not selected", "n'a pas été retenue".
NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|unable|nicht|kein\w*|nie|pas|ne|non|niet|geen|não|nunca|jamais)"
    r"\b|n't\b"
)
# Idioms with a negation that negate nothing about the application.
NOT_A_NEGATION = re.compile(
    r"can't wait|cannot wait|couldn't be happier|not only|no doubt|(?:don't|do not) hesitate|"
    r"n'hésite[zr]? pas|no problem|no rush|ne manquer\w* pas"
)
# A hedge before a cue in its clause makes it weak: "we may want to invite you back".
HEDGE = re.compile(
    r"\b(?:may|might|could(?! you)|possibly|perhaps|maybe|likely|probably|hopefully|if|"
    r"whether|considering|thinking about|eventuell|vielleicht|möglicherweise|peut-être|"
    r"éventuellement|quizás?|tal vez|posiblemente|misschien|forse|talvez)\b"
)
# Where a clause ends, for negations and hedges: punctuation and the words that turn it.
CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s-\s|\b(?:but|however|although|though|while|aber|jedoch|mais|cependant|pero|"
    r"sin embargo|maar|ma|mas|porém)\b"
)

# "Weder eine Zusage noch eine Absage", "ni oui ni non", "we can't give you a yes or a no": the
# offer and rejection words inside say that neither has come, in seven languages.
NEITHER_NOR = re.compile(
    r"\bneither (?:a |an )?(?:yes|positive (?:answer|response|decision)|offer)\b,? nor (?:a |an )?"
    r"(?:no|negative (?:answer|response|decision)|rejection)\b|"
    r"(?:\bnot|n't|\bno) (?:\w+ ){0,3}(?:either )?(?:a |an )?yes,? (?:or|nor) (?:a |an )?no\b|"
    r"\bweder (?:eine |ein )?(?:zu(?:sage|sagen|-)|positive\w*|ja)(?: \w+)? noch (?:eine |ein )?"
    r"(?:ab(?:sage|sagen)|negative\w*|nein)\b|"
    r"\b(?:keine|nicht) (?:\w+ )?zu- (?:oder|noch) absage\b|"
    r"\bni (?:une |un )?(?:réponse |retour )?(?:positi\w+|oui)\b,? ni (?:une |un )?(?:réponse |"
    r"retour )?(?:négati\w+|non)\b|"
    r"\bni (?:un |una )?(?:sí|respuesta positiva)\b,? ni (?:un |una )?(?:no|negativa)\b|"
    r"\b(?:geen|nog geen) ja (?:of|noch) nee\b|\bnoch ja,? noch nee\b|"
    r"\bné (?:un |una )?(?:sì|risposta positiva)\b,? né (?:un |una )?(?:no|negativa)\b|"
    r"\bnem (?:um |uma )?(?:sim|resposta positiva)\b,? nem (?:um |uma )?(?:não|negativa)"
)
