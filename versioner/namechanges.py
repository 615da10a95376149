"""Which names an edit changed: the names a reader sees on each side of a hunk, and
whether each really left the article or came into it (issue 16).

A name still standing on the other side, the same person named another way ("Ann
Lee" -> "Lee", "Mr Lee" -> "Lee", "Ann" -> "Lee" where the article writes "Ann Lee"),
an organisation and its initials, or a name glued to the next word by a page's
markup, is not a changed name.
"""

from __future__ import annotations

import functools
import re

from versioner.articlenames import (  # noqa: F401 (_is_word_char, _name_runs_on_to, _one_full_name: tests read them here)
    _WORD,
    ArticleNames,
    _alias_stands,
    _aliases,
    _full_name_in,
    _initials,
    _initials_stand,
    _is_word_char,
    _lead_capitals,
    _mentions_word,
    _name_runs_on_to,
    _one_full_name,
    _untitled,
    mentions,
)
from versioner.nameforms import legal_form_dropped, people_plural
from versioner.namelists import joins_named_list
from versioner.names import (
    FUNCTION_WORDS,
    NAME_JOINERS,
    attributive,
    common_words,
    contracted_in,
    demonym_noun,
    is_ordinary,
    plain,
    wider_scope,
)
from versioner.reading import DATE_WORDS, Reading

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 11: one person (or place) put in place of another that both stand elsewhere is a change when the article
# names the one less often and the other more (a quote given to another speaker); initials are
# never respelt (q1flags)
# 12 (f1flags): a company with or without its legal form ("Acme plc" -> "Acme") is the same
# company; a people called by the plural of an ordinary noun ("Kiwis", "Brits") names no one
RULES_VERSION = 12  # 10: a name written short with a mark and spelt out on the other side ("S'poreans")
# is the same name (contracted_in, now in names.py)
# 9: places widened to a scope, a place trimmed off a headline, a demonym as a noun;
# two letters of a word under five are another name, not a respelling
# 8: one more person in a list of those who acted (namelists); headline moves
# 7: a headline written anew around names the story gives (or gave) changes no name
# 6: a name only put in or taken out as a modifier of a common noun is a detail
# 5: names in rewritten copy: a sentence for another, a short named phrase for a clause,
# a place cut to its head, a body with or without its country or kind, a detail after a colon
# 4: stricter headline names: a title alone, a demonym restyled, a name the story still names

