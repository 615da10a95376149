"""A figure changed in a sentence the diff cuts into several hunks, and the noun a number
standing as a subject counts (issue 16). Every text here is invented."""

from __future__ import annotations

from versioner.figures import extract_figures
from versioner.flags import Flag, flag_texts


def _figures(old_para: str, new_para: str) -> list[Flag]:
    head = "Ferry lost off Dorrin coast\n"
    return [f for f in flag_texts(head + old_para + "\n", head + new_para + "\n") if f.type == "figure"]


def test_a_number_standing_as_subject_counts_the_noun_after_its_verb() -> None:
    figs = extract_figures("Of the 131 riders in the race, 117 were members of the club and 40% are women.")
    assert [(f.text, f.noun) for f in figs] == [("131", "riders"), ("117", "members"), ("40%", "women")]


def test_a_verb_after_the_number_is_still_no_noun() -> None:
    assert [f.noun for f in extract_figures("About 500 were arrested on Sunday.")] == [None]


def test_a_count_changed_across_two_hunks_is_one_figure_changed() -> None:
    # the count's number is cut from its sentence's other edits by the diff: "112" goes
    # in one hunk, "117" comes in another, both counting members
    flags = _figures("Among the 114 passengers on the ferry were 112 members of Dorrin’s militia and two customs "
                     "officers, Ansel Vo said.",
                     "Of the 131 riders in the race, 117 were members of the club and two were customs officers, "
                     "the coastguard said.")
    assert [(f.old_value, f.new_value) for f in flags] == [(114, 131), (112, 117)], flags
    assert all(f.severity == "high" for f in flags), flags


def test_figures_counting_different_things_in_two_hunks_stay_apart() -> None:
    flags = _figures("The storm cut power to 300 homes on Friday, and crews worked through the night, Vo said.",
                     "The storm cut power on Friday, and crews worked through the night to reach 40 farms, Vo said.")
    assert (300, 40) not in [(f.old_value, f.new_value) for f in flags], flags


# -- a sentence taken out with its figure; "first" put in or taken out ---------------------


def test_a_sentence_taken_out_with_its_figure_is_a_figure_removed() -> None:
    # the paragraph stands; the sentence that stated the figure is gone: the figure is retracted
    flags = _figures("The rebels gained ground in the north. Their biggest gains came in the east, where they "
                     "took some 300 sq km in Brell.", "The rebels gained ground in the north.")
    assert [(f.old_value, f.new_value, f.severity) for f in flags] == [(300, None, "high")], flags
    flags = _figures("More than 1,500 islanders had asked for help, he said. The line stays open.",
                     "The line stays open.")
    assert [(f.old_value, f.new_value, f.severity) for f in flags] == [(1500, None, "high")], flags


def test_a_clause_taken_out_with_its_figure_is_left_to_the_wording_rules() -> None:
    # a clause, not a sentence: what it counted rides in the words around it
    flags = _figures("The ferry sailed at dawn, carrying some 300 sheep to the island.",
                     "The ferry sailed at dawn.")
    assert [f.severity for f in flags] in ([], ["low"]), flags


def test_a_sentence_put_in_with_its_figure_is_new_material() -> None:
    # added material: a figure that replaces none published, which the wording rules judge
    flags = _figures("The rebels gained ground in the north.", "The rebels gained ground in the north. "
                     "Their biggest gains came in the east, where they took some 300 sq km in Brell.")
    assert [f.severity for f in flags] in ([], ["low"]), flags


def test_first_put_in_or_taken_out_is_no_figure() -> None:
    # "first" tells a sequence ("its first weekend", "first goal"), not a count or a rank changed
    assert _figures("Riders face long queues this weekend without pay.",
                    "Riders face long queues in their first weekend without pay.") == []
    assert _figures("The striker scores his first goals at Dorrin Park.", "The striker scores at Dorrin Park.") == []
    assert _figures("The plan may form part of the harbour deal.", "The plan is the first part of the harbour deal.") == []


def test_first_for_another_rank_is_a_figure_changed() -> None:
    flags = _figures("Dorrin scored in the second half.", "Dorrin scored in the first half.")
    assert [(f.old_value, f.new_value) for f in flags] == [(2, 1)], flags


def test_a_family_count_leaving_with_its_sentence_is_no_figure_removed() -> None:
    # "his two sons" tells who the man is; a toll in the same place is a figure removed
    kept = "Police took a second call from Quay Street. The caller named the suspect as Holm."
    assert _figures("Police took a second call from Quay Street. A man said a neighbour had taken his two sons "
                    "and driven off. The caller named the suspect as Holm.", kept) == []
    toll = _figures("Police took a second call from Quay Street. Officials said 40 homes were destroyed. "
                    "The caller named the suspect as Holm.", kept)
    assert [(f.old_value, f.new_value) for f in toll] == [(40, None)]


def test_a_count_retold_one_by_one_is_no_figure_removed() -> None:
    # the plural group counted no longer stands: each grant is named singly, amounts kept
    assert _figures("There are two grants on offer for families — one of up to $5,000 from the county and a state "
                    "grant of up to $2,000.",
                    "The grant comes on top of the state’s $2,000 grant for families, the county said on Monday. "
                    "There is also a separate grant of $5,000 from the county.") == []


def test_a_word_for_each_time_restyled_before_of_is_no_figure() -> None:
    assert _figures("She led the union through two rounds of talks.", "She led the union through two cycles of talks.") == []
    assert _figures("The council sent two tonnes of rice.", "The council sent two bags of rice.") != []


def test_a_dutch_family_count_leaving_with_its_sentence_is_no_figure_removed() -> None:
    kept = "Kort daarna kreeg de politie een tweede melding. De beller noemde Holm als verdachte."
    assert _figures("Kort daarna kreeg de politie een tweede melding. Een vrouw zei dat haar ex-partner haar drie "
                    "kinderen had meegenomen. De beller noemde Holm als verdachte.", kept) == []


def test_a_time_of_day_leaving_with_its_sentence_is_no_figure_removed() -> None:
    kept = "Crews stayed at the scene overnight. The cause is not yet known."
    assert _figures("Crews stayed at the scene overnight. Police said they would give an update at 3 p.m. "
                    "The cause is not yet known.", kept) == []
    cut = _figures("Police will give an update at 3 p.m. on Monday.", "Police will give an update on Monday.")
    assert [(f.old_value, f.new_value) for f in cut] == [(1500, None)]  # taken out of a sentence that stands


def test_a_vague_count_made_its_stand_in_number_is_a_figure_changed() -> None:
    flags = _figures("Dozens of people were evacuated overnight.", "About 24 people were evacuated overnight.")
    assert [(f.severity, f.old_value, f.new_value) for f in flags] == [("high", None, 24)]
