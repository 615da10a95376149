"""parse: raw input -> normalised text -> labelled parts, losslessly."""

from __future__ import annotations

import json
import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.errors import BadInput
from versioner.notices import is_notice
from versioner.parse import (
    SECTIONS,
    Part,
    Parts,
    decode,
    is_byline,
    is_credits_line,
    match_dateline,
    normalise,
    parse,
    parts_from_spans,
    parts_to_spans,
    read_source,
    source_from_json,
)


def sections(parts: Parts) -> list[str]:
    return [p.section for p in parts.parts]


def parsed(text: str) -> Parts:
    """Parse as the store does: normalised first, and always lossless."""
    norm = normalise(text)
    parts = parse(norm)
    assert parts.text() == norm
    return parts


REUTERS_STYLE = """\
(Corrects spelling of port official's name in paragraph 4)
Cargo ship runs aground off Gwadar, crew of 21 rescued
By Ariba Shahid
KARACHI, March 3 (Reuters) {dash} A cargo ship carrying cement ran aground off the port of Gwadar early on Tuesday, and all 21 crew members were taken off safely, Pakistan's maritime security agency said.
The vessel, registered in Panama, lost engine power in heavy seas about 12 nautical miles from the coast, the agency said in a statement.
No oil spill had been reported, it added.
"The crew are all in good health," said port official Nasir Baloch.
(Reporting by Ariba Shahid in Karachi; Editing by William Mallard)
"""


# -- parts on realistic inputs -----------------------------------------------


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_wire_story_has_notice_headline_byline_dateline_body_and_credits(dash: str) -> None:
    parts = parsed(REUTERS_STYLE.format(dash=dash))
    assert sections(parts) == ["notice", "headline", "byline", "dateline"] + ["body"] * 4 + ["credits"]
    assert parts.notices[0].text == "(Corrects spelling of port official's name in paragraph 4)"
    assert parts.notices[0].position == "top"
    assert parts.headline == "Cargo ship runs aground off Gwadar, crew of 21 rescued"
    assert parts.first("byline").text == "By Ariba Shahid"
    assert parts.first("dateline").text == f"KARACHI, March 3 (Reuters) {dash}"
    assert parts.paragraphs[0].startswith("A cargo ship carrying cement")
    assert parts.paragraphs[3] == '"The crew are all in good health," said port official Nasir Baloch.'
    assert parts.first("credits").text.startswith("(Reporting by Ariba Shahid")


@pytest.mark.parametrize(
    "line, dateline",
    [
        ("LONDON (AP) — Britain's economy grew 0.3% in the third quarter.", "LONDON (AP) —"),
        ("NEW YORK, Jan 5 (Reuters) - Wall Street opened lower on Monday.", "NEW YORK, Jan 5 (Reuters) -"),
        ("WASHINGTON, D.C., Nov. 4 (Reuters) – Voters went to the polls.", "WASHINGTON, D.C., Nov. 4 (Reuters) –"),
        ("PORT AVEN, March 10 (Courier) - Port Aven's first tram line opened.", "PORT AVEN, March 10 (Courier) -"),
    ],
)
def test_dateline_is_split_from_the_first_paragraph(line: str, dateline: str) -> None:
    parts = parsed(f"Headline about the news of the day\n\n{line}\n\nSecond paragraph here.\n")
    assert parts.first("dateline").text == dateline
    assert parts.paragraphs[0] == line[len(dateline):].lstrip()
    assert len(parts.paragraphs) == 2


def test_hyphenated_word_at_start_of_paragraph_is_not_a_dateline() -> None:
    parts = parsed("ACME-made phones - sales rose, the company said.\n")
    assert parts.first("dateline") is None
    assert match_dateline("ACME-made phones - sales rose.") is None


def test_markdown_heading_is_the_headline_without_its_hashes() -> None:
    parts = parsed("# Tram line opens in Port Aven\n\nThe first tram ran on Tuesday.\n\nIt was late.\n")
    head = parts.first("headline")
    assert head.raw == "# Tram line opens in Port Aven"
    assert parts.headline == "Tram line opens in Port Aven"
    assert parts.paragraphs == ("The first tram ran on Tuesday.", "It was late.")


