"""Quote, headline, figure and whole-paragraph flags in the patterns real revision
histories show (issue 16). Every text here is invented, in the shape of the pattern."""

from __future__ import annotations

from versioner.flags import Flag, flag_texts

HEAD = "Harbour town counts cost of warehouse fire\nBRELL, May 3 (Meridian) – A fire destroyed a warehouse on Sunday.\n"


def _body(old_para: str, new_para: str) -> list[Flag]:
    return list(flag_texts(HEAD + old_para + "\n", HEAD + new_para + "\n"))


def _types(flags: list[Flag]) -> set[str]:
    return {f.type for f in flags}


def _substantive(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.severity in ("high", "medium")]


# -- quotes ---------------------------------------------------------------------


def test_a_closing_mark_that_moves_with_the_attribution_is_no_quote_change() -> None:
    flags = _body("The mayor called the fire “devastating,” and told reporters the town “will rebuild.”",
                  "The mayor called the fire “devastating.” The town “will rebuild,” the mayor told reporters.")
    assert "quote" not in _types(flags), flags


def test_a_quote_narrowed_with_its_other_words_left_standing_is_no_quote_change() -> None:
    flags = _body("Darrow said she would “hold talks with the owners as soon as possible.”",
                  "Darrow said she would hold talks with the owners “as soon as possible.”")
    assert _substantive(flags) == [] and "quote" not in _types(flags), flags


def test_words_brought_into_a_quote_are_still_a_quote_change() -> None:
    # the other way round: words now given as the speaker's own
    flags = _body("Darrow said she would hold talks with the owners “as soon as possible.”",
                  "Darrow said she would “hold talks with the owners as soon as possible.”")
    assert "quote" in _types(flags)


def test_quotation_marks_put_round_a_programme_title_are_style() -> None:
    flags = _body("Darrow told Morning Report on Sunday that the port would reopen.",
                  "Darrow told “Morning Report” on Sunday that the port would reopen.")
    assert flags and all((f.type, f.severity) == ("punctuation", "low") for f in flags), flags


def test_a_quotation_put_in_whole_is_a_quote_change() -> None:
    flags = _body("Darrow said the port would reopen.",
                  "Darrow said the port would reopen. “We owe it to the fishermen,” she said.")
    assert "quote" in _types(flags)


def test_a_headline_quote_fragment_moved_is_no_quote_change() -> None:
    flags = flag_texts("Ferry firm keeps chief executive: 'steady hand'",
                       "Ferry firm keeps 'steady hand' chief executive")
    assert "quote" not in _types(list(flags)) and all(f.severity != "high" for f in flags), flags


def test_a_headline_quote_fragment_taken_out_whole_is_no_quote_change() -> None:
    flags = flag_texts("Ferry firm keeps chief executive: 'A steady hand'", "Ferry firm keeps its chief executive")
    assert "quote" not in _types(list(flags)), flags


def test_a_headline_quote_reworded_is_a_quote_change() -> None:
    flags = flag_texts("Ferry firm keeps chief executive: 'A steady hand'",
                       "Ferry firm keeps chief executive: 'An unsteady hand'")
    assert "quote" in _types(list(flags))


def test_a_sentence_taken_out_with_its_quotation_is_no_quote_change() -> None:
    # nothing is put in anyone's mouth: the cut is judged as any sentence taken out
    flags = _body("Court papers show a jury is hearing the case. The papers name the skipper a “target” of the inquiry.",
                  "Court papers show a jury is hearing the case.")
    assert flags and "quote" not in _types(flags), flags


def test_a_sentence_taken_out_of_a_quotation_is_still_a_quote_change() -> None:
    flags = _body("“We will rebuild the pier. The town owes it to the fishermen,” the mayor said.",
                  "“We will rebuild the pier,” the mayor said.")
    assert "quote" in _types(flags), flags


def test_a_quoted_statement_told_in_reported_speech_is_no_quote_change() -> None:
    # the same statement, told not quoted: the tense shifts back, a phrase may keep its marks
    flags = _body("“The warehouse fire is being treated as deliberate arson,” Brell police said in a statement, "
                  "adding that two streets were closed.",
                  "Earlier, police said the fire was being treated as “deliberate arson,” adding that two streets "
                  "were closed.")
    assert flags and "quote" not in _types(flags), flags


