"""The patterns and word tables the figure reader (``figures.py``) matches with: number,
scale, ordinal and fraction words, month names, currency signs and codes, the regular
expressions built from them, the cheap scan for where a figure may start, and the
values of the words (``_SMALL_VALUES``, ``_SCALES``, ``_CUR_CODES``, ...)."""

from __future__ import annotations

import re

# Bump when an edit here changes what the reader returns (see figures.RULES_VERSION).
# 1: split from figures.py, outputs unchanged
# 2: Dutch dates ("27 mei 2016"), scales ("€35 miljoen"), "procent" and counts without
# their number ("tientallen", "honderden") (q3figures)
# 3: Dutch thousands: "1.250.000" is one number everywhere, "12.000" is 12000 in a Dutch sentence;
# thousands grouped by a space ("12 000", also a thin or no-break space) are one number; a decimal
# comma before "procent", "%", "miljoen" or "miljard" ("4,2 procent", "€1,5 miljard") is Dutch
RULES_VERSION = 3

# "Rs" and bare "rupees" do not say whose rupee; the sources this tool follows are mostly
# Pakistani, and a consistent guess is what matters when comparing two revisions.
RUPEE_DEFAULT = "PKR"

# --- patterns ---------------------------------------------------------------------------
# Case variants are spelled out as "[Oo]ne" rather than using re.IGNORECASE: the engine
# rejects a case-folded alternative far more slowly, and these run at every word start.

