"""Flag rules that the labelled set exercises only once or twice, pinned here."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import articlenames, hunknames, namechanges, reading, smallfixes
from versioner import flags as flags_module
from versioner.flags import ArticleNames, flag_texts
from versioner.hunk import Hunk

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


def test_a_headline_typo_is_a_low_headline_flag_that_names_the_typo() -> None:
    # a typo fixed says nothing new: the headline flag is there, low, like a body typo
    old = "Dock workers in Ostra vote to stirke\nOSTRA, June 2 (Meridian) – Dock workers voted on Monday.\n"
    flags = flag_texts(old, HEAD)
    assert [(f.type, f.severity, f.cosmetic) for f in flags] == [("headline", "low", True)]
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
    pairs = [tuple(p) for p in smallfixes._NEAR_WORDS]
    monkeypatch.setattr(smallfixes, "_NEAR_WORDS", frozenset())
    hunk = Hunk("", "", 0, 0, "", "")
    for a, b in pairs:
        assert smallfixes.slip_in_quote(hunk, [a], [b]), (a, b)


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
        flags_module._figures_around = lambda text, spans, whole=None: extract_figures(text)
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
    # (under their headlines, which capitalise as they like)
    bodies = [text.partition("\n")[2] for text in (old, new)]
    every = {m.group() for text in bodies for m in namechanges._WORD.finditer(text)
             if articlenames._is_name(m.group(), text, m.start())}
    assert (word in ArticleNames(old, new)) == (word in every)


@given(st.text(alphabet=st.sampled_from("ab’' .\n5é_"), max_size=30), st.integers(0, 35))
def test_word_after_is_the_first_word_of_the_window(text: str, pos: int) -> None:
    # _word_after searches from pos; it must find what reading the window would
    window = text[pos : pos + reading.CONTEXT]
    assert reading.word_after(text, pos) == reading.words_as_written(window)[:1]


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
    assert smallfixes.edit_distance(a, b, limit) == _edit_distance_in_full(a, b, limit)


def test_merged_wording_counts_its_changes_instead_of_reading_its_reason() -> None:
    # a rule's reason that happens to start with a number must not be taken for a count
    from versioner.flags import Flag, _merge_wording

    def wording(reason: str) -> Flag:
        return Flag("wording", "medium", "body", 2, "a", "b", reason)

    merged = _merge_wording([wording("5 words reworded"), wording("7 words reworded"), wording("x")])
    assert [f.reason for f in merged] == ["3 word changes in this paragraph"]


# -- issue 16: one reading of each side; names as a reader sees them; the smaller fixes --

def _all(old_para: str, new_para: str, head: str = HEAD) -> list[flags_module.Flag]:
    return list(flag_texts(head + old_para + "\n", head + new_para + "\n"))


def test_an_acronym_with_full_stops_is_one_token_never_a_name_u() -> None:
    from versioner.reading import read

    text = "The U.S. and the U.N. said Ann Lee, a Ph.D. student, spoke."
    reading = read(text)
    assert [t.text for t in reading.tokens_in(0, len(text))][:5] == ["The", "U.S.", "and", "the", "U.N."]
    assert "Ph.D." in [t.text for t in reading.tokens_in(0, len(text))]
    assert [n.text for n, _ in reading.names_in(0, len(text))] == ["U.S.", "U.N.", "Ann Lee", "Ph.D."]
    for f in _all("U.S. officials met Lee's aides in Ostra.", "U.S. officials met U.S. aides in Ostra."):
        assert "-> U " not in f.reason and not f.reason.endswith("-> U") and "U Lee" not in f.reason, f


def test_an_ordinary_word_opening_a_sentence_is_not_a_name() -> None:
    for word in ("Strong", "Several", "Officials", "Update"):
        flags = _all("The port was shut.", f"The port was shut. {word} winds kept the ships in harbour.")
        assert not [f for f in flags if f.type == "name"], (word, flags)


def test_a_word_opening_a_sentence_is_a_name_when_the_article_uses_it_as_one() -> None:
    from versioner.reading import read

    text = "Strong winds hit. Young spoke. Vornhalt left."
    known = ArticleNames("Union vote\nThe union leader, Young, spoke first.", "")
    assert hunknames.hunk_names(read(text), 0, len(text), known) == ["Young", "Vornhalt"]
    assert hunknames.hunk_names(read(text), 0, len(text), ArticleNames("", "")) == ["Vornhalt"]


def test_a_name_that_is_no_ordinary_word_is_a_name_even_opening_a_sentence() -> None:
    # (put in place of a word: a name only added beside words that stand is a detail added)
    flags = _all("The port was shut. Officials left.", "The port was shut. Vornhalt left.")
    assert [f.type for f in flags] == ["name"], flags


def test_a_multi_word_name_with_its_title_is_one_name() -> None:
    flags = _all("The talks were led by the mayor.", "The talks were led by Sen. Ann Lee of Ostra.")
    names = [f for f in flags if f.type == "name"]
    assert len(names) == 1 and "Sen. Ann Lee" in names[0].reason, flags


def test_a_name_on_both_sides_is_not_changed() -> None:
    for old, new in (("Acme Steel said it was Ohio.", "Acme Steel said, again, it was in Ohio."),
                     ("Officials in Ohio spoke.", "Officials in Ohio spoke again to Acme Steel staff, in Ohio.")):
        for f in _all(old, new):
            assert f.type != "name" or "Ohio -> Ohio" not in f.reason, f
            assert "Acme Steel -> Acme Steel" not in f.reason


def test_a_misspelt_word_fixed_is_a_typo_even_before_said() -> None:
    typ, sev, reason = _one("The opertor said the crane failed.", "The operator said the crane failed.")
    assert (typ, sev) == ("typo", "low") and "misspelt" in reason


def test_an_agreement_fix_is_grammar_low() -> None:
    typ, sev, reason = _one("The data shows a rise in cargo.", "The data show a rise in cargo.")
    assert (typ, sev) == ("typo", "low") and reason.startswith("grammar"), reason


def test_a_plural_after_a_number_is_not_an_agreement_fix() -> None:
    flags = _all("Police arrested two officer on Monday.", "Police arrested two officers on Monday.")
    assert not any(f.reason.startswith("grammar") for f in flags), flags


def test_a_score_changed_is_one_figure_flag() -> None:
    flags = _all("The court ruled 7-2 in favour of the union.", "The court ruled 6-3 in favour of the union.")
    assert [(f.type, f.old_value, f.new_value) for f in flags] == [("figure", 7, 6)], flags
    assert flags[0].reason.startswith("number 7-2 -> 6-3")


def test_a_negation_is_anchored_to_a_whole_figure_never_inside_it() -> None:
    flags = _all("The port will pay $2.8 billion to the union.", "The port will not pay $2.8 billion to the union.")
    neg = [f for f in flags if f.type == "negation"]
    assert len(neg) == 1 and neg[0].reason == '"not" added before "pay"', flags
    flags = _all("The bill is $2.8 billion.", "The bill is not $2.8 billion.")
    neg = [f for f in flags if f.type == "negation"]
    assert neg and '"2"' not in neg[0].reason and "$2.8 billion" in neg[0].reason, flags


def test_a_word_changed_next_to_an_unchanged_figure_is_wording() -> None:
    flags = _all("€40 million agreed for the quay.", "€40 million approved for the quay.")
    assert [f.type for f in flags] == ["wording"], flags
    flags = _all("Police said 17 officers were hurt.", "Police said 17 protesters were hurt.")
    assert [f.type for f in flags] == ["figure"], flags  # the figure now counts something else


def test_quotation_marks_added_in_a_headline_are_not_a_quote_change() -> None:
    old = "Dock workers in Ostra vote to strike\nBody text here.\n"
    new = 'Dock workers in Ostra vote to "strike"\nBody text here.\n'
    flags = flag_texts(old, new)
    # a headline flag, cosmetic (needs no notice), not a quote change
    assert flags and all(f.type != "quote" and f.cosmetic for f in flags), flags


def test_a_phrase_put_in_single_quotes_in_the_body_is_a_quote_change() -> None:
    for mark in ("'", "‘"):
        close = "'" if mark == "'" else "’"
        flags = _all("He was taken to hospital in critical condition.",
                     f"He was taken to hospital in {mark}critical condition{close}.")
        assert [f.type for f in flags] == ["quote"], (mark, flags)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="AaBbUuSs.,'’“” -\n0123456789$", max_size=120))
def test_the_readings_spans_are_within_the_text_and_in_order(text: str) -> None:
    from versioner.reading import Reading

    reading = Reading(text)
    for spans in ([(t.start, t.end) for t in reading.tokens_in(0, len(text))], list(reading.quotes),
                  [(n.start, n.end) for n, _ in reading.names_in(0, len(text))]):
        for s, e in spans:
            assert 0 <= s < e <= len(text)
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


_NAMES = ["Ann Lee", "Acme Steel", "Ostra", "Vornhalt", "the U.S.", "Sen. Ida Marsh"]
_FILLER = ["the port", "its crews", "a union", "two ships"]


@settings(max_examples=60, deadline=None)
@given(st.permutations(_NAMES), st.permutations(_NAMES), st.lists(st.sampled_from(_FILLER), max_size=3),
       st.lists(st.sampled_from(_FILLER), max_size=3), st.integers(1, len(_NAMES)))
def test_a_name_on_both_sides_is_never_reported_changed(
        old_order: list[str], new_order: list[str], old_fill: list[str], new_fill: list[str], k: int) -> None:
    # the same names on both sides, in any order, among other words: no name changed
    names = old_order[:k]
    new_names = [n for n in new_order if n in names]
    old = "Officials met " + ", ".join([*names, *old_fill]) + " on Monday."
    new = "Officials met " + ", ".join([*new_fill, *new_names]) + " on Monday."
    flags = _all(old, new)
    assert not [f for f in flags if f.type == "name"], (old, new, flags)


# -- real-copy patterns (issue 16 on real copy): invented text in the same shapes ---------


def _types(old_para: str, new_para: str) -> list[tuple[str, str]]:
    return [(str(f.type), str(f.severity)) for f in _all(old_para, new_para)]


def test_a_figure_in_a_clause_rewritten_around_it_is_wording() -> None:
    # a sentence recast with a new figure in it: new material, not a figure change
    old = "The port reopened after the storm, officials said."
    new = "The port reopened after the storm, and about 300 ships are expected to dock there by the end of the week."
    assert not [t for t in _types(old, new) if t[0] == "figure"]


def test_a_figure_dropped_from_a_rewrite_that_keeps_what_it_counted_is_a_figure() -> None:
    old = "Storms killed 17 fishermen off the northern coast on Sunday, the coastguard said."
    new = "Fishermen were lost at sea when storms swept the northern coast at the weekend, the coastguard said."
    flags = [f for f in _all(old, new) if f.type == "figure"]
    assert [(f.old_value, f.new_value) for f in flags] == [(17, None)]


def test_a_day_only_added_or_dropped_dates_the_news_it_changes_no_date() -> None:
    assert not [t for t in _types("The minister resigned Monday.", "The minister resigned.") if t[0] == "figure"]
    assert not [t for t in _types("The vote is expected later today.", "The vote is expected on Tuesday.")
                if t[0] == "figure"]
    assert ("figure", "high") in _types("The vote is on Monday.", "The vote is on Tuesday.")


def test_a_person_named_another_way_is_no_name_change() -> None:
    head = HEAD + "The singer Mara Vellin was charged on Friday.\n"
    # surname to first name, full name to surname, a title dropped
    for old, new in (("Vellin’s family said", "Mara’s family said"),
                     ("Mara Vellin appeared in court.", "Vellin appeared in court."),
                     ("Ms Vellin appeared in court.", "Vellin appeared in court.")):
        flags = _all(old, new, head)
        assert not [f for f in flags if f.type == "name"], (old, new, flags)


def test_a_body_and_its_initials_or_a_place_and_its_people_are_one_name() -> None:
    for old, new in (("Rules set by the Harbour Safety Authority took effect.", "Rules set by the HSA took effect."),
                     ("Floods hit Varossa hard this year.", "Floods hit Varossans hard this year.")):
        assert not [f for f in _all(old, new) if f.type == "name"], (old, new)


def test_words_glued_or_spaced_by_markup_are_no_name_change() -> None:
    flags = _all("The report by Ostra Council was late.", "The report byOstra Councilwas late.")
    assert [str(f.type) for f in flags] == ["punctuation"], flags


def test_a_capital_opening_a_sentence_in_copy_that_is_not_english_is_no_name() -> None:
    # invented words standing for copy in another language: no word list says they are ordinary
    old, new = "Vrolde kwamsen ter bolde Ostra", "Grelde kwamsen ter bolde Ostra"
    assert not [f for f in flag_texts(old, new) if f.type == "name"]


def test_a_long_clause_rewritten_up_to_a_quote_is_no_quote_change() -> None:
    # a paraphrase recast as a new quote: a rewrite, not a changed quotation
    old = "The council said it would review the plan after months of complaints from residents about noise."
    new = ("“We have heard the residents and we will review the plan before any more work begins on the "
           "river,” the council said.")
    assert not [f for f in _all(old, new) if f.type == "quote"]


_PEOPLE = ["Ann Lee", "Vornhalt", "Ida Marsh", "Acme Steel", "Ostra"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.permutations(_PEOPLE), st.integers(1, len(_PEOPLE)), st.booleans())
def test_a_name_written_whole_on_both_sides_is_never_changed_when_shortened(
        order: list[str], k: int, surname: bool) -> None:
    # the article names each whole on both sides; one sentence shortens them to surnames
    names = order[:k]
    head = HEAD + "Present were " + ", ".join(names) + ".\n"
    short = [n.split()[-1] if surname else n for n in names]
    flags = _all("Later " + " and ".join(names) + " left.", "Later " + " and ".join(short) + " left.", head)
    assert not [f for f in flags if f.type == "name"], flags


def test_a_credit_line_added_is_low_wherever_it_stands() -> None:
    flags = _all("The ferry sailed at noon.", "The ferry sailed at noon.\n\n"
                 "—Ann Lee and Tom Berg contributed to this report. Photo by Ida Marsh/Meridian")
    assert [(str(f.type), str(f.severity)) for f in flags] == [("wording", "low")], flags


def test_a_word_beside_a_rank_is_no_figure_change() -> None:
    flags = _all("It was her second superb win of the year.", "It was her second masterful win of the year.")
    assert not [f for f in flags if f.type == "figure"], flags


def test_punctuation_inside_a_quote_alone_is_punctuation_with_reworded_words_a_quote() -> None:
    alone = _all("“We will wait, and we will see,” Lee said.", "“We will wait and we will see,” Lee said.")
    assert [(str(f.type), str(f.severity)) for f in alone] == [("punctuation", "low")], alone
    both = _all("“We will wait, and we will see,” Lee said.", "“We will wait and we will act,” Lee said.")
    assert [str(f.type) for f in both] == ["quote"], both


def test_not_just_and_a_negation_inside_a_new_sentence_are_no_reversal() -> None:
    flags = _all("The suspect was seen at the door that morning.",
                 "The suspect was seen at the door on several days, not just that morning.")
    assert not [f for f in flags if f.type == "negation"], flags
    flags = _all("Pressure grew on the mayor over the contract and his handling of the inquiry last year.",
                 "A spokesman said no official in the mayor’s office had seen the contract before it was signed.")
    assert not [f for f in flags if f.type == "negation"], flags
    assert [str(f.type) for f in _all("The union will appeal.", "The union will not appeal.")] == ["negation"]


def test_a_lone_line_that_gains_a_line_under_it_is_no_headline_added() -> None:
    # a feed item first shown without its summary: its lone line was its headline already,
    # and stays it; only the summary under it is new
    flags = flag_texts("Ferry services resume after storm", "Ferry services resume after storm\n"
                       "Crossings restart on Tuesday after three days of cancellations.")
    assert [(str(f.type), str(f.section)) for f in flags] == [("paragraph-added", "body")], flags


def test_a_figure_dropped_where_another_paragraph_still_states_it_is_no_figure_removed() -> None:
    head = HEAD + "Search teams are looking for the 84-year-old sailor, who was last seen on Friday.\n"
    flags = _all("The family of 84-year-old Tom Berg appealed for help.", "The family of Tom Berg appealed for help.",
                 head)
    assert not [f for f in flags if f.type == "figure"], flags
    alone = _all("The family of 84-year-old Tom Berg appealed for help.", "The family of Tom Berg appealed for help.")
    assert [str(f.type) for f in alone if f.type == "figure"] == ["figure"], alone


_LEAD = "Scientists said the survey found the reef had recovered after the storm season, Dr Vane said."


def test_a_quote_split_off_into_a_paragraph_of_its_own_is_moved_not_changed() -> None:
    quote = "“It is the first time we have seen the coral come back this fast,”"
    old = HEAD + f"{_LEAD} {quote} she said.\n"
    new = HEAD + f"{_LEAD}\n{quote} said Vane, who led the survey for the institute in the north.\n"
    flags = flag_texts(old, new)
    assert not [f for f in flags if f.type == "quote"], flags
    assert [f.reason for f in flags if f.type == "moved" and "quotation" in f.reason], flags
    # the same quote reworded as it moves is still a quote change
    reworded = flag_texts(old, new.replace("this fast", "so fast"))
    assert [f for f in reworded if f.type == "quote"], reworded


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["the coral come back", "the water this clear", "so many fish return"]),
       st.sampled_from(["she said", "Vane said", "the diver said"]))
def test_a_quote_moved_whole_into_a_new_paragraph_is_never_a_quote_flag(words: str, tag: str) -> None:
    quote = f"“We have never seen {words} in one season,”"
    old = HEAD + f"{_LEAD} {quote} {tag}.\n"
    new = HEAD + f"{_LEAD}\n{quote} {tag}, adding that more work was needed before the next storm season.\n"
    assert not [f for f in flag_texts(old, new) if f.type == "quote"]


def test_a_name_glued_to_a_small_word_by_markup_is_no_name_removed() -> None:
    # a page's link markup dropped the space ("Tuesdayon"); a rewrite of the sentence
    # takes the glued word out, and the name still stands in the newer text
    flags = _all("The council will vote Tuesdayon the plan, officials said. Residents met Tuesday night.",
                 "The council voted on the plan, officials said. Residents met Tuesday night.")
    assert not [f for f in flags if f.type == "name"], flags
    flags = _all("The council will vote Wednesdayon the plan.", "The council voted on the plan.")
    assert not [f for f in flags if f.type == "name"], flags
    flags = _all("TheHouse passed the measure late on Friday.", "The bill passed the House late on Friday.")
    assert not [f for f in flags if f.type == "name"], flags
    # a real name gone is still a name removed
    flags = _all("The plan was drawn up by Simon Okafor last year.", "The plan was drawn up by officials last year.")
    assert [f for f in flags if f.type == "name"], flags


def test_one_verb_put_in_another_tense_is_low_wording() -> None:
    for old, new in (("ended", "ends"), ("closes", "closed"), ("raised", "raises")):
        typ, sev, reason = _one(f"The strike {old} the talks on Monday.", f"The strike {new} the talks on Monday.")
        assert (typ, sev) == ("wording", "low") and "tense" in reason, (old, new, reason)
    # a plan made a fact is more than a tense
    typ, sev, _ = _one("The port will close on Monday.", "The port closed on Monday.")
    assert sev == "medium"


def test_a_named_source_put_in_place_of_another_is_attribution_not_a_name() -> None:
    flags = _all("Nine people died, according to the province’s Governor Ilse Marrow.",
                 "Nine people died, according to the country’s coast guard.")
    assert [str(f.type) for f in flags] == ["attribution"], flags
    # a source's name respelled is still a name
    flags = _all("Nine people died, Ilse Marow said.", "Nine people died, Ilse Marrow said.")
    assert [str(f.type) for f in flags] == ["name"], flags


def test_a_capital_for_its_country_or_a_party_nickname_is_no_changed_name() -> None:
    flags = _all("Talks with Iran resumed on Monday, officials said.", "Talks with Tehran resumed on Monday, officials said.")
    assert not [f for f in flags if f.type == "name"], flags
    flags = _all("The Conservatives lost the seat.", "The Tories lost the seat.")
    assert not [f for f in flags if f.type == "name"], flags
    # another capital is another place
    flags = _all("Talks with Iran resumed on Monday, officials said.", "Talks with Paris resumed on Monday, officials said.")
    assert [f for f in flags if f.type == "name"], flags


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([("Iran", "Tehran"), ("Russia", "Moscow"), ("China", "Beijing"), ("Conservatives", "Tories")]),
       st.booleans())
def test_a_body_named_by_its_other_name_is_never_a_name_flag(pair: tuple[str, str], flip: bool) -> None:
    a, b = pair[::-1] if flip else pair
    flags = _all(f"Officials said {a} had agreed to the talks.", f"Officials said {b} had agreed to the talks.")
    assert not [f for f in flags if f.type == "name"], flags


def test_a_headline_that_is_the_whole_story_gets_its_facts_flagged_too() -> None:
    # a headline-only feed: the headline is the story, its figures and names are the story's
    flags = flag_texts("Storm kills six in coastal towns", "Storm kills eight in coastal towns")
    assert sorted(str(f.type) for f in flags) == ["figure", "headline"], flags
    flags = flag_texts("Mayor Ann Varga resigns over port deal", "Mayor Tom Brandt resigns over port deal")
    assert sorted(str(f.type) for f in flags) == ["headline", "name"], flags
    # a headline over a body: one headline flag, its facts told in its reason
    flags = flag_texts("Storm kills six in coastal towns\nThe storm hit on Monday.",
                       "Storm kills eight in coastal towns\nThe storm hit on Monday.")
    assert [str(f.type) for f in flags] == ["headline"], flags


def test_a_dutch_toll_changed_in_a_headline_only_story_is_a_figure() -> None:
    flags = flag_texts("Minstens zes doden door noodweer in het zuiden", "Minstens acht doden door noodweer in het zuiden")
    figs = [(f.old_value, f.new_value) for f in flags if f.type == "figure"]
    assert figs == [(6, 8)], flags


def test_a_surname_respelled_with_an_s_is_a_name_but_a_demonym_plural_is_not() -> None:
    flags = _all("The council chair, Ann Varga, resigned.", "The council chair, Ann Vargas, resigned.")
    assert [str(f.type) for f in flags] == ["name"], flags
    assert namechanges.same_entity("Californian", "Californians")
    assert not namechanges.same_entity("William", "Williams")
