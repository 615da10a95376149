"""A person identified (issue 16): "The police identified the victim as Ann Lee" put in
a story that named no Ann Lee tells the reader who the person is, the most telling
name change a developing story makes, even when the words come in a paragraph or a
sentence of their own (where any other name would ride with the new material).
"""

from __future__ import annotations

import re

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1

# "identified as", "identified her as", "identified the dead man as", "named him as":
# the newsroom's verb for giving an unnamed person's name, a few words between at most
_IDENTIFIED_AS = re.compile(r"\b(?:identified|named)\b(?:\s+[\w’'-]+){0,3}?\s+as\s+")
# the name after it: capitalised words and initials, joined by small name words
# ("Army Sgt. Ann B. Lee", "Ann de Vries"), up to a comma, a number or a lower-case word
_NAME_RUN = re.compile(r"(?:[A-Z][\w’'-]*\.?)(?:\s+(?:(?:de|van|von|der|den|da|di|del|la|le|bin|al)\s+)*[A-Z][\w’'-]*\.?)*")


def identified(text: str) -> list[str]:
    """The names ``text`` gives someone with "identified (...) as" or "named (...) as",
    each of two words or more (a first name and a surname at least)."""
    found = []
    for m in _IDENTIFIED_AS.finditer(text):
        run = _NAME_RUN.match(text, m.end())
        if run:
            name = run.group().rstrip(".")
            if len(name.split()) >= 2:
                found.append(name)
    return found


def surname(name: str) -> str:
    """The last word of a name, the one a story goes on to call them by."""
    return name.split()[-1].rstrip(".,’'")
