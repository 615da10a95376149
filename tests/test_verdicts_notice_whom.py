"""What a notice covers, by whom it names and by what it adds to a quotation.

- a correction about someone named covers only changes in a passage that names them;
  a paragraph about someone else cut in the same revision is not what it tells of;
- an update notice covers a quotation carried on past where it ended, its speaker
  still named: words added to what was said, none taken back.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

STORY = [
    "Three hurt in shooting at Orlen tram depot",
    "Police in Orlen said three people were hurt on Friday when a man opened fire at a tram depot.",
    "Pavel Linde, whose sister was among the injured, said he drove to the depot at once.",
    "A driver said the gunman had fired at a passing tram and then fled on foot, officers said.",
    "The depot will stay closed until Monday, the operator said.",
]


def test_a_correction_about_someone_named_does_not_cover_a_paragraph_about_someone_else() -> None:
    cut = [line for line in STORY if not line.startswith("A driver")] + [
        "Correction: An earlier version of this story misstated Pavel Linde’s relationship to one of the "
        "injured. His wife was hurt while leaving the depot."]
    verdicts = audit_lines(STORY, cut)
    assert verdicts[1].verdict == "mismatch"


def test_a_correction_about_someone_named_covers_a_change_in_their_passage() -> None:
    fixed = [line.replace("whose sister", "whose wife") for line in STORY] + [
        "Correction: An earlier version of this story misstated Pavel Linde’s relationship to one of the injured."]
    verdicts = audit_lines(STORY, fixed)
    assert verdicts[1].verdict == "consistent"


QUOTED = [
    "Singer charged over Vessa warehouse fire",
    "Prosecutors in Vessa charged the singer Tomas Rell on Monday over a fire that gutted a warehouse.",
    "“Let us be clear – the facts will prove our client played no part in that blaze,” "
    "attorneys Mira Sand and Olaf Kerr said in a statement.",
    "Rell is due in court next month.",
]


def test_an_update_covers_a_quotation_carried_on_with_its_speaker_still_named() -> None:
    carried_on = [
        QUOTED[0], QUOTED[1],
        "In a statement Monday evening, Mira Sand – one of Rell’s attorneys – wrote, “The facts will prove "
        "our client played no part in that blaze. We will answer every charge in court.”",
        QUOTED[3],
        "Rell’s manager said the tour would go ahead as planned.",
        "This story has been updated with additional information.",
    ]
    verdicts = audit_lines(QUOTED, carried_on)
    assert verdicts[1].verdict == "consistent"


def test_an_update_does_not_cover_a_quotation_whose_speaker_is_gone() -> None:
    carried_on = [
        QUOTED[0], QUOTED[1],
        "In a statement Monday evening, the label wrote, “The facts will prove our client played "
        "no part in that blaze. We will answer every charge in court.”",
        QUOTED[3],
        "This story has been updated with additional information.",
    ]
    verdicts = audit_lines(QUOTED, carried_on)
    assert verdicts[1].verdict == "undisclosed"


APPOINTED = [
    "Health minister names two new aides",
    "The health minister on Thursday named Lars Okafor a senior adviser on drug prices, the ministry said.",
    "Okafor led the talks with drug makers last year.",
]


def test_an_update_notice_does_not_cover_a_rank_in_a_title_changed_in_place() -> None:
    later = [
        APPOINTED[0],
        APPOINTED[1].replace("a senior adviser", "chief adviser"),
        APPOINTED[2],
        "The ministry confirmed the appointments later on Thursday, saying they would speed up its plans.",
        "This story has been updated with additional reporting.",
    ]
    verdicts = audit_lines(APPOINTED, later)
    assert verdicts[1].verdict == "undisclosed"


def test_an_update_notice_covers_a_title_written_out_around_new_material() -> None:
    later = [
        APPOINTED[0],
        APPOINTED[1],
        APPOINTED[2] + " He was previously a senior analyst at the national audit office.",
        "This story has been updated with additional reporting.",
    ]
    verdicts = audit_lines(APPOINTED, later)
    assert verdicts[1].verdict == "consistent"