def test_an_article_put_into_a_headline_quote_is_no_quote_change() -> None:
    # headlines drop articles, inside a quote too
    flags = flag_texts("Skipper wins cup from brother: 'He owes costly dinner'",
                       "Skipper wins cup from brother: 'He owes a costly dinner'")
    assert not any(f.type == "quote" or "quote" in f.facts for f in flags), flags


def test_a_negation_put_into_a_headline_quote_is_still_a_quote_change() -> None:
    flags = flag_texts("Skipper wins cup from brother: 'He owes costly dinner'",
                       "Skipper wins cup from brother: 'He owes no costly dinner'")
    assert any("quote" in f.facts for f in flags), flags


# -- whole paragraphs that are no news ------------------------------------------


def test_a_promotional_line_added_is_low() -> None:
    for promo in ("STREAMING NOW: Our reporter rides along with a rural vet. Upgrade to watch the full report.",
                  "A new documentary examines the harbour's decline.Stream the special now on our app.",
                  "Sign up for our free morning newsletter.",
                  "Follow us on Instagram for more from the coast."):
        flags = _body("Darrow said the port would reopen.", f"Darrow said the port would reopen.\n{promo}")
        assert [(f.type, f.severity) for f in flags] == [("paragraph-added", "low")], (promo, flags)
        assert "promotional line added" in flags[0].reason


def test_a_news_paragraph_that_mentions_watching_stays_medium() -> None:
    for news in ("Watch for icy roads tonight, forecasters said.",
                 "Residents were told to listen for sirens and follow evacuation orders on the radio here."):
        flags = _body("Darrow said the port would reopen.", f"Darrow said the port would reopen.\n{news}")
        assert [(f.type, f.severity) for f in flags] == [("paragraph-added", "medium")], (news, flags)


def test_the_first_text_shown_under_a_headline_that_stood_alone_is_low() -> None:
    flags = flag_texts("Ferry firm keeps chief executive\n",
                       "Ferry firm keeps chief executive\nThe board voted to extend her contract by two years.\n")
    assert [(f.type, f.severity) for f in flags] == [("paragraph-added", "low")], flags
    assert "first shown" in flags[0].reason


def test_the_audit_reads_the_first_text_under_a_headline_as_minor_and_says_why() -> None:
    from versioner.audit import audit_chain
    from versioner.model import Revision
    from versioner.parse import normalise

    texts = ["Ferry firm keeps chief executive\n",
             "Ferry firm keeps chief executive\nThe board voted to extend her contract by two years.\n"]
    revs = [Revision.from_text("k", n, f"2026-05-02T0{n}:00:00Z", normalise(t)) for n, t in enumerate(texts, 1)]
    second = audit_chain(revs)[1]
    assert second.verdict == "minor" and "first text shown" in second.reasons[0]


# -- headlines --------------------------------------------------------------------


def test_a_headline_with_its_words_reordered_is_low() -> None:
    body = "\nThe band played its last show on Friday.\n"
    flags = flag_texts("Farewell for harbour's punk heroes" + body, "Farewell for punk's harbour heroes" + body)
    assert [(f.type, f.severity) for f in flags] == [("headline", "low")], flags


def test_a_headline_with_a_word_swapped_for_another_stays_medium() -> None:
    body = "\nThe band played its last show on Friday.\n"
    flags = flag_texts("Farewell for harbour's punk heroes" + body, "Farewell for harbour's rock heroes" + body)
    assert [(f.type, f.severity) for f in flags] == [("headline", "medium")], flags


def test_a_headline_with_a_demonym_restyled_is_low() -> None:
    # one people written another way ("Varossinian" -> "Varossine"): the same claim
    body = "\nThe campaigner died at home on Friday.\n"
    flags = flag_texts("Leading Varossinian campaigner dies aged 93" + body, "Leading Varossine campaigner dies aged 93" + body)
    assert [(f.type, f.severity) for f in flags] == [("headline", "low")], flags
    # another people in its place is a change
    flags = flag_texts("Leading Varossinian campaigner dies aged 93" + body, "Leading Dellmarian campaigner dies aged 93" + body)
    assert _substantive(list(flags)), flags


