"""Each side of an edited paragraph is read once, however many edits it holds, and the
readings are passed down to the rules, not cached by their text (issue 16, speed)."""

from __future__ import annotations

import pytest

from versioner import reading
from versioner.flags import flag_texts

HEAD = "Storm closes the port\n\n"
OLD = ("The storm closed the port on Monday, officials said. Ann Lee, the harbour master, "
       "said 14 ships were waiting. \"We will reopen soon,\" she said. Crews began work at dawn.")
# four edits in one paragraph: a figure, a name, a quote and a word
NEW = ("The storm closed the port on Monday, officials said. Ann Leigh, the harbour master, "
       "said 16 ships were waiting. \"We will reopen later,\" she said. Crews started work at dawn.")


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    made: list[tuple[str, bool]] = []
    real_init = reading.Reading.__init__

    def counting_init(self: reading.Reading, text: str, headline: bool = False) -> None:
        made.append((text, headline))
        real_init(self, text, headline)

    monkeypatch.setattr(reading.Reading, "__init__", counting_init)
    return made


def test_each_side_of_an_edited_paragraph_is_read_once(readings: list[tuple[str, bool]]) -> None:
    for _ in range(2):  # the second pair reads its paragraphs again: no reading outlives its pair
        flags = flag_texts(HEAD + OLD + "\n", HEAD + NEW + "\n")
        assert len({f.reason for f in flags}) >= 3  # the edits were flagged apart, each by the rules
        assert sorted(readings) == sorted([(OLD, False), (NEW, False)])
        readings.clear()


def test_a_headline_is_read_once_a_side_as_a_headline(readings: list[tuple[str, bool]]) -> None:
    body = "The storm closed the port on Monday.\n"
    flag_texts("Storm closes the port\n\n" + body, "Storm shuts the main port\n\n" + body)
    # each side once as a headline; a headline in sentence case once more as a sentence
    # (where its capitals mark names), however many rules ask
    assert sorted(r for r in readings if r[1]) == sorted([("Storm closes the port", True),
                                                          ("Storm shuts the main port", True)])
    assert len([r for r in readings if not r[1]]) <= 2


def test_readings_are_not_kept_between_calls() -> None:
    # passed down, not cached by text: two calls give two readings
    assert reading.read("Ann Lee spoke.") is not reading.read("Ann Lee spoke.")


def test_a_rules_fact_about_a_paragraph_side_is_read_once_for_all_its_hunks(monkeypatch: pytest.MonkeyPatch) -> None:
    from versioner import quotes

    # three edits inside the quotes of one paragraph: each asks for the side's quotations
    old = 'Lee said: "We will reopen the port soon, with all crews, and by the end of the week."\n'
    new = 'Lee said: "We might reopen the harbour soon, with most crews, and by the end of the week."\n'
    asked: list[str] = []
    real = quotes._flat_quotes

    def counting(r: reading.Reading) -> list[str]:
        asked.append(r.text)
        return real(r)

    monkeypatch.setattr(quotes, "_flat_quotes", counting)
    flags = flag_texts(HEAD + old, HEAD + new)
    assert flags
    assert sorted(asked) == sorted([old.strip(), new.strip()])


def test_a_fact_is_worked_out_once_and_then_looked_up() -> None:
    calls: list[str] = []

    def words(r: reading.Reading) -> list[str]:
        calls.append(r.text)
        return r.text.split()

    side = reading.read("Ann Lee spoke at noon.")
    assert side.fact(words) is side.fact(words)
    assert calls == ["Ann Lee spoke at noon."]
