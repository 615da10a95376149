"""Issue 16 item 6: each change in `diff --format json` carries its word-level pieces."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.diff import compare
from versioner.model import Revision
from versioner.parse import normalise
from versioner.render.diffview import diff_json

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None)


def json_changes(old_text: str, new_text: str) -> list[dict[str, object]]:
    old = Revision.from_text("a", 1, "2026-01-01T00:00:00Z", normalise(old_text))
    new = Revision.from_text("a", 2, "2026-01-02T00:00:00Z", normalise(new_text))
    comparison = compare(old.parts(), new.parts())
    return diff_json(comparison, (), old, new)["changes"]  # type: ignore[no-any-return]


def sides(ops: list[dict[str, str]]) -> tuple[str, str]:
    old = "".join(o["text"] for o in ops if o["op"] in ("equal", "delete"))
    new = "".join(o["text"] for o in ops if o["op"] in ("equal", "insert"))
    return old, new


def test_seed_headline_correction_inserts_one_word(run, seeded):
    data = json.loads(run("diff", "balochistan-militants", "--format", "json").stdout)
    headline = next(c for c in data["changes"] if c["section"] == "headline")
    assert [o for o in headline["ops"] if o["op"] != "equal"] == [{"op": "insert", "text": "militants "}]
    for c in data["changes"]:  # the keys that were there stay
        assert {"section", "paragraph", "kind", "old", "new", "ops"} <= set(c)


def test_added_removed_and_moved_paragraphs_have_ops():
    old = "Head\n\nFirst paragraph stays here.\n\nThis one goes away entirely now.\n\nA closing line that moves."
    new = "Head\n\nA closing line that moves.\n\nFirst paragraph stays here.\n\nA brand new paragraph arrives."
    for c in json_changes(old, new):
        assert c["ops"], c
        assert sides(c["ops"]) == (c["old"], c["new"])  # type: ignore[arg-type]


_WORDS = st.sampled_from(["the", "mayor", "said", "17", "people", "were", "killed", "Ortiz", "not",
                          "on", "Monday", "3.5", "\"quoted\"", "city", ",", "."])
_PARAGRAPH = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)
_ARTICLE = st.lists(_PARAGRAPH, min_size=1, max_size=5).map(lambda ps: "Headline words\n\n" + "\n\n".join(ps))


@PROPERTY
@given(_ARTICLE, _ARTICLE)
def test_ops_give_back_both_sides(old, new):
    for c in json_changes(old, new):
        ops = c["ops"]
        assert all(o["op"] in ("equal", "insert", "delete") and o["text"] for o in ops)  # type: ignore[union-attr]
        assert sides(ops) == (c["old"], c["new"])  # type: ignore[arg-type]
