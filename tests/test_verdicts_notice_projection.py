"""A projection that became a result (issue 15): "will win, X projects" -> "has won" is
the story developing. The projection's source taken out with it takes back no
published fact, so the revision is an ``update``, not ``stealth``; the forecast turned
into what happened is news, not a restyling (``minor``).

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from versioner.audit import Verdict, audit_chain
from versioner.model import Revision
from versioner.parse import normalise

HEAD = "Mara Venn wins race for Halden mayor"
STORY = [
    HEAD,
    "Mara Venn will win the race for mayor of Halden, the Courier's election desk projects, ending "
    "twelve years of Liberal control of the town hall.",
    "Venn, a former teacher, campaigned on cheaper ferry fares and more housing.",
]


def _chain(*texts: list[str]) -> list[Verdict]:
    revs = [Revision.from_text("k", n, f"2026-05-08T{n:02d}:00:00Z", normalise("\n".join(t) + "\n"))
            for n, t in enumerate(texts, 1)]
    return audit_chain(revs)


def test_a_projection_become_a_result_is_an_update() -> None:
    result = [HEAD, "Mara Venn has won the race for mayor of Halden, ending twelve years of Liberal control "
                    "of the town hall.", STORY[2]]
    v = _chain(STORY, result)[1]
    assert (v.verdict, v.stealth_kind) == ("update", "added")


def test_a_source_taken_out_while_the_forecast_stands_is_still_stealth() -> None:
    unsourced = [HEAD, "Mara Venn will win the race for mayor of Halden, ending twelve years of Liberal "
                       "control of the town hall.", STORY[2]]
    assert _chain(STORY, unsourced)[1].verdict == "stealth"
