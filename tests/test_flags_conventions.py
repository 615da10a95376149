"""Flags on edits an editor lists as no name, quote or attribution change (issue 16,
helper f1flags): the conventions written down in bench/README.md ("Flag conventions"),
each pinned on synthetic copy of our own."""

from __future__ import annotations

from versioner.flags import flag_texts

HEAD = "Fire at Vessa warehouse kills 4\nBy Mara Ellison\n"
LEAD = "A fire at a warehouse in Vessa killed 4 people on Monday, police said.\n"


def _types(old: str, new: str) -> set[str]:
    """Flag types found as bench/realdata.py finds them: a flag's type, or a fact it lists."""
    out = set()
    for f in flag_texts(old, new):
        out.add(f.type.value)
        out.update(x.value for x in f.facts)
    return out


def _pair(old_line: str, new_line: str, head: str = HEAD) -> tuple[str, str]:
    return head + LEAD + old_line + "\n", head + LEAD + new_line + "\n"


def test_headline_quote_put_in_as_the_headline_is_rewritten_is_no_quote_change() -> None:
    old = "Rescuers search warehouse after fire in Vessa\nBy Mara Ellison\n" + LEAD
    new = "Vessa mourns after fire: ‘No one saw it coming’\nBy Mara Ellison\n" + LEAD
    assert "quote" not in _types(old, new)
    assert "headline" in _types(old, new)


def test_headline_quote_taken_out_whole_with_its_speaker_is_no_quote_change() -> None:
    old = "Vessa fire: 'A night of horror', says mayor\nBy Mara Ellison\n" + LEAD
    new = "Inquiry opened into Vessa fire as death toll rises\nBy Mara Ellison\n" + LEAD
    assert "quote" not in _types(old, new)


def test_words_changed_inside_a_headline_quote_are_still_a_quote_change() -> None:
    old = "Mayor on Vessa fire: 'We will rebuild every home'\nBy Mara Ellison\n" + LEAD
    new = "Mayor on Vessa fire: 'We will inspect every home'\nBy Mara Ellison\n" + LEAD
    assert "quote" in _types(old, new)


def test_a_verb_of_saying_in_the_passive_cites_no_one() -> None:
    old, new = _pair("The findings, expected to be announced on Friday, are eagerly awaited.",
                     "The findings are eagerly awaited by families.")
    assert "attribution" not in _types(old, new)
    old, new = _pair("The closure, which was confirmed late on Monday, angered traders.",
                     "The closure angered traders across the district.")
    assert "attribution" not in _types(old, new)


def test_a_hedge_in_the_passive_still_attributes() -> None:
    old, new = _pair("The driver is said to have fled.", "The driver fled.")
    assert "attribution" in _types(old, new)


def test_a_people_called_by_its_nickname_is_no_name() -> None:
    old, new = _pair("Many travellers were among the visitors to Vessa on Sunday.",
                     "Many Aussies were among the visitors to Vessa on Sunday.")
    assert "name" not in _types(old, new)
    old, new = _pair("Kiwis have been told to avoid Vessa.", "Tourists have been told to avoid Vessa.")
    assert "name" not in _types(old, new)
    old, new = _pair("Veel Nederlanders kwamen zondag kijken.", "Veel landgenoten kwamen zondag kijken.")
    assert "name" not in _types(old, new)


def test_a_surname_that_is_an_ordinary_plural_is_still_a_name() -> None:
    old = HEAD + LEAD + "Fire Chief Ann Brooks led the crews.\nBrooks said the roof fell in.\n"
    new = HEAD + LEAD + "Fire Chief Ann Brooks led the crews.\nBanks said the roof fell in.\n"
    types = _types(old, new)
    assert "name" in types or "attribution" in types


def test_a_company_with_or_without_its_legal_form_is_the_same_company() -> None:
    old, new = _pair("The site is owned by Kelland Energy plc, a supplier to the port.",
                     "The site is owned by Kelland Energy, a supplier to the port.")
    assert not {"name", "attribution"} & _types(old, new)
    old, new = _pair("Orlen Steelworks GmbH said it would pay for the repairs.",
                     "Orlen Steelworks said it would pay for the repairs.")
    assert not {"name", "attribution"} & _types(old, new)