def test_a_headline_with_only_its_small_words_changed_is_low() -> None:
    # the same words that carry the claim, a preposition swapped and the place moved
    body = "\nThe fire started in a storeroom on Sunday.\n"
    for old, new in (("Fire destroys 12 homes in Ostra harbour street", "Fire destroys 12 homes at harbour street in Ostra"),
                     ("Zes doden door storm Ostra", "Zes doden door storm in Ostra")):
        flags = flag_texts(old + body, new + body)
        assert [(f.type, f.severity) for f in flags if f.type == "headline"] == [("headline", "low")], flags
        assert _substantive(list(flags)) == [], flags


def test_an_article_put_into_a_headline_in_another_language_is_low() -> None:
    # "een", "eine", "une", "una" carry no more claim than "the" (invented headlines)
    body = "\nDe brand begon zondag in een opslag.\n"
    for old, new in (("Partij van Ostra kiest nieuwe leider", "Partij van Ostra kiest een nieuwe leider"),
                     ("Ostra wählt neuen Hafenchef", "Ostra wählt einen neuen Hafenchef"),
                     ("Ostra choisit nouvelle maire", "Ostra choisit une nouvelle maire"),
                     ("Ostra elige nueva alcaldesa", "Ostra elige una nueva alcaldesa")):
        flags = flag_texts(old + body, new + body)
        assert [(f.type, f.severity) for f in flags] == [("headline", "low")], (old, flags)


def test_a_word_of_another_language_that_is_an_english_word_still_carries_the_claim() -> None:
    # "die" is a German article and an English verb: put in for another, it changes the claim
    body = "\nThe fire started in a storeroom on Sunday.\n"
    flags = flag_texts("Two hurt in Ostra warehouse fire" + body, "Two die in Ostra warehouse fire" + body)
    assert _substantive(list(flags)), flags


def test_a_headline_figure_restyled_with_its_hedge_in_other_words_is_low() -> None:
    # "more than 4,000" and "over 4k" state the same quantity, however written
    body = "\nThe council opened the letters on Monday.\n"
    for old, new in (("Ostra council receives more than 4,000 letters on port fees",
                      "Ostra council receives over 4k letters on port fees"),
                     ("Fewer than 2.5 million ride Ostra ferries", "Under 2.5m ride Ostra ferries")):
        flags = flag_texts(old + body, new + body)
        assert [(f.type, f.severity) for f in flags] == [("headline", "low")], (old, flags)


def test_a_headline_hedge_turned_or_cut_stays_substantive() -> None:
    body = "\nThe council opened the letters on Monday.\n"
    for new in ("Ostra council receives under 4,000 letters", "Ostra council receives 4,000 letters",
                "Ostra council receives over 5,000 letters"):
        flags = flag_texts("Ostra council receives more than 4,000 letters" + body, new + body)
        assert _substantive(list(flags)), (new, flags)


def test_a_headline_whose_short_words_carry_the_claim_stays_substantive() -> None:
    # a negation, a hedge before a figure or an abbreviated place is no small word
    body = "\nThe fire started in a storeroom on Sunday.\n"
    for old, new in (("Fire destroys up to 12 homes", "Fire destroys 12 homes"),
                     ("Ferry crew held in UK port", "Ferry crew held in US port"),
                     ("Ferry crew to strike", "Ferry crew not to strike"),
                     ("Ostra faces row over port fees", "Ostra faces war over port fees")):
        flags = flag_texts(old + body, new + body)
        assert _substantive(list(flags)), (old, flags)


def test_a_headline_with_a_word_cut_and_nothing_put_in_is_low() -> None:
    body = "\nThe striker returned from injury in March.\n"
    flags = flag_texts("Returned striker picks Ostra for cup final" + body, "Striker picks Ostra for cup final" + body)
    assert [(f.type, f.severity) for f in flags] == [("headline", "low")], flags


def test_a_headline_cut_that_narrows_the_claim_stays_substantive() -> None:
    # a hedge, an attribution, a name or a number cut changes what the headline claims
    body = "\nThe port closed after the storm on Sunday.\n"
    for old, new in (("Ostra port closed indefinitely after storm", "Ostra port closed after storm"),
                     ("Ostra port to close, police say", "Ostra port to close"),
                     ("Ostra port closed after storm hits Brell", "Ostra port closed after storm hits"),
                     ("Ostra port closed for 12 days after storm", "Ostra port closed after storm")):
        flags = flag_texts(old + body, new + body)
        assert _substantive(list(flags)), (old, flags)


