"""Flag rules that the labelled set exercises only once or twice, pinned here."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import flags as flags_module
from versioner.flags import ArticleNames, flag_texts

HEAD = "Dock workers in Ostra vote to strike\nOSTRA, June 2 (Meridian) – Dock workers voted on Monday.\n"


def _one(old_para: str, new_para: str) -> tuple[str, str, str]:
    flags = flag_texts(HEAD + old_para + "\n", HEAD + new_para + "\n")
    assert len(flags) == 1, flags
    return flags[0].type, flags[0].severity, flags[0].reason


def test_a_misspelling_fixed_inside_a_quote_is_a_typo() -> None:
    typ, sev, reason = _one("“We will fight for evry job,” she said.", "“We will fight for every job,” she said.")
    assert (typ, sev) == ("typo", "low") and "inside quotation marks" in reason


def test_a_doubled_word_removed_inside_a_quote_is_a_typo() -> None:
    typ, sev, _ = _one('"We will will fight," she said.', '"We will fight," she said.')
    assert (typ, sev) == ("typo", "low")


def test_a_real_word_change_inside_a_quote_stays_a_quote() -> None:
    for old, new in (("now", "not"), ("officer", "officers"), ("trail", "trial"), ("jobs", "lobs")):
        typ, sev, _ = _one(f"“It is a {old} matter,” she said.", f"“It is a {new} matter,” she said.")
        assert (typ, sev) == ("quote", "high"), (old, new)


def test_restyled_quotation_marks_are_one_punctuation_flag() -> None:
    typ, sev, reason = _one('She called it "a betrayal" of members.', "She called it “a betrayal” of members.")
    assert (typ, sev, reason) == ("punctuation", "low", "quotation mark or apostrophe style only")


def test_a_headline_typo_is_a_medium_headline_flag_that_names_the_typo() -> None:
    old = "Dock workers in Ostra vote to stirke\nOSTRA, June 2 (Meridian) – Dock workers voted on Monday.\n"
    flags = flag_texts(old, HEAD)
    assert [(f.type, f.severity) for f in flags] == [("headline", "medium")]
    assert "stirke -> strike" in flags[0].reason


def test_a_fraction_changed_is_one_figure_flag() -> None:
    flags = flag_texts(HEAD + "Fares rose by a third in May.\n", HEAD + "Fares rose by a quarter in May.\n")
    assert [(f.type, f.old, f.new) for f in flags] == [("figure", "a third", "a quarter")]
    assert flags[0].old_value is not None and round(flags[0].old_value, 3) == 0.333


def test_the_same_figure_restyled_is_low_wording_whatever_follows_it() -> None:
    # "citing" after the figure must not make the restyle look like a changed source
    for old, new in (("95 billion pounds, citing", "£95bn, citing"), ("on April 14.", "on 14 April."),
                     ("at 4:17 a.m. on", "at 04:17 on")):
        typ, sev, reason = _one(f"Costs rose to {old} the report", f"Costs rose to {new} the report")
        assert (typ, sev, reason) == ("wording", "low", "same figure written differently"), old


def test_every_listed_near_word_pair_would_otherwise_pass_as_a_slip(monkeypatch) -> None:
    import versioner.flags as flags_module

    pairs = [tuple(p) for p in flags_module._NEAR_WORDS]
    monkeypatch.setattr(flags_module, "_NEAR_WORDS", frozenset())
    hunk = flags_module._Hunk("", "", 0, 0, "", "")
    for a, b in pairs:
        assert flags_module._slip_in_quote(hunk, [a], [b]), (a, b)


# Figures are read only in windows around the edits of a long paragraph; the flags
# must be the ones a reading of the whole paragraph gives.
_SENTENCES = [
    "The death toll rose to 33 on Sunday, the Interior Ministry said.",
    "Rescuers pulled 14 people from the rubble of a five-storey building overnight.",
    "The central bank cut its main rate by 25 basis points to 4.75%.",
    "Officials said about $1.2 billion in aid had been pledged since March 3.",
    "Dr. Anna Reinholt told reporters that 1,400 homes were without power.",
    "The strike, which began at 4:17 a.m., affected some two hundred flights.",
    "Between 10 and 12 million people live in the region, according to the census.",
    "The company said third-quarter profit fell 18% to 2.4 billion crowns.",
    "Police arrested 31 protesters, while 17 officers were hurt.",
    "Turnout was 61 percent, the highest since 1998.",
]


@settings(derandomize=True, max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(range(len(_SENTENCES))), min_size=8, max_size=30), st.data())
def test_reading_figures_near_the_edits_gives_the_flags_of_reading_them_all(
    order: list[int], data: st.DataObject
) -> None:
    import versioner.flags as flags_module
    from versioner.figures import extract_figures

    old_sentences = [_SENTENCES[i] for i in order]
    new_sentences = list(old_sentences)
    for k in data.draw(st.lists(st.integers(0, len(order) - 1), min_size=1, max_size=3, unique=True)):
        swap = data.draw(st.sampled_from([("33", "35"), ("14", "41"), ("Sunday", "Monday"), ("said", "claimed"),
                                          ("25", "50"), ("rose", "fell"), ("1,400", "1,200"), ("were", "were not")]))
        new_sentences[k] = new_sentences[k].replace(*swap, 1)
    old = "Headline\n" + " ".join(old_sentences)
    new = "Headline\n" + " ".join(new_sentences)
    windowed = flag_texts(old, new)
    real = flags_module._figures_around
    try:
        flags_module._figures_around = lambda text, spans: extract_figures(text)
        whole = flag_texts(old, new)
    finally:
        flags_module._figures_around = real
    assert windowed == whole


_NAMEY = st.lists(st.sampled_from([
    " ", ". ", ", ", "“", "’", "'", "-", "_", "Reinhold", "reinhold", "Reinholds", "O'Reinhold",
    "Reinhold's", "said", "The", "Mr", "9", "é", "\n",
]), max_size=25).map("".join)


@settings(derandomize=True, max_examples=500, deadline=None)
@given(_NAMEY, _NAMEY, st.sampled_from(["Reinhold", "Reinholds", "The", "Mr", "Reinhold's", "O", "s"]))
def test_article_names_answer_as_the_set_of_all_names(old: str, new: str, word: str) -> None:
    # looked up word by word: the same answers as reading every name of both texts
    every = {m.group() for text in (old, new) for m in flags_module._WORD.finditer(text)
             if flags_module._is_name(m.group(), text, m.start())}
    assert (word in ArticleNames(old, new)) == (word in every)


@given(st.text(alphabet=st.sampled_from("ab’' .\n5é_"), max_size=30), st.integers(0, 35))
def test_word_after_is_the_first_word_of_the_window(text: str, pos: int) -> None:
    # _word_after searches from pos; it must find what reading the window would
    window = text[pos : pos + flags_module._CONTEXT]
    assert flags_module._word_after(text, pos) == flags_module._words_as_written(window)[:1]


def _edit_distance_in_full(a: str, b: str, limit: int) -> int:
    # the restricted Damerau-Levenshtein table over whole words, as edit_distance was first written
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


@settings(max_examples=1000)
@given(st.text(alphabet="abcé", max_size=9), st.text(alphabet="abcé", max_size=9), st.integers(1, 6))
def test_edit_distance_trimming_common_ends_changes_nothing(a: str, b: str, limit: int) -> None:
    assert flags_module.edit_distance(a, b, limit) == _edit_distance_in_full(a, b, limit)


def test_merged_wording_counts_its_changes_instead_of_reading_its_reason() -> None:
    # a rule's reason that happens to start with a number must not be taken for a count
    from versioner.flags import Flag, _merge_wording

    def wording(reason: str) -> Flag:
        return Flag("wording", "medium", "body", 2, "a", "b", reason)

    merged = _merge_wording([wording("5 words reworded"), wording("7 words reworded"), wording("x")])
    assert [f.reason for f in merged] == ["3 word changes in this paragraph"]