def acronym(word: str) -> bool:
    """"NFI", "FBI": capitals only, two to five of them."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def changed_names(old: list[str], new: list[str], rd_old: Reading, rd_new: Reading,
                   known: ArticleNames | None) -> tuple[list[str], list[str]]:
    """The names of a hunk that really changed: a name on both sides, or still standing
    elsewhere in the other side's paragraph, is not changed; a name only removed (or only
    added) must also be gone from (or new to) the whole other revision."""
    gone = [n for n in dict.fromkeys(old) if not mentions(rd_new.text, n)]
    came = [n for n in dict.fromkeys(new) if not mentions(rd_old.text, n)]
    # a company named with or without its legal form ("Acme Steel plc" -> "Acme Steel") is
    # the same company
    gone = [n for n in gone if not legal_form_dropped(n, rd_new.text)]
    came = [n for n in came if not legal_form_dropped(n, rd_old.text)]
    # a name written short with a mark and spelt out on the other side is the same name
    gone = [n for n in gone if not contracted_in(n, rd_new.text)]
    came = [n for n in came if not contracted_in(n, rd_old.text)]
    if rd_new.headline and known is not None:
        # words moved within the headline are read apart from it: a name they carried
        # still stands in the other headline
        gone = [n for n in gone if not mentions(known.headline(1), n)]
        came = [n for n in came if not mentions(known.headline(0), n)]
    if not (gone or came):
        return gone, came  # every name stands on the other side (or there is none): nothing below adds one
    # a headline that now names someone names them, whatever the body said already
    if known is not None and not rd_new.headline:
        stay = ([n for n in gone if not known.mentioned(n, side=1)], [n for n in came if not known.mentioned(n, side=0)])
        # one name put in place of another keeps both, unless every one of them stands on
        # both sides (names only reordered, or moved with the words around them)
        if not (gone and came) or (stay == ([], []) and not _swapped(gone, came, known.texts, (rd_old.text, rd_new.text))):
            gone, came = stay
    elif known is not None and gone and not came:
        # a name only taken out of a headline that the story under it still names: the
        # headline shortened, the article names them as before
        gone = [n for n in gone if not known.mentioned(n, side=1)]
    elif known is not None and headline_rewritten(rd_old.text, rd_new.text):
        # a headline written anew, taking up a name the story already gave or leaving
        # one the story still gives: the headline tells the story another way, it names
        # no one the story did not (a name put in place of a phrase in words that stand,
        # "the suspect" -> "Ann Lee", still names them, above)
        gone = [n for n in gone if not known.mentioned(n, side=1)]
        came = [n for n in came if not known.mentioned(n, side=0)]
    if gone and came and [_untitled(n) for n in gone] == [_untitled(n) for n in came]:
        return [], []  # only a title or honorific changed ("Sir Ann Lee" -> "Ann Lee"): wording
    texts = known.texts if known is not None else (rd_old.text, rd_new.text)
    if gone and came:
        # the same person or body named another way is style, not a changed name (each
        # two asked once: in a long article each asking reads it whole several times)
        asked: dict[tuple[str, str], bool] = {}

        def same(n: str, c: str) -> bool:
            if (n, c) not in asked:
                asked[n, c] = same_entity(n, c, texts, known)
            return asked[n, c]

        gone, came = ([n for n in gone if not any(same(n, c) for c in came)],
                      [c for c in came if not any(same(n, c) for n in gone)])
    # a name read off a page's markup that glued two words ("Tuesdayon", "TheHouse"):
    # the words are still there, only their spacing differs
    gone = [n for n in gone if not _glued(n, texts[-1], known)]
    came = [n for n in came if not _glued(n, texts[0], known)]
    if not (gone and came):
        # a capital named where the article named its country (or the other way round), a
        # body spelt out where the article wrote its initials ("US" -> "United States")
        gone = [n for n in gone if not (_alias_stands(n, texts[-1], known) or _initials_stand(n, texts[-1], known))]
        came = [n for n in came if not (_alias_stands(n, texts[0], known) or _initials_stand(n, texts[0], known))]
    if not came:
        gone = [n for n in gone if not _still_named(n, rd_new.text, texts[-1], known)]
    if not gone and not rd_new.headline:
        came = [n for n in came if not _still_named(n, rd_old.text, texts[0], known)]
    if not (gone and came):
        # a name only put in (or only taken out) as a modifier of a common noun ("an
        # Olympic medal", "his Ostra hometown", "the Formula 1 record") tells a detail of
        # the thing named, not who or where; one put in place of another stays a change
        # (the reading rests on English word order and an English word list)
        gone, came = _not_modifiers(gone, rd_old.text), _not_modifiers(came, rd_new.text)
    # "a Canadian", "the Dutchman": a demonym used as a noun says who someone is, as "a
    # cyclist" would; it names no person, place or body
    gone = [n for n in gone if not (demonym_noun(n, rd_old.text) or people_plural(n, rd_old.text, texts))]
    came = [n for n in came if not (demonym_noun(n, rd_new.text) or people_plural(n, rd_new.text, texts))]
    if rd_new.headline and gone and not came:
        # "... can resume in Delmoor" -> "... can resume": a headline trimmed of where it
        # happened, no place put in its stead; the story happened where it did
        gone = [n for n in gone if not _where(n, rd_old.text)]
    return gone, came


def _swapped(gone: list[str], came: list[str], texts: tuple[str, ...], paragraphs: tuple[str, str]) -> bool:
    """Is one person or place put in place of another that both stand elsewhere in the
    article, the article naming the one less often and the other more often ("“...,” Lee
    said" -> "“...,” Tan said", both quoted in the story; "in Ostra" -> "in Vell", both
    places of the story)? Names only moved, or reordered, are named as often as before."""
    if len(gone) != 1 or len(came) != 1 or len(texts) != 2:
        return False
    g, c = _untitled(gone[0]).split()[-1:], _untitled(came[0]).split()[-1:]
    if not (g and c) or g == c:
        return False
    if not (all(_person(w, texts) for w in (g[0], c[0])) or (_where(gone[0], paragraphs[0]) and _where(came[0], paragraphs[1]))):
        return False
    return _times_named(texts[0], g[0]) > _times_named(texts[1], g[0]) \
        and _times_named(texts[1], c[0]) > _times_named(texts[0], c[0])


def _person(word: str, texts: tuple[str, ...]) -> bool:
    """Does the article write ``word`` as a person's surname somewhere, after a first name
    or a title ("Ann Lee", "Mayor Lee", "Mr Lee")? A country said to speak for its
    government ("Ardania said") and its capital ("Valsk said") are no two people."""
    pattern = re.compile(rf"\b[A-Z][\w'’-]*\.?[ \t]+{re.escape(word)}(?!\w)")
    return any(pattern.search(t) for t in texts)


def _times_named(text: str, word: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


# Prepositions that put a place after them as where something happened
_LOCATIVE = frozenset("in at near outside bij nabij te im bei".split())


def _where(name: str, text: str) -> bool:
    """Does ``text`` first write ``name`` as a place after a locative preposition ("in
    Delmoor"), not as someone's ("in Ann Lee's house")?"""
    at = text.find(name)
    end = at + len(name)
    if at < 0 or text[end:end + 2] in ("'s", "’s"):
        return False
    before = _WORD.findall(text[max(0, at - 12):at])
    return bool(before) and before[-1].lower() in _LOCATIVE


def headline_rewritten(old: str, new: str) -> bool:
    """Is a headline written anew: fewer than half of the words of either side (case
    aside, each counted once) standing on the other? One that keeps most of its words
    and gains a sentence still says what it said."""
    a, b = ({w.lower() for w in _WORD.findall(t)} for t in (old, new))
    return 2 * len(a & b) < min(len(a), len(b))


def _not_modifiers(names: list[str], text: str) -> list[str]:
    """``names`` without those that stand in ``text`` only as modifiers of a common noun;
    whether the text reads as English is asked once, and only when there are names."""
    if not names or not reads_english(text):
        return names
    return [n for n in names if not attributive(n, text)]


def _still_named(name: str, paragraph: str, article: str, known: ArticleNames | None = None) -> bool:
    """Is the one ``name`` names still named on the other side: its surname ("Ann Lee" ->
    "Lee", a full name shortened), or the name itself with a page's markup gluing it to the
    next word ("Lee said" -> "Leesaid")?"""
    words = _untitled(name).split()
    if len(words) > 1 and mentions(article, words[-1], known):
        return True
    # a name built on "of" cut to its head where it stood ("the Gulf of Ostra" -> "the
    # Gulf", "the University of Dellmar" -> "the University"): the place or body named short
    head = next((i for i, w in enumerate(words) if w in NAME_JOINERS), 0)
    if head and _mentions_word(paragraph, " ".join(words[:head])):
        return True
    return len(compact(name)) >= 3 and compact(name) in _compacted(paragraph)


def _glued(name: str, other: str, known: ArticleNames | None = None) -> bool:
    """Is the last word of ``name`` two words a page's markup glued together, a word the
    ``other`` revision writes apart: a name and a small word after it ("Tuesdayon"), a
    name and a longer ordinary word that ``other`` also writes ("Leesigned"), or ordinary
    words run together ("Leesaidin"), or a capitalised small word and the name after it
    ("TheHouse")?"""
    word = plain(name.split()[-1]) if name.split() else ""
    splits, glued_name, opening_run = _glue_points(word)
    apart: bool | None = None  # does ``other`` lack the word itself: read once, when first asked
    for head, tail, asks_other in splits:
        if asks_other and not _mentions_word(other, tail, known):
            continue
        if apart is None:
            apart = not _mentions_word(other, word, known)
        if apart and (_mentions_word(other, head, known) or head.lower() in _CALENDAR):
            return True
    if glued_name and _mentions_word(other, glued_name, known):
        return True
    return opening_run


@functools.lru_cache(maxsize=4096)
def _glue_points(word: str) -> tuple[tuple[tuple[str, str, bool], ...], str, bool]:
    """What ``_glued`` reads of ``word`` alone, read once for each word however often
    it is asked: where it may split into a head and a lower-case tail that a page glued
    to it (each with whether the tail must stand in the other revision too), the name
    after a capitalised small word glued to it ("" if none), and whether it is such a
    word glued to ordinary lower-case words ("Thebillto")."""
    splits = []
    for k in range(len(word) - 1, 2, -1):
        head, tail = word[:k], word[k:]
        # a tail of five letters or more: a shorter ordinary word ends many a name
        # ("John" + "son", "Gold" + "man"); a longer one must stand in ``other`` too
        if not tail.islower():
            continue
        if tail in FUNCTION_WORDS or _ordinary_run(tail):
            splits.append((head, tail, False))
        elif len(tail) >= _GLUED_WORD and is_ordinary(tail):
            splits.append((head, tail, True))
    m = _GLUED_CAPITALS.fullmatch(word)
    glued_name = m.group(2) if m and m.group(1).lower() in FUNCTION_WORDS else ""
    # a capitalised small word glued to ordinary lower-case words ("Thebillto"): the page
    # lost the spaces of a sentence's opening, no name was written
    opening_run = any(word[:k].lower() in _DETERMINERS and _ordinary_run(word[k:]) for k in range(3, min(len(word), 6)))
    return tuple(splits), glued_name, opening_run


_GLUED_CAPITALS = re.compile(r"([A-Z][a-z]+)([A-Z]\w{2,})")


# The shortest ordinary word read as glued to a name when the other side writes it apart
_GLUED_WORD = 5

# Words that open a noun phrase and never a name: a name does not begin with one glued
# to an ordinary word ("Thebillto"), as "As" + "her" might ("Asher")
_DETERMINERS = frozenset("the this that these those his her their its".split())


def _ordinary_run(rest: str) -> bool:
    """Is ``rest`` (five letters or more) lower-case ordinary words run together, one of
    four letters or more ("billto": "bill" "to"), each a small word or one of three
    letters or more? Short runs are left alone: "Her" + "bert" is a name."""
    if len(rest) < 5 or not rest.islower() or not rest.isalpha():
        return False
    for k in range(len(rest), 3, -1):
        head, tail = rest[:k], rest[k:]
        if is_ordinary(head) and (not tail or tail in FUNCTION_WORDS or (len(tail) >= 3 and is_ordinary(tail))):
            return True
    return False


# Days and months: capitalised, never the start of a longer name glued to a small word
# ("May" can be: "Mayfield")
_CALENDAR = DATE_WORDS - {"may"}


@functools.lru_cache(maxsize=8)
def _compacted(text: str) -> str:
    """compact(text), made once per paragraph however many names are looked up in it."""
    return compact(text)


def compact(s: str) -> str:
    """``s`` lower case with only its letters and digits (spaces and hyphens gone)."""
    return _NOT_ALNUM.sub("", s.lower())


_NOT_ALNUM = re.compile(r"[\W_]+")


# Endings that make a place's people or adjective ("California" -> "Californians")
_DEMONYM_FORMS = ("an", "i", "ese", "ish")
_DEMONYM_ENDS = ("s", "n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish")


def same_entity(a: str, b: str, texts: tuple[str, ...] = (), known: ArticleNames | None = None) -> bool:
    """Are ``a`` and ``b`` one person, place or body named two ways: with and without a
    title, glued to a word by a page's markup, an organisation and its initials, a place
    and its people, or two parts of one full name that ``texts`` write whole?"""
    ua, ub = _untitled(a), _untitled(b)
    ca, cb = compact(ua), compact(ub)
    if not ca or not cb:
        return False
    if ca == cb or _initials(ua) == _lead_capitals(ub) or _initials(ub) == _lead_capitals(ua) or _aliases(ua, ub):
        return True
    short, long_ = sorted((ca, cb), key=len)
    if demonym_restyled(ca, cb):
        return True
    if long_.startswith(short) and long_[len(short):] in _DEMONYM_ENDS:
        # a plain "s" makes people of a demonym ("Californian" -> "Californians"), but of a
        # surname another surname ("Varga" -> "Vargas", "William" -> "Williams"); a plain
        # "n" makes them only of a place ending in "a" ("Korea" -> "Korean"): after another
        # letter it spells another name ("Dong-hoo" -> "Dong-hoon", "Jo" -> "Jon")
        end = long_[len(short):]
        if end in ("n", "ns"):
            return short.endswith("a")
        return end != "s" or short.endswith(_DEMONYM_FORMS)
    if _one_body(ua, ub):
        return True
    # two single words (a first name for a surname): one full name written somewhere
    return " " not in ua and " " not in ub and _full_name_in(ua, ub, texts, known)


# Words that say what kind of body a name is, not which one ("the Treasury Department",
# "Acme Group"): written or left out as a paper's style likes
_KIND_OF_BODY = frozenset("""department ministry office agency bureau service council authority
commission group company corporation corp inc co ltd plc""".split())


def _one_body(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one body named with and without its country's initials or a
    word for its kind ("US Treasury" / "Treasury Department")? They share a word that
    says which body, and each other word is such a word, one country's initials at most
    ("US Treasury" / "UK Treasury" are two)."""
    wa, wb = a.split(), b.split()
    shared = set(wa) & set(wb)
    rest = [w for w in wa + wb if w not in shared]
    if not rest or not any(w.lower() not in _KIND_OF_BODY for w in shared):
        return False
    initials = [w for w in rest if w.lower() not in _KIND_OF_BODY]
    return len(initials) <= 1 and all(acronym(w.replace(".", "")) and len(w.replace(".", "")) <= 3 for w in initials)


# Endings two styles of one demonym trade ("Argentinian" / "Argentine", "Argentinean"),
# each pair as it stands: no wider set, where two first names part ("Christian", "Christine")
_DEMONYM_STYLES = (("ian", "e"), ("ian", "ean"))


def demonym_restyled(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` (compacted) one demonym in two styles: one stem of four
    letters or more with the two endings of a pair?"""
    for x, y in _DEMONYM_STYLES:
        for p, q in ((a, b), (b, a)):
            if p.endswith(x) and q.endswith(y) and len(p) - len(x) >= 4 and p[:-len(x)] == q[:-len(y)]:
                return True
    return False


@functools.lru_cache(maxsize=64)
def reads_english(text: str) -> bool:
    """Are most of the lower-case words of ``text`` (its first 2,000 characters) ordinary
    English words?"""
    words = [w.lower() for w in _WORD.findall(text[:2000]) if w.islower() and w.isalpha() and len(w) > 2]
    # is_ordinary() of each, looked up in the word list at once: a word of letters only
    # has no possessive ending for plain() to drop
    return not words or 2 * sum(map(common_words().__contains__, words)) >= len(words)


def added_beside(old_w: list[str], new_w: list[str], names: list[str], text: str, start: int, end: int) -> bool:
    """Does the edit only put words in beside the old ones (every old word still stands
    in the new), or put its ``names`` in a list of examples ("including ...", "such as
    ...")?"""
    first = text.find(names[0], start, end) if names else -1
    if first >= 0 and _after_examples(text, first):
        return True
    if first >= 0 and _sentence_of_its_own(text, start, end):
        return False  # "Ann Lee, a teacher, drove the injured to hospital." put in: someone named

    if first >= 0 and joins_named_list(text, first):
        return False  # "Ann Lee and Tom Berg" -> "Ann Lee, Tom Berg and Ida Marsh"
    # the words just before it in its own clause: after a colon or a full stop a new
    # clause starts ("A city at a standstill: Ostra as never seen"), nothing described
    lead = _CLAUSE_BREAK.split(text[max(0, first - 40):first])[-1] if first >= 0 else ""
    before = _WORD.findall(lead)
    if before and text[first - 1] in "-‑":
        before.pop()  # "the zaak-Ann Lee": the word the name is hyphened to is part of it
    if before and before[-1].islower() and before[-1] not in _LEADS_TO_DETAIL:
        return False  # "the health minister Ann Lee", "the victim, Ann Lee": the person identified
    left = list(new_w)
    for w in old_w:
        if w not in left:
            return False
        left.remove(w)
    return True


def _sentence_of_its_own(text: str, start: int, end: int) -> bool:
    """Is [start, end) of ``text`` one or more whole sentences put in: it starts where a
    sentence does and ends with a sentence's end?"""
    piece = text[start:end].strip()
    before = text[:start].rstrip()
    return len(_WORD.findall(piece)) >= 3 and (not before or before[-1] in ".!?\"”") and piece[-1:] in ".!?\"”" \
        and piece[:1].isupper()


# Small words after which a name put in adds a place, a party or one more of a list
# ("in Ostra", "and Ann Lee", "across Europe"); after any other word ("the minister Ann
# Lee", "identified as Ann Lee") it names whom the text described
_LEADS_TO_DETAIL = (FUNCTION_WORDS | NAME_JOINERS | frozenset(
    "across near between including like such into toward towards outside inside throughout around over "
    "under through via among than".split())) - {"as"}


_CLAUSE_BREAK = re.compile(r"[.:;!?—–(]")


def _after_examples(text: str, start: int) -> bool:
    """Does ``start`` stand in a list of examples opened by "including" or "such as"
    earlier in its clause?"""
    clause = re.split(r"[.;:!?—–(]", text[max(0, start - 120):start])[-1]
    return re.search(r"\b(?:including|such as)\b", clause, re.IGNORECASE) is not None


def source_aside(text: str, start: int, end: int, names: list[str]) -> bool:
    """Is [start, end) of ``text`` an aside that cites a source between commas, a name
    and a few words of its verb (", Acme Research projects,", ", the agency has said,")?"""
    if len(names) != 1:
        return False
    piece = text[start:end]
    before, after = text[:start].rstrip(), text[end:].lstrip()
    inner = re.sub(r"^(?:the|The)\s+", "", piece.strip(" ,"))
    opened = piece.lstrip().startswith(",") or before.endswith(",")
    closed = piece.rstrip().endswith(",") or after.startswith(",")
    if not (opened and closed and inner.startswith(names[0])):
        return False
    verb = _WORD.findall(inner[len(names[0]):])
    return 1 <= len(verb) <= 3 and all(w.islower() for w in verb)


def apostrophe_in_name(old_w: list[str], new_w: list[str]) -> bool:
    """Is the one word an apostrophe put in or taken out inside a capitalised word
    (not a possessive's)?"""
    if len(old_w) != 1 or len(new_w) != 1 or not old_w[0][:1].isupper():
        return False
    a, b = (plain(w) for w in (old_w[0], new_w[0]))
    return a != b and a.replace("’", "").replace("'", "").lower() == b.replace("’", "").replace("'", "").lower()


def names_make_edit(names_old: list[str], old_w: list[str], names_new: list[str], new_w: list[str],
                    speakers: bool = False) -> bool:
    """Do the names make the change (a name dropped or put in: "another woman" -> "Ann
    Lee, his sister"), rather than ride in a sentence rewritten around them? A long clause
    put in place of another is a rewrite, whatever names it carries. ``speakers``: each
    side has a verb of saying (the names say who said it: attribution, not names)."""
    if old_w and new_w and max(len(old_w), len(new_w)) > _SHORT_EDIT:
        # ... unless one side is a short phrase that holds a name ("by an Acme executive"
        # -> "by Ann Lee, who now runs ..."): that name taken out or put in is the point,
        # the long side spells out what took its place
        return not speakers and any(names and len(words) <= _SHORT_REPLACEMENT
                                    for names, words in ((names_old, old_w), (names_new, new_w)))
    # words put in place of others: the names must be the most of a side's words, or the
    # side short, for the names to be the point ("Congress passed it" -> "Ann Lee signed
    # it into law" is a clause rewritten); words only taken out or put in carry their names
    short = _SHORT_REPLACEMENT if old_w and new_w else _SHORT_EDIT
    if names_old and not names_new and new_w and wider_scope(new_w) and _only_names(names_old, old_w):
        # "across Varossa and Ostmark" -> "around the world": places widened to a scope,
        # a claim made wider (wording), no place misnamed or put right
        return False
    if names_old and names_new and min(len(old_w), len(new_w)) > short:
        # names on both sides of words longer than a short phrase: one sentence (a whole
        # headline, often) put in place of another about other things, not a name fixed in
        # words that stand; names only taken out (or only put in) still un-name (or name)
        # someone
        return False
    return bool(names_old and _names_carry(names_old, old_w, short)) \
        or bool(names_new and _names_carry(names_new, new_w, short))


def _only_names(names: list[str], words: list[str]) -> bool:
    """Are ``words`` the ``names`` and the small words that list them ("Varossa and
    Ostmark", "across Ostra")?"""
    named = {w for n in names for w in n.split()}
    return all(w.strip(".,;:") in named or w.lower().strip(".,;:") in _LEADS_TO_DETAIL for w in words)


def _names_carry(names: list[str], words: list[str], short: int) -> bool:
    named = sum(len(n.split()) for n in names)
    return len(words) <= short or 3 * named >= len(words)


# words in an edit short enough that a name added or dropped in it is the point of the edit
_SHORT_EDIT = 12
# ... and in words put in place of others ("a top executive" -> "Ann Lee")
_SHORT_REPLACEMENT = 4


def respelling(a: str, b: str, distance: int) -> bool:
    """Is one word for another ``distance`` letters apart a name respelt? One letter is;
    two are only in words of five letters or more ("Mohammed" -> "Muhammad"): in a
    shorter word they are most of it, another word ("Star" -> "Sea"). Initials are never
    respelt: "UN" -> "UK" names another body."""
    if acronym(a.replace(".", "")) and acronym(b.replace(".", "")):
        return False
    return distance <= 1 or min(len(a), len(b)) >= 5


def whole_name(words: list[str], names: list[str]) -> list[str]:
    """The one name of ``names`` that holds the one changed word of ``words``, else
    ``words``: "Star" in "Northern Star" is told as "Northern Star"."""
    held = [n for n in names if len(words) == 1 and words[0] in n.split()]
    return held if len(held) == 1 else words

