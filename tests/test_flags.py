"""Flag rules that the labelled set exercises only once or twice, pinned here."""

from __future__ import annotations

from versioner.flags import flag_texts

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