# -- figures ----------------------------------------------------------------------


def test_a_telephone_number_changed_is_no_figure() -> None:
    flags = _body("Residents can call the council on 555-0134 for help.",
                  "Residents can call the council on 555-0199 for help.")
    assert flags and "figure" not in _types(flags), flags


def test_an_emergency_number_is_dialled_not_counted() -> None:
    flags = _body("A neighbour raised the alarm.", "A neighbour raised the alarm in a 911 call.")
    assert flags and "figure" not in _types(flags), flags


def test_a_unit_written_out_is_the_same_figure() -> None:
    for old, new in (("km", "kilometers"), ("sq km", "square kilometres"), ("pct", "percent")):
        flags = _body(f"The fire spread over five {old} of the shore.", f"The fire spread over five {new} of the shore.")
        assert [(f.type, f.severity) for f in flags] == [("wording", "low")], (old, new, flags)


def test_a_figure_standing_on_both_sides_of_a_rewrite_is_not_paired_with_another() -> None:
    from versioner.figureflags import _figure_flags
    from versioner.figures import extract_figures
    from versioner.model import Section

    old = extract_figures("the worst fire in more than two years")
    new = extract_figures("seven crews fought the worst fire in more than two years")
    flags = _figure_flags(old, new, Section.BODY, 1, old, new, ("a", "b"))
    assert all(f.old_value != 2 for f in flags), flags


def test_an_age_put_in_a_rewritten_clause_counts_the_person_not_the_years() -> None:
    # "years" stands on the old side; the boy does not: the age rides in new material
    flags = _body("The children, the youngest of them a few years old, were hurt early Sunday in a fire that "
                  "marks the town’s worst in years.",
                  "Crews rescued the children early Sunday from the town’s worst fire in a decade; a 12-year-old "
                  "boy climbed down a drainpipe to get out.")
    assert not any(f.type == "figure" and f.severity == "high" and f.new_value == 12 for f in flags), flags


def test_a_date_glued_to_the_word_before_it_by_markup_is_still_read() -> None:
    # a page's markup drops the space around link text: the date itself did not change
    flags = _body("Police arrested the skipperon March 12 at a house near the quay.",
                  "Police arrested the skipperMarch 12 at a house near the quay.")
    assert "figure" not in _types(flags) and _substantive(flags) == [], flags


def test_a_span_of_time_and_an_age_in_a_rewritten_headline_are_not_one_figure() -> None:
    # paired by their order alone, "Nine weeks" would read as changed into the age
    old = "Nine weeks after a boy went missing at sea, coastguard weighs new search\nBody text stays.\n"
    new = "Skipper denies all charges over death of 15-year-old\nBody text stays.\n"
    flags = list(flag_texts(old, new))
    assert not any(f.type == "figure" or "figure" in f.facts for f in flags), flags


def test_a_count_restated_as_a_rank_of_the_same_thing_is_one_figure_changed() -> None:
    flags = _body("So far, four harbours have closed their piers since 2021, the council said.",
                  "Brell marks the fifth harbour to close its pier since 2021, the council said.")
    figs = [f for f in flags if f.type == "figure"]
    assert [(f.old_value, f.new_value) for f in figs] == [(4, 5)], flags


def test_an_age_and_the_same_number_without_its_noun_are_the_same_figure() -> None:
    flags = _body("He was only 13 years old when the barn burned down.", "He was 13 when the barn burned down.")
    assert "figure" not in _types(flags), flags


def test_an_age_in_brackets_taken_out_of_a_rewritten_headline_is_a_figure_removed() -> None:
    # "Jan Smit (45)": the person stays in the story, only their age is taken out
    flags = list(flag_texts("Harbour attack suspect Jan Smit (45) was known to police\nBody.\n",
                            "Suspect in attack on harbour, Jan Smit, was known to police\nBody.\n"))
    assert any("figure" in f.facts and f.severity == "high" for f in flags), flags