def test_bottom_correction_line_is_a_bottom_notice() -> None:
    text = (
        "Altair jet diverts to Kestrel after cabin pressure alarm\n\n"
        "Flight AL318 was carrying 212 passengers and nine crew.\n\n"
        "The airline said it would not appeal the fine.\n\n"
        "Correction: An earlier version of this article misstated the number of passengers. "
        "It was 212, not 221.\n"
    )
    parts = parsed(text)
    assert sections(parts) == ["headline", "body", "body", "notice"]
    assert parts.notices[0].position == "bottom"
    assert parts.notices[0].text.startswith("Correction: An earlier version")


@pytest.mark.parametrize(
    "line",
    [
        "This article was amended on 3 March 2026 to correct the name of the captain.",
        "An earlier version of this story misstated the ship's flag.",
        "CORRECTION: A previous version gave the wrong date.",
    ],
)
def test_newspaper_style_bottom_notices_are_notices(line: str) -> None:
    parts = parsed(f"Ship sinks off coast\n\nA ship sank on Monday.\n\n{line}\n")
    assert parts.notices[-1].text == line
    assert parts.notices[-1].position == "bottom"


def test_credits_after_a_bottom_notice_and_before_are_both_found() -> None:
    text = (
        "Ship sinks off coast\n\nA ship sank on Monday.\n\n"
        "(Reporting by Jane Roe; Editing by John Doe)\n\n"
        "Correction: An earlier version gave the wrong day.\n"
    )
    assert sections(parsed(text)) == ["headline", "body", "credits", "notice"]


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Ariba Shahid in Karachi; Editing by William Mallard)",
        "(Additional reporting by Hritam Mukherjee in Bengaluru)",
        "Reporting by Jane Roe; Editing by John Doe",
    ],
)
def test_credits_line_is_credits(line: str) -> None:
    parts = parsed(f"Ship sinks off coast\n\nA ship sank on Monday.\n\n{line}\n")
    assert parts.first("credits").text == line
    assert parts.paragraphs == ("A ship sank on Monday.",)


def test_story_without_headline_starts_with_its_body() -> None:
    parts = parsed("KARACHI, Feb 1 (Reuters) – Security forces killed 145 militants.\nThe army said so.\n")
    assert parts.headline is None
    assert sections(parts) == ["dateline", "body", "body"]


def test_plain_paragraphs_without_headline_are_all_body() -> None:
    parts = parsed("A ship sank on Monday, officials said.\n\nThe crew were rescued.\n")
    assert parts.headline is None
    assert parts.paragraphs == ("A ship sank on Monday, officials said.", "The crew were rescued.")


def test_headline_and_one_body_paragraph() -> None:
    parts = parsed("Ship sinks off coast\nA ship sank on Monday, officials said.\n")
    assert parts.headline == "Ship sinks off coast"
    assert parts.paragraphs == ("A ship sank on Monday, officials said.",)


def test_a_single_short_line_is_a_headline() -> None:
    # a headline-only feed or homepage slot: an editor reads a lone short line without a full
    # stop as a headline (its changes are headline changes), not as a paragraph of body copy
    parts = parsed("Only one line here\n")
    assert parts.headline == "Only one line here"
    assert parts.paragraphs == ()


def test_a_single_sentence_or_long_line_is_body() -> None:
    assert parsed("A ship sank on Monday, officials said.\n").headline is None
    long_line = "Officials in the port town said on Monday " * 5
    assert parsed(long_line.strip() + "\n").headline is None


def test_hard_wrapped_paragraphs_are_joined_into_one_paragraph_each() -> None:
    text = textwrap.dedent("""\
        Ship sinks off coast

        A cargo ship sank on Monday off the coast of the island, officials said, and
        the crew of twelve were rescued by a passing trawler after six hours in the
        water, according to the coastguard.

        The coastguard said the weather had been calm when the ship sent its first
        distress call shortly before dawn.
        """)
    parts = parsed(text)
    assert parts.headline == "Ship sinks off coast"
    assert len(parts.paragraphs) == 2
    assert parts.paragraphs[0].startswith("A cargo ship sank")
    assert parts.paragraphs[0].endswith("according to the coastguard.")
    assert parts.paragraphs[1].endswith("shortly before dawn.")


