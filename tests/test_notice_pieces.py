"""The print corrections-column form with no label: a sentence that names the piece
and its error ("An article on Tuesday about ... misquoted ...", "In our review of
... we said ... In fact ..."), pasted under the story. Prose that talks about some
other piece's error is not a notice. Every fixture here is invented."""

from __future__ import annotations

import pytest
from verdict_chain import audit_lines, replaced

from versioner.model import NoticeKind
from versioner.notices import is_notice, parse_notice
from versioner.parse import normalise, parse

HEAD = "Harbour strike ends after nine days"
BODY = ["Dock workers in Halden returned to work on Wednesday after a nine-day strike.",
        "The union and the port authority agreed a pay rise of 4 percent."]


@pytest.mark.parametrize(("text", "old", "new"), [
    ("An article on Tuesday about the harbour strike misquoted the union's leader. She said, \"We will not be "
     "moved,\" not \"We will not move.\"", "We will not move", "moved"),
    ("A picture caption on Monday misidentified the woman on the left. She is Ana Pereira, not Ana Pires.",
     "Ana Pires", "Ana Pereira"),
    ("In our review of the Tallin concert (Arts, 4 March, page 9), we said the orchestra played Sibelius. "
     "In fact, it played Nielsen.", "Sibelius", "Nielsen"),
    ("• An essay about river pilots misstated the length of the Orle. It is 212 kilometres, not 221.",
     "221", "212"),
    # the present tense of a print column, and "In the original introduction to this report, we ..."
    ("A review on Page 12 about the Orle ferries misidentifies the boat's builder. It was Halden Marine, not "
     "Vessa Yards.", "Vessa Yards", "Halden Marine"),
    ("In the original introduction to this report, we mistakenly said the fire had burned 4,000 square miles. "
     "In fact, it has burned 4,000 acres.", "4,000 square miles", "4,000 acres"),
])
def test_a_column_correction_with_no_label_is_read_with_its_values(text: str, old: str, new: str) -> None:
    assert_correction_of(text, old, new)


def assert_correction_of(text: str, old: str, new: str, *, old_in_detail: bool = False) -> None:
    """``text`` is a correction notice with a claim from ``old`` (or, ``old_in_detail``,
    the thing it names) to ``new``."""
    assert is_notice(text)
    notice = parse_notice(text)
    assert notice.kind is NoticeKind.CORRECTION
    assert any(old in (c.old_value or "") + (" " + (c.target.detail or "") if old_in_detail else "")
               and new in (c.new_value or "") for c in notice.claims), notice.claims


@pytest.mark.parametrize(("text", "old", "new"), [
    # a plain verb with the print citation of the piece
    ("• A feature about lighthouse keepers (The last keepers, 3 March, page 22) said the Orle light was built "
     "in 1871. It was built in 1881.", "1871", "1881"),
    # a passive error verb on a photo
    ("• A photo that ran beside an article about the ferry strike was miscaptioned. It showed Ola Berg, "
     "not Ola Borg.", "Ola Borg", "Ola Berg"),
    # the column's own words: "..., not Z as we had it"
    ("• The conductor of the Halden choir is Mia Strand, not Mia Stand as we had it in last Saturday's guide.",
     "Mia Stand", "Mia Strand"),
    ("In last Saturday's review (The week in music, 15 May, page 5) we referred to Ivo Sand as a Danish "
     "composer. He is Norwegian.", "Danish", "Norwegian"),
])
def test_column_items_of_the_guardian_kind_are_read(text: str, old: str, new: str) -> None:
    assert_correction_of(text, old, new, old_in_detail=True)


def test_the_print_citation_of_the_piece_is_no_claim() -> None:
    notice = parse_notice("• An obituary of the painter Rune Eld wrongly stated that he was born in Bergen "
                          "(Lives, 2 June, page 40).")
    assert notice.kind is NoticeKind.CORRECTION
    assert not any("June" in (c.old_value or "") + (c.new_value or "") for c in notice.claims)
    assert all(c.target.subject != "date" for c in notice.claims)


@pytest.mark.parametrize("text", [
    "A report by the inspector general misstated the costs, officials said.",
    "The article he wrote misstated the figures.",
    "An article in the Courier wrongly stated that the mayor had resigned, according to her office.",
    "The story misstated nothing, the editor insisted.",
    "In our interview last spring, we said little about the budget.",
    "In our story last year, we said the bridge would open in 2025.",
    "An article about the strike ran on the front page on Tuesday.",
    "The column praised the union's leader for her patience.",
    # a plain verb needs the print citation, or "our" piece with the right version beside it
    "A feature about the strike said the port would reopen on Monday.",
    "The picture painted by officials misrepresented the scale of the damage.",
    # the story's own "not X as we said" is its text, not a column's item
    "The mayor, not her deputy as we said yesterday, will attend the opening.",
    "The fire started at 3 a.m., not 5 a.m. as first reported.",
])
def test_prose_about_a_piece_is_not_a_notice(text: str) -> None:
    assert not is_notice(text)


def test_a_column_correction_under_the_story_covers_the_change() -> None:
    old = [HEAD, *BODY, 'The union\'s leader said: "We will not move."']
    new = [HEAD, *BODY, 'The union\'s leader said: "We will not be moved."',
           "An article on Tuesday about the harbour strike misquoted the union's leader. She said, "
           "\"We will not be moved,\" not \"We will not move.\""]
    parts = parse(normalise("\n".join(new) + "\n"))
    assert any("misquoted" in n.raw for n in parts.notices)
    assert not any("misquoted" in p for p in parts.paragraphs)
    verdict = audit_lines(old, new)[1]
    assert verdict.verdict == "consistent", verdict


def test_whom_a_notice_names_ties_it_only_to_the_sentence_about_them() -> None:
    """A correction of where Brenna lies does not own a rent figure changed in the
    next sentence of the same paragraph: that figure changed in silence."""
    story = [HEAD, *BODY, "Brenna, in the province of Ostland, is growing fast. Rents rose 12 percent last year."]
    fixed = replaced(story, "in the province of Ostland", "in Westmark")
    notice = ("Correction: An earlier version of this story incorrectly located Brenna in the province of "
              "Ostland. It is in Westmark.")
    assert audit_lines(story, [*fixed, notice])[1].verdict == "consistent"
    assert audit_lines(story, [*replaced(fixed, "12 percent", "21 percent"), notice])[1].verdict == "undisclosed"