def _cap(words: str) -> str:
    """'one|two' -> '[Oo]ne|[Tt]wo'."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_WORDS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
               "nineteen")
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen|lakh|crore"
_ORD_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORD_OTHER = ("tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
              "eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|"
              "seventieth|eightieth|ninetieth|hundredth|thousandth|millionth|billionth")
_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|"
                "November|December")
# Dutch months, written small ("op 27 mei 2016"): read after a day or before a year only
_NL_MONTH_NAMES = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_CODES = "USD|GBP|EUR|PKR|INR|JPY|CNY|AUD|CAD|CHF|AED|SAR|HKD|SGD"

# Dutch number words ("zes doden" -> "acht doden"), the ones no English word is spelt as
# ("een" is also the article, "elf" an English word): copy in Dutch counts in them too
_DUTCH_WORDS = "twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig|dertig|veertig|vijftig"
_DUTCH_VALUES = (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 20, 30, 40, 50)

_SMALL = (rf"(?:(?:{_cap(_TENS_WORDS)})(?:[- ](?:{_UNIT_WORDS})\b)?"
          rf"|{_cap(_TEEN_WORDS)}|{_cap(_UNIT_WORDS)}|{_cap(_DUTCH_WORDS)})\b")
_SCALE_W = rf"(?:{_cap(_SCALE_WORDS)})\b"
# "a" counts only before a scale word ("a dozen", "a million"); "and" only after one, so
# "five and six" stays two figures while "one hundred and five" is one.
_WORDS = (rf"(?:{_SMALL}|[Aa](?=\s+{_SCALE_W}))(?:[\s-]+{_SCALE_W}(?:(?:\s+and)?\s+{_SMALL})?)*"
          r"(?![- ](?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|"
          r"eighths?|ninths?|tenths?)\b)")
# "a third", "two-thirds", "one and a half"-free forms: a share of something is a figure
# (a price rise "by a third" -> "by a quarter" changes its size), but it counts nothing.
_FRAC_PLURAL = "halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths"
_FRAC_ONE = "half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
# "a third round of talks" is an ordinal: after "a" a singular share needs a word that
# cannot start a noun phrase after it ("by a third since", "a quarter of").
_FRAC_FOLLOW = (r"(?=\s+(?:of|since|in|on|from|to|and|or|than|over|last|this|compared|between"
                r"|a|an|per)\b|\s*[^\w\s-]|\s*$)")
_FRAC = (rf"(?P<frac>(?:{_cap(_UNIT_WORDS)})[- ](?:{_FRAC_PLURAL})\b(?!-)"
         rf"|[Oo]ne-(?:{_FRAC_ONE})\b(?!-)"
         rf"|(?:[Aa]n?|[Oo]ne)\s(?:{_FRAC_ONE})\b{_FRAC_FOLLOW}"
         r"|[Hh]alf(?=\s+(?:of|the|a|an|its|their|his|her)\b)|(?<=by\s)half\b)")
_ORDW = (rf"(?P<ordw>(?:{_cap(_TENS_WORDS)})[- ](?:{_ORD_UNITS})\b"
         rf"|(?:{_cap(_ORD_OTHER)}|{_cap(_ORD_UNITS)})\b)")

# A count a reporter gives without its number ("several metres of snow", "dozens of
# homes", "scores more injured"): a figure an editor reads as one, so "dozens" -> "41" is
# a figure changed. "Scores" is a count only before "of" or "more" ("test scores" is not).
_VAGUE_VALUES = {"several": 3, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
                 "millions": 2 * 10**6, "billions": 2 * 10**9,
                 # Dutch: "tientallen" (tens of), "honderden", "duizenden", "tienduizenden"
                 "tientallen": 24, "honderden": 200, "duizenden": 2000, "tienduizenden": 20000,
                 "honderdduizenden": 200000, "miljoenen": 2 * 10**6}
_VAGUE = (r"(?P<vague>(?:[Tt]ens|[Hh]undreds)\s+of\s+(?:thousands|millions)\b"
          r"|(?:[Ss]everal|[Dd]ozens|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)\b"
          r"|(?:[Tt]ientallen|[Hh]onderd(?:duizenden|en)|[Tt]ien(?:duizenden)|[Dd]uizenden|[Mm]iljoenen)\b"
          r"|[Ss]cores(?=\s+(?:of|more)\b))")

_NUM = (r"(?P<num>[0-9]{1,3},[0-9]{1,2}(?=\s?(?:%|procent\b|miljoen\b|miljard\b))"
        r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,12})?|[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}"
        r"|[1-9][0-9]{0,2}(?:[ \xa0\u2009\u202f][0-9]{3})+(?![0-9]|[,.][0-9])"
        r"|[0-9]{1,15}(?:\.[0-9]{1,12})?)"
        r"(?![0-9])")
_CUR_PRE = (r"(?P<cur_pre>[$£€¥₹₨]|U(?:S\$|\.S\.\s?\$|SD)|A(?:U?\$|UD|ED)|C(?:A?\$|AD|HF|NY)"
            r"|HK(?:\$|D)|NZ\$|S(?:\$|AR|GD)|Rs\.?|PKR|INR|GBP|EUR|JPY)")
_CUR_SUF = (r"(?P<cur_suf>(?:(?:US|U\.S\.|American|Australian|Canadian|Hong\s+Kong|Singapore"
            r"|New\s+Zealand)\s+)?[Dd]ollars?|(?:Pakistani|Indian|Sri\s+Lankan)\s+[Rr]upees?"
            rf"|(?:{_cap('rupee|pound|euro|dirham|riyal')})s?(?:\s+sterling)?"
            rf"|{_cap('sterling|yen|yuan|renminbi')}|{_CODES})\b")
_SUFFIX = (r"(?:(?P<ord>st|nd|rd|th)\b"
           r"|(?P<dec>(?<=0)s)\b"
           r"|\s?(?P<scale>thousand|million|billion|trillion|lakhs?|crores?|bn|mn|mln|miljoen|miljard)\b"
           # "3m" is million but "3m-high" is metres; "b" is billion only with a currency
           r"|(?P<sab>[mMkK]|(?(cur_pre)[bB]|(?!)))(?!\w|-[^\W\d_]))?")
_UNIT = (r"(?:\s?(?P<pct>%|(?:[Pp]er\s?cent|pct|procent)\b)"
         r"|\s?(?P<bp>(?:basis\s+points?|bps?)\b)"
         rf"|\s+{_CUR_SUF})?")
_QUANT = rf"(?P<q>(?:{_CUR_PRE}\s?)?(?:{_NUM}|(?P<words>{_WORDS})){_SUFFIX}{_UNIT})"

_AMPM = r"(?:[ap]\.m\.|[AP]\.M\.|[apAP]\.?[mM]\b)"
_TIME = (rf"(?P<time>(?P<th>2[0-3]|[01]?[0-9]):(?P<tm>[0-5][0-9])(?![0-9]|:[0-9])"
         rf"(?:\s?(?P<tap>{_AMPM}))?|(?P<th2>1[0-2]|0?[1-9])\s?(?P<tap2>{_AMPM}))")
_MONTH = (rf"(?P<mon>(?:{_MONTH_NAMES}|{_NL_MONTH_NAMES})(?![a-z])"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)")
_DAY = (r"(?P<day>3[01]|[12][0-9]|0?[1-9])"
        r"(?:(?:st|nd|rd|th)\b|(?![0-9A-Za-z]|,[0-9]{3}|:[0-9]|\.[0-9]))")
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})(?![0-9])"

# Up to four words on one line: the noun phrase a figure counts, and the word after it.
_NOUN_WORDS = r"[A-Za-z](?:[\w'’-]*\w)?(?:[ \t\xa0]+[A-Za-z](?:[\w'’-]*\w)?){0,3}"
# The words after a quantity come with its match, saving a second match per figure.
_QUANT_TAIL = rf"{_QUANT}(?:[ \t\xa0]*-?(?P<tail>{_NOUN_WORDS}))?"

# A figure is tried by the pattern for its first character, so each pattern keeps to the
# alternatives that can start there and the date forms come before the plain number.
_DIGIT_PATTERN = (
    r"(?P<date>(?P<iso_y>(?:19|20)[0-9]{2})-(?P<iso_m>0[1-9]|1[0-2])"
    rf"-(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9])|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)"
    rf"|{_TIME}|{_QUANT_TAIL}")
_WORD_PATTERN = (
    rf"(?P<date>{_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEAR})?(?(day)|(?(year)|(?!))))"
    rf"|{_FRAC}|{_ORDW}|(?P<between>[Bb]etween\s+)|{_VAGUE}|{_QUANT_TAIL}")
# A figure never starts inside a word or number ("G20", "1.5", "12:30").
_QUANT_PATTERN = r"(?<![\w.:])" + _QUANT


def _scan_body() -> str:
    """What can follow the boundary before a figure: a digit, a currency sign or the first
    letters of a number word, month or currency code (a cheap superset; the full patterns
    are tried only there, trying them at every word was most of the cost)."""
    lists = (_UNIT_WORDS, _TEEN_WORDS, _TENS_WORDS, _DUTCH_WORDS, _ORD_UNITS, _ORD_OTHER, _MONTH_NAMES,
             _NL_MONTH_NAMES, _CODES,
             "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
             "between|US$|U.S.|A$|AU$|C$|CA$|HK$|NZ$|S$|Rs|half|Half|tens", "|".join(_VAGUE_VALUES))
    by_first: dict[str, set[str]] = {}
    for w in (w for words in lists for w in words.split("|")):
        for form in {w, w[0].upper() + w[1:]}:
            by_first.setdefault(form[0], set()).add(form[1:4])
    # one alternative per first character, not "[Tt]": the engine rejects an alternative
    # that opens with a literal character several times faster than one opening with a set
    alts = [f"{re.escape(c)}(?:{'|'.join(map(re.escape, sorted(rest)))})"
            for c, rest in sorted(by_first.items())]
    # every first character in one set, looked at before the alternatives: most words
    # start with none of them, and one set test rejects them sooner than forty literals
    firsts = re.escape("".join(sorted({*by_first, "A", "a"})))
    return (rf"(?=[0-9$£€¥₹₨{firsts}])(?:[0-9$£€¥₹₨]|{'|'.join(alts)}"
            rf"|[Aa]n?(?=\s+(?:{_cap(_SCALE_WORDS)}|{_FRAC_ONE})))")


# Two scans because a literal first character lets the engine skip ahead fast: spaces
# are nearly all the boundaries, and the other boundary characters are rare.
_SCAN_SPACE = " " + _scan_body()
_SCAN_OTHER = ("[\t\n\r\f\v\xa0\u2002-\u200a\u202f\u3000"
               "!\"#%&'(*+,/;<=>?@\\[\\]^`{|}~“”‘’«»„—–-]" + _scan_body())
# A date glued to the word before it: a page's markup drops the space around link text
# ("arrested the singerApril 16"), and a month name with its day or year after a small
# letter still opens a date (a capital inside a word opens nothing else here). Searched
# for by its month, the small letter before it checked after (_glued_starts): the engine
# skips to a month's capital at C speed, where a pattern opening with the letter is tried
# at every small letter (several times slower).
_SCAN_GLUED = rf"(?:{_MONTH_NAMES})\s[0-9]"
# Characters a glued date's look-ahead reads past the start it finds: "September 1"
_GLUED_REACH = 12
_NOUN_RE = re.compile(rf"[ \t\xa0]*-?({_NOUN_WORDS})")
_ONE_PRONOUN_NEXT = re.compile(r"\s+(?:of|another|or\s+another|by\s+one)\b|-(?:off|sided)\b")

# Words of a Dutch sentence that English does not use (names such as "de Vries" or "Van"
# aside: two of them are asked for)
_DUTCH_MARKERS = frozenset("""de het een zijn naar werd werden wordt worden niet ook bij uit voor heeft hebben
dat deze er aan tot nog meer volgens tijdens door mensen ongeveer bijna ruim zo'n hij zij wij geen moet
moeten kan kunnen zal zullen wil waren sinds tussen zich gemeente politie brandweer procent miljoen
miljard jaar jaren woningen bewoners schade rechter bedrijf kabinet betaalt kost kosten""".split())
_DUTCH_REACH = 80  # characters read either side of a number, within its sentence


def number_digits(num: str, text: str, start: int, end: int) -> str:
    """The digits of a number as written (``num``, at ``text[start:end]``) with its group
    marks taken out: commas ("12,000"; a comma before one or two digits is a decimal
    comma, "4,2 procent"); spaces ("12 000"); points where they group thousands, which Dutch
    writes ("1.250.000" everywhere; "12.000", one group of three after a point, only in a
    Dutch sentence: in English "1.250" is a decimal, and "12.5" always is)."""
    if "." not in num:
        if "," in num and len(num) - num.index(",") <= 3:
            return num.replace(",", ".")  # a decimal comma ("4,2 procent"), _NUM reads one only there
        return num.replace(",", "").replace(" ", "").replace("\xa0", "").replace("\u2009", "").replace("\u202f", "")
    whole, _, part = num.partition(".")
    if "." in part or (len(part) == 3 and "," not in whole and _dutch_near(text, start, end)):
        return num.replace(".", "")
    return num.replace(",", "")


def _dutch_near(text: str, start: int, end: int) -> bool:
    """Do two Dutch words stand in the sentence around ``text[start:end]``?"""
    lo = max(0, start - _DUTCH_REACH)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    around = text[cut + 1 if cut >= 0 else lo:start] + " " + text[end:end + _DUTCH_REACH].split(". ")[0]
    return len(_DUTCH_MARKERS.intersection(around.lower().split())) >= 2


# --- word lists -------------------------------------------------------------------------

def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SMALL_VALUES = {w: i + 1 for i, w in enumerate(_UNIT_WORDS.split("|"))}
_SMALL_VALUES.update({w: i + 10 for i, w in enumerate(_TEEN_WORDS.split("|"))})
_SMALL_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_TENS_WORDS.split("|"))})
_SMALL_VALUES.update(zip(_DUTCH_WORDS.split("|"), _DUTCH_VALUES))
_SCALES = {"hundred": 100, "dozen": 12, "thousand": 10**3, "k": 10**3, "lakh": 10**5,
           "lakhs": 10**5, "million": 10**6, "m": 10**6, "mn": 10**6, "mln": 10**6,
           "crore": 10**7, "crores": 10**7, "billion": 10**9, "bn": 10**9, "b": 10**9,
           "trillion": 10**12, "miljoen": 10**6, "miljard": 10**9}
_ORD_VALUES = {w: i + 1 for i, w in enumerate(_ORD_UNITS.split("|"))}
_ORD_VALUES.update(zip(_ORD_OTHER.split("|"), [*range(10, 20), *range(20, 100, 10),
                                               100, 10**3, 10**6, 10**9]))

_MONTHS = {m[:3].lower(): i + 1 for i, m in enumerate(_MONTH_NAMES.split("|"))}
_MONTHS.update({m[:3]: i + 1 for i, m in enumerate(_NL_MONTH_NAMES.split("|"))})  # "maa", "mei", "okt"
_CUR_CODES = {"$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD",
              "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "£": "GBP",
              "€": "EUR", "¥": "JPY", "₹": "INR", "₨": RUPEE_DEFAULT, "rs": RUPEE_DEFAULT,
              "rs.": RUPEE_DEFAULT, "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
              "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
              "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR"}
_DOLLARS = (("australian", "AUD"), ("canadian", "CAD"), ("hong", "HKD"),
            ("singapore", "SGD"), ("zealand", "NZD"))
_RUPEES = (("indian", "INR"), ("pakistani", "PKR"), ("sri", "LKR"))

_HYPHEN_PREFIXES = _word_set("mid pre post early late over under around")
_ONE_PRONOUN_PREV = _word_set("no any every each the this that which")
_NOUN_KINDS = frozenset(("number", "range", "ordinal", "money", "percent", "score", "vague"))
_RANGE_KINDS = frozenset(("number", "percent", "money", "date"))
_DIGITS = frozenset("0123456789")
_DASHES = frozenset("-–—")
_QUANT_GROUPS = ("num", "words", "scale", "sab", "cur_pre", "cur_suf", "ord", "dec", "pct", "bp")


# The last word of a figure that does not end in a digit, "%" or "." ("a.m.", "24 Nov."):
# a number, scale, ordinal or fraction word, a unit, a currency, a month, or the letters
# glued to a number ("5th", "1990s", "3m", "4pm").
_END_WORDS = frozenset("|".join((
    _UNIT_WORDS, _TEEN_WORDS, _TENS_WORDS, _DUTCH_WORDS, _SCALE_WORDS, _ORD_UNITS, _ORD_OTHER, _FRAC_ONE,
    _FRAC_PLURAL, _MONTH_NAMES, _CODES, "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
    "lakhs|crores|bn|mn|mln|st|nd|rd|th|s|m|k|b|am|pm|pct|cent|percent|point|points|bp|bps",
    "dollar|dollars|rupee|rupees|pound|pounds|euro|euros|dirham|dirhams|riyal|riyals",
    "sterling|yen|yuan|renminbi", "|".join(_VAGUE_VALUES),
)).lower().split("|"))
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