def test_one_paragraph_per_line_keeps_paragraphs_apart() -> None:
    text = "Ship sinks off coast\nBy Jane Roe\nFirst paragraph ends here.\nSecond paragraph ends here.\n"
    parts = parsed(text)
    assert parts.paragraphs == ("First paragraph ends here.", "Second paragraph ends here.")


def test_parts_keep_the_gaps_between_them() -> None:
    parts = parsed("Ship sinks off coast\n\n\nA ship sank on Monday.\n")
    assert parts.parts[1].gap == "\n\n\n"


def test_real_reuters_story_is_parsed_into_all_its_parts(reuters_file: Path) -> None:
    raw = reuters_file.read_text(encoding="utf-8")
    parts = parsed(raw)
    assert [p.text for p in parts.notices] == ["(Corrects to add missing word in headline)"]
    assert parts.notices[0].position == "top"
    assert parts.first("byline").text == "By Ariba Shahid"
    assert parts.first("dateline").text == "KARACHI, Feb 1 (Reuters) –"
    assert len(parts.paragraphs) == 13
    assert parts.paragraphs[0].startswith("Pakistan’s security forces killed 145 militants")
    assert parts.paragraphs[-1].startswith("Pakistan has faced periodic attacks by Islamist militants")
    assert parts.first("credits").text.startswith("(Reporting by Ariba Shahid in Karachi;")
    assert parts.headline is None  # the file starts with the notice, then the byline
    assert sections(parts)[-1] == "credits"


@pytest.mark.parametrize("path", sorted((Path(__file__).parent.parent / "seeds").glob("*/*.txt")),
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_seed_revision_has_a_dateline_and_parses_losslessly(path: Path) -> None:
    parts = parsed(path.read_text(encoding="utf-8"))
    assert parts.first("dateline") is not None
    assert len(parts.paragraphs) >= 8


def test_seed_with_bottom_correction_has_it_as_a_bottom_notice(seeds_dir: Path) -> None:
    parts = parsed((seeds_dir / "altair-flight-diversion" / "20260503T091200Z.txt").read_text())
    assert parts.notices[-1].position == "bottom"
    assert parts.notices[-1].text.startswith("Correction: An earlier version of this article")


def test_seed_headline_gains_the_missing_word(seeds_dir: Path) -> None:
    chain = sorted((seeds_dir / "balochistan-militants").glob("*.txt"))
    before, after = (parsed(p.read_text()) for p in chain)
    assert before.headline == "Pakistan says 145 killed in 40 hours of fighting in Balochistan"
    assert after.headline == "Pakistan says 145 militants killed in 40 hours of fighting in Balochistan"
    assert after.notices[0].text == "(Corrects to add missing word in headline)"
    assert before.paragraphs == after.paragraphs


def test_headline_with_update_slug_is_the_headline_not_a_notice(seeds_dir: Path) -> None:
    parts = parsed((seeds_dir / "lestria-minister-resigns" / "20260224T110000Z.txt").read_text())
    assert parts.headline == "UPDATE 2-Lestrian transport minister resigns over port contract inquiry"
    assert [p.text for p in parts.notices] == [
        "(Adds opposition comment in paragraph 7, details of contract in paragraph 5)"
    ]


def test_long_headline_on_its_own_line_is_not_joined_to_the_first_paragraph() -> None:
    text = (
        "Pakistan says 145 militants killed in 40 hours of fighting in Balochistan\n"
        "Pakistani security forces killed 145 militants over 40 hours, officials said.\n"
        "The military had said 92 militants were killed on Saturday.\n"
    )
    parts = parsed(text)
    assert parts.headline == "Pakistan says 145 militants killed in 40 hours of fighting in Balochistan"
    assert len(parts.paragraphs) == 2


def test_short_first_sentence_starting_with_by_is_body_not_byline() -> None:
    parts = parsed("Ship sinks off coast\n\nBy Monday evening, rescuers had pulled 12 sailors from the sea.\n\n"
                   "The coastguard said the search would go on.\n")
    assert parts.first("byline") is None
    assert len(parts.paragraphs) == 2


# -- line classifiers --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "(Corrects to add missing word in headline)",
        "(Updates death toll, adds rescue details)",
        "(Refiles to fix typo in paragraph 2)",
        "(Adds opposition comment in paragraph 7)",
        "Editor’s note: This story has been updated to include comment from the ministry.",
        "Clarification: The report was published by the ministry, not the army.",
    ],
)
def test_notice_lines_are_recognised(line: str) -> None:
    assert is_notice(line)


