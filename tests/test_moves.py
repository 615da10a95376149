"""Issue 16 item 3: words, phrases and sentences that move are a move (low), never a
removal and an addition of the same figure or name; a move with an edit flags only the edit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.flags import flag_texts
from versioner.model import FlagType, Severity

PROPERTY = settings(derandomize=True, max_examples=150, deadline=None)

HEAD = "Council approves the harbour plan\n\n"


def test_sentence_moved_across_paragraphs_is_one_low_move():
    old = HEAD + ("The council met on Tuesday evening. Eleven members voted for the plan.\n\n"
                  "Work on the quay starts in spring, said Mayor Ines Okafor.")
    new = HEAD + ("The council met on Tuesday evening.\n\n"
                  "Work on the quay starts in spring, said Mayor Ines Okafor. Eleven members voted for the plan.")
    flags = flag_texts(old, new)
    assert [(f.type, f.severity) for f in flags] == [(FlagType.MOVED, Severity.LOW)]
    assert flags[0].reason == "words moved from paragraph 1"


def test_name_moved_inside_a_paragraph_is_not_removed_and_added():
    old = HEAD + "Okafor said the quay would reopen in May after repairs to the sea wall."
    new = HEAD + "The quay would reopen in May after repairs to the sea wall, Okafor said."
    flags = flag_texts(old, new)
    assert not [f for f in flags if f.type == FlagType.NAME], flags
    assert any(f.type == FlagType.MOVED for f in flags)


def test_figure_moved_with_an_edit_flags_only_the_edit():
    old = HEAD + ("On March 9 the storm closed the port for 17 hours. Ferries were cancelled.\n\n"
                  "The harbour master praised the crews.")
    new = HEAD + ("Ferries were cancelled.\n\n"
                  "The harbour master praised the crews. On March 9 the storm closed the port for 19 hours.")
    flags = flag_texts(old, new)
    figures = [f for f in flags if f.type == FlagType.FIGURE]
    assert [(f.old_value, f.new_value) for f in figures] == [(17, 19)]  # the edit, nothing else
    assert not any(f.type == FlagType.FIGURE and "March" in f.reason for f in flags)
    assert any(f.type == FlagType.MOVED for f in flags)


def test_figure_moved_in_a_reworded_sentence_is_a_move():
    # the sentence around it rewritten too much to pair, the figure the same: moved, not gone and come
    old = HEAD + ("Marchers gathered at the town hall at noon.\n\n"
                  "The mayor spoke briefly.\n\n"
                  "Marchers will also carry 40 lanterns, one for each village lost to the flood.")
    new = HEAD + ("Marchers gathered at the town hall at noon. Around them stood 40 lanterns, a light for every "
                  "village the water took.\n\n"
                  "The mayor spoke briefly.")
    flags = flag_texts(old, new)
    assert not [f for f in flags if f.type == FlagType.FIGURE], flags
    moved = [f for f in flags if f.type == FlagType.MOVED and f.severity == Severity.LOW]
    assert [(f.old_value, f.new_value, f.reason) for f in moved] == [(40, 40, "figure moved from paragraph 3")]


def test_date_word_moved_across_paragraphs_is_not_removed_and_added():
    old = HEAD + ("On Monday the council backed the plan after a long debate about costs.\n\n"
                  "Harbour traders welcomed the result.")
    new = HEAD + ("The council backed the plan after a long debate about costs and its timing.\n\n"
                  "Harbour traders welcomed the result on Monday.")
    flags = flag_texts(old, new)
    dates = [f for f in flags if f.type == FlagType.FIGURE]
    assert not dates, flags
    assert any(f.type == FlagType.MOVED for f in flags)


def test_same_number_counting_something_else_is_not_a_move():
    old = HEAD + "The storm left 17 dead in the valley.\n\nRoads were closed."
    new = HEAD + "The storm hit the valley.\n\nRoads were closed and 17 injured were treated in town."
    flags = flag_texts(old, new)
    assert FlagType.MOVED not in {f.type for f in flags}


def test_real_removals_and_additions_stay():
    old = HEAD + "The plan costs 40 million euros.\n\nCritics said the plan ignores the fishermen."
    new = HEAD + "The plan costs 40 million euros and will take 3 years."
    flags = flag_texts(old, new)
    assert FlagType.MOVED not in {f.type for f in flags}
    assert {f.type for f in flags} >= {FlagType.PARAGRAPH_REMOVED, FlagType.FIGURE}


def test_a_paragraph_rewritten_where_it_now_stands_is_no_paragraph_move():
    # most of its words changed: a rewrite, told by its word flags, not a move
    a, b, d = ("The council met on Tuesday evening in the old town hall.",
               "Eleven members voted for the plan after a long debate.", "Work starts in spring, said Mayor Ines Okafor.")
    c = "The quay will close for repairs during the winter months."
    rewritten = ("While the quay will close for repairs during the winter months, the ferry office "
                 "expects boats to use the northern slipway instead.")
    flags = flag_texts(HEAD + "\n\n".join([a, b, c, d]), HEAD + "\n\n".join([a, rewritten, b, d]))
    assert flags and FlagType.PARAGRAPH_MOVED not in {f.type for f in flags}, flags
    # most of its words standing, it is a move with an edit
    edited = "The quay will close for repairs during the cold winter months."
    flags = flag_texts(HEAD + "\n\n".join([a, b, c, d]), HEAD + "\n\n".join([a, edited, b, d]))
    assert [f.type for f in flags] == [FlagType.PARAGRAPH_MOVED, FlagType.WORDING], flags


_NAMES = ["Okafor", "Lindqvist", "Marisol Teague", "Port Aven"]
_FILLER = ["the crews worked through the night", "ferries were cancelled", "the quay stayed shut",
           "officials gave no reason", "repairs began at dawn"]


@st.composite
def _moved_article(draw: st.DrawFn) -> tuple[str, str, str]:
    """An article, the same with one sentence holding a figure or a name moved elsewhere
    (within or across paragraphs), and the figure or name it holds."""
    thing = draw(st.sampled_from([*_NAMES, *(str(n) for n in (17, 212, 3500, 48))]))
    is_name = not thing.isdigit()
    moved = (f"{thing} spoke to reporters at the harbour." if is_name
             else f"The storm closed {thing} shops along the coast.")
    # distinct sentences, as in real copy (a sentence said twice makes any diff guess)
    filler = draw(st.permutations(_FILLER))[: draw(st.integers(2, len(_FILLER)))]
    sentences = [f"{s.capitalize()}." for s in filler]
    where = draw(st.integers(0, len(sentences)))
    to = draw(st.integers(0, len(sentences)))
    cut = draw(st.integers(1, len(sentences)))  # where a paragraph break falls
    old_s = sentences[:where] + [moved] + sentences[where:]
    new_s = sentences[:to] + [moved] + sentences[to:]

    def text(ss: list[str]) -> str:
        return HEAD + " ".join(ss[:cut]) + "\n\n" + " ".join(ss[cut:])

    return text(old_s), text(new_s), thing


@PROPERTY
@given(_moved_article())
def test_a_move_never_yields_a_removal_and_an_addition_of_the_same_thing(case):
    old, new, thing = case
    flags = flag_texts(old, new)
    if thing.isdigit():
        value = int(thing)
        removed = any(f.type == FlagType.FIGURE and f.old_value == value and f.new_value is None for f in flags)
        added = any(f.type == FlagType.FIGURE and f.new_value == value and f.old_value is None for f in flags)
    else:
        removed = any(f.type == FlagType.NAME and thing in f.old and thing not in f.new for f in flags)
        added = any(f.type == FlagType.NAME and thing in f.new and thing not in f.old for f in flags)
    assert not (removed and added), flags


def test_cached_moves_and_rewrites_read_back_as_a_fresh_comparison_gives(run, write, store_path):
    # the pair cache stores flags as JSON: a moved flag, and the flags inside a rewritten
    # lede, must come back from it exactly as a fresh comparison makes them
    from versioner.audit import audit_store
    from versioner.pipeline import PairCache, compare_pair
    from versioner.store import Store

    old = HEAD + ("Militants killed 17 soldiers in a coordinated assault on border posts early Sunday.\n\n"
                  "The council met on Tuesday evening. Eleven members voted for the plan.\n\n"
                  "Work on the quay starts in spring, said Mayor Ines Okafor.")
    new = HEAD + ("A dawn raid by insurgents left soldiers dead at border posts across the province.\n\n"
                  "The council met on Tuesday evening.\n\n"
                  "Work on the quay starts in spring, said Mayor Ines Okafor. Eleven members voted for the plan.")
    run("add", write("a.txt", old), "--article", "harbour", "--at", "2026-03-01T08:00:00Z")
    run("add", write("b.txt", new), "--article", "harbour", "--at", "2026-03-01T09:00:00Z")
    first = run("audit", "--format", "json").stdout
    with Store.open(store_path) as st:
        revs = st.revisions("harbour")
        pairs = PairCache(st)
        cached = pairs.get(revs[0], revs[1], revs[0].parts(), revs[1].parts())
        assert (pairs.hits, pairs.misses) == (1, 0)
        again = audit_store(st)
    fresh = compare_pair(revs[0].parts(), revs[1].parts())
    assert cached == fresh
    assert {FlagType.MOVED, FlagType.FIGURE} <= {f.type for f in cached.flags}
    assert run("audit", "--format", "json").stdout == first
    assert again
    assert run("verify").exit_code == 0