def test_a_capital_put_for_its_country_before_said_is_the_same_speaker() -> None:
    old, new = _pair("Norway said it would send rescue teams.", "Oslo said it would send rescue teams.")
    assert not {"name", "attribution"} & _types(old, new)
    old, new = _pair("Kenya said it would send rescue teams.", "Nairobi said it would send rescue teams.")
    assert not {"name", "attribution"} & _types(old, new)


def test_a_projection_that_came_true_drops_its_source_without_an_attribution_change() -> None:
    old, new = _pair("Sanne Verhoef will win the Vessa seat, the Northwire Decision Desk projects.",
                     "Sanne Verhoef has won the Vessa seat.")
    assert not {"name", "attribution"} & _types(old, new)


def test_a_projection_source_dropped_while_still_a_projection_is_attribution() -> None:
    old, new = _pair("Sanne Verhoef will win the Vessa seat, the Northwire Decision Desk projects.",
                     "Sanne Verhoef will win the Vessa seat.")
    assert {"name", "attribution"} & _types(old, new)


def test_quotation_marks_taken_off_a_claim_in_a_headline_are_attribution() -> None:
    for o, c in (("'", "'"), ("‘", "’")):
        old = f"Blast at Orlen plant kills {o}at least 12{c}\nBy Mara Ellison\n" + LEAD
        new = "Blast at Orlen plant kills at least 12\nBy Mara Ellison\n" + LEAD
        flags = flag_texts(old, new)
        assert any("attribution" in [x.value for x in f.facts] and f.severity.value == "medium" for f in flags), flags
        old = f"Orlen blast was {o}deliberate{c}, say police\nBy Mara Ellison\n" + LEAD
        new = "Orlen blast was deliberate, say police\nBy Mara Ellison\n" + LEAD
        assert "attribution" in _types(old, new)


def test_a_headline_statement_given_after_a_colon_loses_its_marks_without_attribution() -> None:
    old = "Mayor: 'We will rebuild every home'\nBy Mara Ellison\n" + LEAD
    new = "Mayor: We will rebuild every home\nBy Mara Ellison\n" + LEAD
    assert "attribution" not in _types(old, new)


def test_a_clause_put_in_a_headline_with_its_own_verb_of_saying_is_no_attribution() -> None:
    old = "Mayor says Vessa will rebuild\nBy Mara Ellison\n" + LEAD
    new = "Mayor says Vessa will rebuild as the council says 'not now'\nBy Mara Ellison\n" + LEAD
    assert "attribution" not in _types(old, new)


def test_a_dutch_source_after_its_verb_swapped_for_another_is_attribution() -> None:
    head = "Brand in Vessa\nDoor NU.nl/ANP\nBij een brand in Vessa zijn maandag 4 mensen gewond geraakt.\n"
    for verb in ("meldt", "aldus", "zegt"):
        old = head + f"De brand is inmiddels onder controle, {verb} de brandweer.\n"
        new = head + f"De brand is inmiddels onder controle, {verb} de politie.\n"
        assert "attribution" in _types(old, new), verb
        new = head + f"De brand is inmiddels onder controle, {verb} omwonenden.\n"
        assert "attribution" in _types(old, new), verb


def test_the_listener_after_told_is_no_source() -> None:
    old, new = _pair("Lee told reporters the road would reopen.", "Lee told the Northwire agency the road would reopen.")
    assert "attribution" not in _types(old, new)


def test_one_table_of_verbs_of_saying() -> None:
    from versioner import attribution, hunknames, hunkrules

    assert hunkrules._SAID is attribution.SPEAKER_VERBS and hunknames._SAYING is attribution.SPEAKER_VERBS
    assert attribution._NEUTRAL_SAYING <= attribution.SPEAKER_VERBS
    assert {"meldt", "aldus", "zegt", "said", "told"} <= attribution.SPEAKER_VERBS
    assert "confirmed" not in attribution._NEUTRAL_SAYING  # a loaded verb for "said" is no restyle