@pytest.mark.parametrize(
    "line",
    [
        "The army said the attacks had been repelled.",
        "(The figures could not be independently verified.)",
        "Pakistan says 145 militants killed in 40 hours of fighting",
    ],
)
def test_ordinary_lines_are_not_notices(line: str) -> None:
    assert not is_notice(line)


def test_bylines_are_short_and_start_with_by() -> None:
    assert is_byline("By Ariba Shahid and Gibran Peshimam")
    assert not is_byline("By Ariba Shahid:")
    assert not is_credits_line("By Ariba Shahid")
    assert is_credits_line("(Writing by Gibran Peshimam; Editing by Kim Coghill)")


# -- normalise ---------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Head\r\n\r\nBody.\r\n", "Head\n\nBody.\n"),
        ("Head\r\rBody.\r", "Head\n\nBody.\n"),
        ("\ufeffHead\n\nBody.\n", "Head\n\nBody.\n"),
        ("Head   \n\nBody.\t \n", "Head\n\nBody.\n"),
        ("\n\n  \nHead\n\nBody.\n\n\n\n", "Head\n\nBody.\n"),
        ("Head\n\nBody.", "Head\n\nBody.\n"),
        ("Cafe\u0301 opens", "Caf\u00e9 opens\n"),
        ("", ""),
        ("  \n\t\n", ""),
    ],
    ids=["crlf", "cr", "bom", "trailing-spaces", "blank-ends", "final-newline", "nfc", "empty", "blank"],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_keeps_curly_quotes_dashes_and_inner_spacing() -> None:
    text = "“Black storm”, it said – or — ’twas ‘so’…\n\n  Indented  twice.\n"
    assert normalise(text) == text


def test_normalise_is_nfc() -> None:
    out = normalise("Mu\u0308nchen and Bogota\u0301\n")
    assert out == unicodedata.normalize("NFC", out)
    assert "\u0308" not in out and "ü" in out


# -- reading input -----------------------------------------------------------


def test_plain_text_source_is_normalised() -> None:
    src = read_source(b"\xef\xbb\xbfHead\r\n\r\nBody.\r\n", "a.txt")
    assert src.text == "Head\n\nBody.\n"
    assert src.format == "text"


def test_markdown_file_is_marked_markdown() -> None:
    assert read_source(b"# Head\n\nBody.\n", "a.md").format == "markdown"


def test_json_with_headline_and_body_becomes_headline_blank_line_body() -> None:
    data = json.dumps({"headline": "Ship sinks off coast", "body": "A ship sank.\n\nAll were saved.",
                       "url": "https://example.com/world/ship-sinks", "published": "2026-03-03T08:00:00Z"})
    src = read_source(data.encode(), "a.json")
    assert src.text == "Ship sinks off coast\n\nA ship sank.\n\nAll were saved.\n"
    assert src.url == "https://example.com/world/ship-sinks"
    assert src.published == "2026-03-03T08:00:00Z"
    assert src.format == "json"
    assert parse(src.text).headline == "Ship sinks off coast"


def test_json_with_text_only() -> None:
    src = read_source(b'{"text": "Ship sinks\\n\\nA ship sank."}', "input")
    assert src.text == "Ship sinks\n\nA ship sank.\n"
    assert src.url is None and src.published is None


def test_json_is_recognised_by_its_brace_without_a_json_name() -> None:
    assert read_source(b'  \n{"body": "A ship sank."}', "stdin").format == "json"