def test_a_year_in_brackets_is_no_age() -> None:
    from versioner.figureflags import _bracketed_ages
    from versioner.figures import extract_figures

    text = "The Harbour Report (2019) and Jan Smit (45) were cited."
    assert [f.text for f in _bracketed_ages(text, extract_figures(text))] == ["45"]


def test_a_count_given_without_its_number_replaced_by_a_number_is_a_figure_changed() -> None:
    flags = _body("Several metres of water could cover the fields below Brell by Friday.",
                  "Up to 8ft of water could cover the fields below Brell by Friday.")
    figs = [f for f in flags if f.type == "figure"]
    assert [(f.old, f.new_value) for f in figs] == [("Several metres", 8)], flags
    assert figs[0].old_value is None  # "several" states no number: no value to report


def test_a_count_given_without_its_number_taken_out_is_no_figure() -> None:
    flags = _body("Rescuers searched the harbour, and dozens of boats joined them overnight.",
                  "Rescuers searched the harbour overnight.")
    assert "figure" not in _types(flags), flags


# -- negation ---------------------------------------------------------------------


def test_a_nor_clause_taken_out_is_no_negation() -> None:
    flags = _body("The owner did not respond to a request for comment, nor did she.",
                  "The owner did not respond to a request for comment.")
    assert flags and "negation" not in _types(flags), flags


# -- attribution ------------------------------------------------------------------


def test_a_neutral_verb_of_saying_restyled_is_style() -> None:
    # the same speaker, "said" for "told reporters": nothing new claimed of who spoke
    for old, new in (("The quay will reopen in May, the harbour master said.",
                      "The quay will reopen in May, the harbour master told reporters."),
                     ("The quay will reopen in May, Darrow says.", "The quay will reopen in May, Darrow added.")):
        flags = _body(old, new)
        assert flags and "attribution" not in _types(flags) and _substantive(flags) == [], (old, flags)


def test_a_loaded_verb_of_saying_put_in_stays_attribution() -> None:
    flags = _body("The quay will reopen in May, Darrow said.", "The quay will reopen in May, Darrow claimed.")
    assert "attribution" in _types(flags)


def test_a_verb_of_saying_read_as_a_noun_is_no_attribution() -> None:
    for old, new in (("Ferry rules differ between the states.", "Ferry rules differ between the provinces."),
                     ("Officials checked the reports of smoke.", "Officials checked the calls about smoke."),
                     ("The ferry rule now covers two states.", "The ferry rule now covers a third state.")):
        flags = _body(old, new)
        assert flags and "attribution" not in _types(flags), flags


def test_a_sentence_put_in_with_its_own_source_is_no_attribution_change() -> None:
    # new material that cites its source: what it says is the change, not who said it
    flags = _body("The quay will reopen in May.",
                  "The quay will reopen in May, while the ferry office said boats would use the northern slipway instead.")
    assert flags and "attribution" not in _types(flags), flags
    # a source put in after a claim that stood is
    flags = _body("The quay will reopen in May.", "The quay will reopen in May, police said.")
    assert "attribution" in _types(flags), flags


def test_when_or_how_it_was_said_is_no_change_of_source() -> None:
    for old, new in (("Darrow said the quay would reopen.", "Darrow previously said the quay would reopen."),
                     ("Darrow told reporters the quay would reopen.", "Darrow on Monday told reporters the quay would reopen.")):
        assert "attribution" not in _types(_body(old, new)), old


def test_a_speaker_named_again_shorter_before_the_verb_is_no_change_of_source() -> None:
    for before in ("the chief", "she"):
        flags = _body(f"Port police chief Ann Darrow visited the quay. It was safe, {before} said.",
                      "Port police chief Ann Darrow visited the quay. It was safe, Darrow said.")
        assert "attribution" not in _types(flags), flags
    # named in another paragraph of the story: still the same speaker
    named = "Port police chief Ann Darrow visited the quay on Monday.\n"
    flags = list(flag_texts(HEAD + named + "It was safe, the chief said.\n", HEAD + named + "It was safe, Darrow said.\n"))
    assert "attribution" not in _types(flags), flags
    # one named speaker for another stays attribution
    flags = _body("The quay was safe, Darrow said.", "The quay was safe, Okafor said.")
    assert _substantive(flags), flags
