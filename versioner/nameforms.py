"""One company or one people written another way: a company's legal form written or
dropped ("Acme Steel plc", "Acme Steel"), a people called by a plural that names no
one ("Kiwis", "Brits", "Nederlanders"). namechanges.changed_names asks these before it
calls a name changed; hunkrules asks legal_form_only of an edit's words (issue 16)."""

from __future__ import annotations

import re

from versioner.articlenames import mentions
from versioner.names import common_words

# Bump when an edit here changes what compare_pair returns (see namechanges.RULES_VERSION).
# 1 (f1flags): out of namechanges.py (its version 12), where these were written
RULES_VERSION = 1


# A company's legal form after its name, in the languages and markets the tool reads
_LEGAL_WORDS = r"(?:Ltd|Limited|Inc|Incorporated|plc|PLC|LLC|Corp|Corporation|AG|SA|S\.A|GmbH|N\.?V|B\.?V|ASA|SpA|Pty" \
    r"|Party|Partij)\.?"  # (a party is named with or without the word: "the Labour Party", "Labour")
_LEGAL_FORM = re.compile(rf",?\s+{_LEGAL_WORDS}$")


def legal_form_dropped(name: str, other: str) -> bool:
    """Does ``other`` name the company ``name`` is, without (or with) its legal form
    ("Acme Steel plc" where it says "Acme Steel")? The same company, written another way."""
    bare = _LEGAL_FORM.sub("", name)
    if bare != name:
        return len(bare) >= 3 and mentions(other, bare)
    return re.search(rf"(?<!\w){re.escape(name)},?\s+{_LEGAL_WORDS}(?!\w)", other) is not None


# Dutch plurals for a country's or a city's people ("Nederlanders", "Amsterdammers", "Hagenaars",
# "Amerikanen"), and those formed otherwise that news copy uses most
_INHABITANTS_NL = re.compile(r"[A-Z][a-z]{3,}(?:landers|dammers|naars|ingers|kanen|anen)$|(?:Belgen|Duitsers|Fransen|"
                             r"Britten|Spanjaarden|Polen|Turken|Russen|Chinezen|Oekraïners|Surinamers|Israëliërs)$")
# Words that open a people's name of two words ("New Zealanders", "South Africans")
_PEOPLE_LEADS = frozenset("New North South East West".split())


def people_plural(name: str, paragraph: str, texts: tuple[str, ...]) -> bool:
    """Is ``name`` one capitalised word that is the plural of an ordinary noun, with no
    "the" before it, which the article never writes as a person's surname ("Kiwis
    shouldn't", "many Aussies", "Brits abroad")? A people called by its nickname, as
    "holidaymakers" would call them: no person, place or body named. ("the Giants" is a
    team; "Ann Brooks" makes "Brooks" a surname.)"""
    if " " in name:
        lead, _, rest = name.partition(" ")
        # "New Zealanders", "South Africans": no first name opens them
        return lead in _PEOPLE_LEADS and " " not in rest and rest.endswith(("ers", "ans"))
    if len(name) < 4 or not name[:1].isupper() or name.isupper():
        return False
    if _INHABITANTS_NL.match(name):
        return not _surname(name, texts)  # "Nederlanders", "Amsterdammers": Dutch has no word list here
    if not name.endswith("s"):
        return False
    low = name.lower()
    words = common_words()
    # "brits" -> "brit", "tories" -> "tory", "aussies" -> "aussie", "yankees" -> "yankee"
    singulars = (low[:-1], low[:-3] + "y") if low.endswith("ies") else (low[:-1],)
    if low not in words or not any(w in words for w in singulars):
        return False
    at = paragraph.find(name)
    before = paragraph[max(0, at - 5):at].split()[-1:] if at > 0 else []
    if before and before[0].lower() in ("the", "de", "het"):
        return False
    return not _surname(name, texts)


def _surname(word: str, texts: tuple[str, ...]) -> bool:
    """Does the article write ``word`` after a first name or a title ("Ann Brooks",
    "Dr. Brooks")? Not after a word that opens a sentence ("Many Aussies", "Veel
    Nederlanders") or one that ends one ("Monday. Brooks")."""
    pattern = re.compile(rf"\b([A-Z][\w'’-]*|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Sgt|Lt)\.)[ \t]+{re.escape(word)}(?!\w)")
    return any(m.group(1).endswith(".") or not _opens(t, m.start()) for t in texts for m in pattern.finditer(t))


def _opens(text: str, at: int) -> bool:
    """Does the word at ``at`` open a sentence or a line?"""
    before = text[:at].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?:\n"


def legal_form_only(old_w: list[str], new_w: list[str]) -> bool:
    """Is every word an edit puts in or takes out a company's legal form ("plc", "N.V.")?"""
    words = old_w + new_w
    return bool(words) and all(_LEGAL_ONE.fullmatch(w) for w in words)


_LEGAL_ONE = re.compile(_LEGAL_WORDS)