def test_json_with_non_string_url_ignores_it() -> None:
    assert source_from_json({"body": "A ship sank.", "url": 7}).url is None


@pytest.mark.parametrize(
    "data, message",
    [
        (b'{"headline": "Ship sinks"', "not valid JSON"),
        (b'["a", "b"]', "must be an object"),
        (b'"just a string"', "must be an object"),
        (b'{"headline": "Ship sinks"}', "'body' or 'text'"),
        (b'{"body": 42}', "'body' or 'text'"),
        (b'{"headline": ["x"], "body": "A ship sank."}', "'body' or 'text'"),
        (b'{"body": "   \\n  "}', "no text"),
        (b'{"body": "a\\u0000b"}', "NUL"),
        (b'{"body": "lone \\ud800 surrogate"}', "surrogate"),
    ],
    ids=["truncated", "array", "string", "no-body", "number-body", "list-headline", "blank", "nul", "surrogate"],
)
def test_bad_json_is_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        read_source(data, "a.json")


def test_nul_bytes_are_refused_as_binary() -> None:
    with pytest.raises(BadInput, match="NUL"):
        decode(b"Head\n\x00\x01Body", name="a.txt")


def test_latin1_bytes_are_refused_as_utf8_with_a_hint() -> None:
    with pytest.raises(BadInput, match=r"not valid UTF-8 at byte 3 \(try --encoding latin-1"):
        decode("Café".encode("latin-1"), name="a.txt")


def test_latin1_bytes_decode_with_the_encoding_given() -> None:
    assert decode("Café".encode("latin-1"), "latin-1") == "Café"


def test_unknown_encoding_is_bad_input() -> None:
    with pytest.raises(BadInput, match="unknown encoding"):
        decode(b"x", "klingon-8")


def test_input_over_max_bytes_is_refused() -> None:
    with pytest.raises(BadInput, match="over the limit of 10"):
        read_source(b"Head\n\nA body that is long.\n", "a.txt", max_bytes=10)


def test_empty_and_whitespace_only_input_is_refused() -> None:
    for data in (b"", b" \n\t\r\n", "\ufeff\n".encode()):
        with pytest.raises(BadInput, match="no text"):
            read_source(data, "a.txt")


# -- properties --------------------------------------------------------------

WORDS = ("the army said militants were killed in attacks across province on "
         "Sunday officials 145 40 hours “black storm” Quetta Balochistan’s minister by of — – -").split()

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=18).map(
    lambda ws: (" ".join(ws)[:1].upper() + " ".join(ws)[1:]) + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
headline = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize()
)
notice = st.sampled_from([
    "(Corrects to add missing word in headline)",
    "(Updates death toll, adds rescue details)",
    "(Refiles to fix typo in paragraph 2)",
    "Editor’s note: This story has been updated.",
])
byline = st.sampled_from(["By Ariba Shahid", "By Jane Roe and John Doe", "BY ELENA VARGA"])
dateline = st.builds(
    lambda place, date, agency, dash: f"{place}{date}{agency} {dash} ",
    st.sampled_from(["KARACHI", "NEW YORK", "PORT AVEN", "WASHINGTON, D.C."]),
    st.sampled_from(["", ", Feb 1", ", March 18"]),
    st.sampled_from([" (Reuters)", " (AP)", " (Meridian)"]),
    st.sampled_from(["–", "—", "-"]),
)
credits = st.sampled_from([
    "(Reporting by Ariba Shahid in Karachi; Editing by William Mallard)",
    "(Additional reporting by Hritam Mukherjee)",
    "Reporting by Jane Roe; Editing by John Doe",
])
bottom = st.sampled_from([
    "Correction: An earlier version of this article misstated the toll.",
    "This article was amended on 3 March 2026 to correct a name.",
])


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Article-shaped text: any mix of the parts, in wire or newspaper layout,
    with or without blank lines, sometimes hard-wrapped, CRLF or trailing spaces."""
    blocks: list[str] = []
    blocks += draw(st.lists(notice, max_size=2))
    if draw(st.booleans()):
        blocks.append(("# " if draw(st.booleans()) else "") + draw(headline))
    if draw(st.booleans()):
        blocks.append(draw(byline))
    body = draw(st.lists(paragraph, min_size=1, max_size=5))
    if draw(st.booleans()):
        body[0] = draw(dateline) + body[0]
    width = draw(st.sampled_from([0, 0, 40, 72]))
    blocks += [textwrap.fill(p, width) if width else p for p in body]
    if draw(st.booleans()):
        blocks.append(draw(credits))
    if draw(st.booleans()):
        blocks.append(draw(bottom))
    gap = draw(st.sampled_from(["\n", "\n\n", "\n  \n", "\r\n\r\n"]))
    text = gap.join(blocks)
    if draw(st.booleans()):
        text = text.replace("\n", "  \n")
    return draw(st.sampled_from(["", "\ufeff"])) + text + draw(st.sampled_from(["", "\n", "\n\n\n"]))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text())
def test_parse_is_lossless_for_any_text(raw: str) -> None:
    norm = normalise(raw)
    assert parse(norm).text() == norm


@settings(derandomize=True, max_examples=300, deadline=None)
@given(articles())
def test_parse_is_lossless_for_article_shaped_text(raw: str) -> None:
    norm = normalise(raw)
    assert normalise(norm) == norm
    parts = parse(norm)
    assert parts.text() == norm
    order = {s: i for i, s in enumerate(("headline", "byline", "dateline"))}
    labelled = [order[p.section] for p in parts.parts if p.section in order]
    assert labelled == sorted(labelled)  # headline, byline, dateline never out of order
    assert len(parts.of("headline")) <= 1 and len(parts.of("byline")) <= 1
    # a notice line on top, and credits or a notice at the bottom, are labelled so
    lines = [line for line in norm.split("\n") if line]
    if is_notice(lines[0]):
        assert parts.parts[0].section == "notice" and parts.parts[0].position == "top"
    if len(lines) > 1 and is_credits_line(lines[-1]):
        assert parts.parts[-1].section == "credits"
    if len(lines) > 1 and is_notice(lines[-1]):
        assert parts.parts[-1].section == "notice"


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text())
def test_normalise_is_idempotent(raw: str) -> None:
    once = normalise(raw)
    assert normalise(once) == once


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.one_of(st.text(), articles()))
def test_spans_rebuild_exactly_the_parts_a_parse_gives(raw: str) -> None:
    # the store caches spans instead of parsing every revision it reads
    norm = normalise(raw)
    parts = parse(norm)
    rebuilt = parts_from_spans(norm, parts_to_spans(parts))
    assert rebuilt == parts
    # built by Part.fast: the same values, hashes and reprs
    assert [(hash(a), repr(a), a.text) for a in rebuilt.parts] == [(hash(b), repr(b), b.text) for b in parts.parts]


@given(st.sampled_from(SECTIONS), st.text(max_size=6), st.text(" \n", max_size=3), st.sampled_from(["", "top", "bottom"]))
def test_fast_parts_are_plain_parts(section: str, raw: str, gap: str, position: str) -> None:
    made, plain = Part.fast(section, raw, gap, position), Part(section, raw, gap, position)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert vars(made) == vars(plain) and made.text == plain.text


# -- the notice reader decides -------------------------------------------------------


def test_parse_has_no_notice_vocabulary_of_its_own() -> None:
    import versioner.parse as parse_module

    assert not hasattr(parse_module, "is_notice_line")
    assert parse_module.is_notice is is_notice  # the notices module's recogniser


@pytest.mark.parametrize("line", [
    "(corrects title of finance minister)",
    "CORRECTION: The vote was on Tuesday.",
    "Korrektur: Das Datum war falsch.",
    "The company said it would correct the error.",
    "Update your software, the agency said.",
])
def test_a_first_line_is_a_notice_exactly_when_the_reader_says_so(line: str) -> None:
    parts = parsed(f"{line}\nFerry timetable approved\nThe council voted on Tuesday.\nThe plan adds crossings.\n")
    assert (parts.parts[0].section == "notice") == is_notice(line)
    if is_notice(line):  # and the headline does not shift
        assert parts.headline == "Ferry timetable approved"
