"""identity: which article a revision belongs to (key, URL, or same story)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import identity
from versioner.parse import normalise

# Near misses: two different stories from one wire on one day that share
# background paragraphs word for word. Each pair must stay two articles.

SHARED_BALOCHISTAN = (
    "Balochistan, which borders Iran and Afghanistan, is the largest of Pakistan’s provinces by area "
    "and the poorest by income, although it holds large reserves of gas, copper and gold.\n"
    "Ethnic Baloch separatist groups have waged an insurgency there for more than two decades, "
    "saying the central government takes the province’s resources while its people stay poor."
)

BALOCHISTAN_A = f"""\
Pakistan says 145 militants killed in 40 hours of fighting in Balochistan
By Ruth Calloway
KARACHI, Feb 1 (Meridian) – Pakistani forces have killed 145 militants since gunmen launched coordinated raids across Balochistan on Friday, the province’s chief minister said on Sunday.
Sarfaraz Bugti told a news conference in Quetta that the toll included fighters killed during clearance operations that went on through Saturday night.
The attacks also killed 31 civilians and 17 members of the security forces, he said.
The Baloch Liberation Army said its fighters had carried out the raids, which it described as the start of a campaign against the army.
The military said its troops had prevented the attackers from seizing any town or government building.
{SHARED_BALOCHISTAN}
(Reporting by Ruth Calloway; Editing by Ilona Marsh)
"""

BALOCHISTAN_B = f"""\
Pakistan suspends trains to Quetta after attacks on railway line
By Petra Lind
ISLAMABAD, Feb 1 (Meridian) – Pakistan Railways cancelled all passenger services to and from Quetta on Sunday after explosives damaged a bridge and a stretch of track near the town of Mach, a railway spokesman said.
Engineers were inspecting the bridge, which carries the only line linking the provincial capital with the rest of the country, and repairs could take at least a week, the spokesman added.
About 2,000 passengers booked on the Jaffar Express and two other trains would get refunds or seats on buses laid on by the provincial government.
Nobody was hurt in the blast, which went off shortly before dawn while no train was on the line, police said.
Freight traffic carrying coal and wheat into the province was also halted, traders in Quetta said, warning of shortages if the line stayed closed.
{SHARED_BALOCHISTAN}
(Reporting by Petra Lind; Editing by Jon Ellery)
"""

SHARED_CALDORIA = (
    "The bank’s monetary policy committee voted 5-2 to bring the overnight lending rate down to 6.25% "
    "from 6.50%, its first move in either direction in two years.\n"
    "Inflation slowed to 3.1% in February from a peak of 9.4% in late 2024, helped by cheaper fuel "
    "and a stronger crown, according to the national statistics office."
)

CALDORIA_A = f"""\
Caldoria’s central bank cuts rates as inflation cools
By Ilona Marsh
PORT AVEN, March 18 (Meridian) – The Bank of Caldoria lowered its benchmark interest rate on Wednesday, saying price pressures had eased enough to give an economy hit by weaker exports some support.
{SHARED_CALDORIA}
Governor Mirela Sand told reporters the committee would watch wage growth closely before deciding whether to cut again.
Two members voted to hold rates, arguing that services inflation was still too high, the minutes showed.
Most economists polled by Meridian last week had expected the cut, and several said they now saw a further reduction by June.
(Reporting by Ilona Marsh; Editing by Petra Lind)
"""

CALDORIA_B = f"""\
Caldorian crown slides to six-month low after surprise budget gap
By Jon Ellery
PORT AVEN, March 18 (Meridian) – Caldoria’s currency fell to its weakest level in six months on Wednesday after the finance ministry said the budget deficit would be twice as large as planned this year.
Finance Minister Aurel Danek told parliament that tax receipts had fallen short by 4.2 billion crowns, mostly because company profits had dropped as export orders dried up.
The crown lost 1.4% against the euro by late afternoon, and yields on ten-year government bonds rose 18 basis points.
Opposition leader Ines Roca accused the government of hiding the shortfall until after local elections, a charge Danek rejected.
{SHARED_CALDORIA}
Traders said the central bank’s decision earlier in the day had added to pressure on the currency.
(Reporting by Jon Ellery; Editing by Ilona Marsh)
"""

SHARED_VESSA = (
    "Three days of heavy rain have soaked the Keld highlands, where steep slopes and thin soil make "
    "landslides common each spring, according to the regional emergency service.\n"
    "The national weather office kept its red warning for the north of the country in place on "
    "Tuesday and said another 80 millimetres of rain could fall by Thursday."
)

VESSA_A = f"""\
Landslide buries homes in Morvanian mountain village
By Elena Varga
BRAVNIK, April 7 (Northline) — A landslide tore through the village of Vessa before dawn on Tuesday, burying at least a dozen houses under mud and rock, officials said.
At least 12 people were killed and dozens were missing, the regional emergency service said.
Mayor Anton Fiala said rescuers were digging by hand because heavy machinery could not reach the village along the only road.
Soldiers from a nearby base joined firefighters and volunteers at the scene by mid-morning, the defence ministry said.
{SHARED_VESSA}
Prime Minister Karel Brod said the government would release emergency funds for families who had lost their homes.
(Reporting by Elena Varga; Editing by Ruth Calloway)
"""

VESSA_B = f"""\
Floods cut rail and road links across northern Morvania
By Samir Haddad
BRAVNIK, April 7 (Northline) — Floodwater closed the main railway line between Bravnik and the northern border on Tuesday and cut off dozens of villages as rivers burst their banks across the north of the country.
The state railway said services would not resume before the weekend because a section of embankment near Dorn had been washed away.
Police closed 14 roads, including the motorway to the border crossing at Halm, and told drivers to stay at home.
Schools in three districts were shut and about 600 people spent the night in sports halls after leaving their homes, the interior ministry said.
{SHARED_VESSA}
Farmers’ groups said thousands of hectares of newly sown fields were under water.
(Reporting by Samir Haddad; Editing by Elena Varga)
"""

NEAR_MISSES = [
    pytest.param(BALOCHISTAN_A, BALOCHISTAN_B, id="balochistan-fighting-vs-trains"),
    pytest.param(CALDORIA_A, CALDORIA_B, id="caldoria-rates-vs-currency"),
    pytest.param(VESSA_A, VESSA_B, id="vessa-landslide-vs-floods"),
]


def reissue(text: str, notice: str, old: str, new: str) -> str:
    """A corrected re-issue: a notice line on top and one fix in the body."""
    assert old in text
    return f"{notice}\n" + text.replace(old, new)


# -- the pure functions ------------------------------------------------------


@pytest.mark.parametrize("a, b", NEAR_MISSES)
def test_near_miss_stories_are_not_the_same_story(a: str, b: str) -> None:
    jac, cont = identity.similarity(identity.shingles(a), identity.shingles(b))
    assert not identity.is_same_story(jac, cont), (jac, cont)
    assert identity.find_same_story(b, ["a"], lambda key: a) is None


@pytest.mark.parametrize("a, b", NEAR_MISSES)
def test_near_miss_stories_really_share_background_paragraphs(a: str, b: str) -> None:
    shared = set(a.splitlines()) & set(b.splitlines())
    assert len([line for line in shared if len(line) > 100]) == 2


def test_corrected_reissue_is_the_same_story() -> None:
    fixed = reissue(CALDORIA_A, "(Corrects vote count in paragraph 2)", "voted 5-2", "voted 6-1")
    match = identity.find_same_story(fixed, ["caldoria", "other"],
                                     {"caldoria": CALDORIA_A, "other": CALDORIA_B}.get)
    assert match is not None and match[0] == "caldoria" and match[1] > 0.8


def test_notices_bylines_and_credits_do_not_count_towards_identity() -> None:
    plain = "Ship sinks off coast\n\nA cargo ship sank on Monday, officials said.\n"
    dressed = "(Corrects day)\nShip sinks off coast\nBy Jane Roe\nA cargo ship sank on Monday, officials said.\n(Editing by John Doe)\n"
    assert identity.shingles(plain) == identity.shingles(dressed)


@pytest.mark.parametrize(
    "url, key",
    [
        ("https://www.reuters.com/world/asia-pacific/pakistan-says-145-militants-killed-2026-02-01/",
         "reuters-pakistan-says-145-militants-killed-2026-02-01"),
        ("https://example.com/news/2026/03/03/ship_sinks_off_coast.html", "example-ship-sinks-off-coast"),
        ("https://example.com/news/ship-sinks/index.html", "example-ship-sinks"),
        ("https://example.com/", "example"),
        ("https://example.com/123/456", "example"),
    ],
)
def test_key_from_url_is_its_site_and_last_meaningful_path_segment(url: str, key: str) -> None:
    assert identity.key_from_url(url) == key


def test_key_from_text_is_the_headline_slug_and_capture_date() -> None:
    text = normalise("(Corrects name)\nCafé owner’s “big” day: 40% off\n\nBody here.\n")
    assert identity.key_from_text(text, "2026-03-03T08:00:00Z") == "cafe-owners-big-day-40-off-2026-03-03"


# -- through the CLI ---------------------------------------------------------


def test_article_option_is_the_key(run: Callable[..., Any], write: Callable[..., Path],
                                   listing: Callable[..., Any]) -> None:
    result = run("add", write("a.txt", CALDORIA_A), "--article", "caldoria-rates")
    assert (result.exit_code, result.stdout) == (0, "caldoria-rates@1\n")
    assert result.stderr.startswith("versioner: created new store at ")
    assert list(listing()) == ["caldoria-rates"]


def test_key_comes_from_the_url_and_a_second_add_with_that_url_joins(
    run: Callable[..., Any], write: Callable[..., Path], listing: Callable[..., Any],
) -> None:
    url = "https://www.meridian.example/markets/caldoria-central-bank-cuts-rates-2026-03-18/"
    first = run("add", write("a.txt", CALDORIA_A), "--url", url)
    assert first.stdout == "meridian-caldoria-central-bank-cuts-rates-2026-03-18@1\n"
    # a different text under the same URL is the next revision, whatever it says
    second = run("add", write("b.txt", CALDORIA_B), "--url", url)
    assert second.stdout == "meridian-caldoria-central-bank-cuts-rates-2026-03-18@2\n"
    arts = listing()
    assert arts["meridian-caldoria-central-bank-cuts-rates-2026-03-18"]["url"] == url
    assert arts["meridian-caldoria-central-bank-cuts-rates-2026-03-18"]["revisions"] == 2


def test_url_in_json_input_gives_the_key(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    f = write("a.json", json.dumps({"headline": "Ship sinks", "body": "A ship sank.",
                                    "url": "https://example.com/world/ship-sinks-off-coast"}))
    assert run("add", f).stdout == "example-ship-sinks-off-coast@1\n"


def test_two_urls_with_the_same_slug_get_two_keys(run: Callable[..., Any],
                                                  write: Callable[..., Path]) -> None:
    a = run("add", write("a.txt", VESSA_A), "--url", "https://one.example/news/landslide")
    b = run("add", write("b.txt", VESSA_B), "--url", "https://one.example/world/landslide")
    assert (a.stdout, b.stdout) == ("one-landslide@1\n", "one-landslide-2@1\n")


def test_keyless_corrected_reissue_joins_its_story_and_says_so(
    run: Callable[..., Any], seeds_dir: Path, listing: Callable[..., Any],
) -> None:
    first, second = sorted((seeds_dir / "balochistan-militants").glob("*.txt"))
    one = run("add", first, "--at", "2026-02-01T08:15:00Z")
    assert one.stdout == "pakistan-says-145-killed-in-40-hours-2026-02-01@1\n"
    assert one.stderr.startswith("versioner: created new store at ")
    two = run("add", second, "--at", "2026-02-01T11:30:00Z")
    assert two.exit_code == 0
    assert two.stdout == "pakistan-says-145-killed-in-40-hours-2026-02-01@2\n"
    assert two.stderr.startswith("versioner: joined article pakistan-says-145-killed-in-40-hours-2026-02-01: "
                                 "same story as")
    assert "word shingles shared" in two.stderr
    assert len(listing()) == 1


def test_keyless_update_chain_with_new_paragraphs_stays_one_article(
    run: Callable[..., Any], seeds_dir: Path, listing: Callable[..., Any],
) -> None:
    for path in sorted((seeds_dir / "vessa-landslide").glob("*.txt")):
        assert run("add", path, "--at", path.stem).exit_code == 0
    (only,) = listing().values()
    assert only["revisions"] == 4


@pytest.mark.parametrize("a, b", NEAR_MISSES)
def test_near_miss_stories_added_without_keys_stay_two_articles(
    a: str, b: str, run: Callable[..., Any], write: Callable[..., Path], listing: Callable[..., Any],
) -> None:
    first = run("add", write("a.txt", a), "--at", "2026-04-07T08:00:00Z")
    second = run("add", write("b.txt", b), "--at", "2026-04-07T09:00:00Z")
    assert first.exit_code == second.exit_code == 0
    assert "joined" not in second.stderr
    assert first.stdout != second.stdout
    assert first.stdout.endswith("@1\n") and second.stdout.endswith("@1\n")
    assert len(listing()) == 2
    # and a corrected re-issue of the second story still finds the second, not the first
    fixed = reissue(b, "(Corrects headline)", b.splitlines()[0], b.splitlines()[0] + " again")
    third = run("add", write("c.txt", fixed), "--at", "2026-04-07T10:00:00Z")
    assert third.stdout == second.stdout.replace("@1", "@2")
    assert "joined" in third.stderr


def test_a_retelling_by_another_agency_is_a_separate_article(
    run: Callable[..., Any], seeds_dir: Path, reuters_file: Path, listing: Callable[..., Any],
) -> None:
    run("add", seeds_dir / "balochistan-militants" / "20260201T113000Z.txt", "--at", "2026-02-01T11:30:00Z")
    result = run("add", reuters_file, "--at", "2026-02-01T12:00:00Z")
    assert result.exit_code == 0 and "joined" not in result.stderr
    assert len(listing()) == 2


HOSTILE_KEYS = ["../../x", "'; drop table articles; --", "a/b\\c", "[bold]x[/bold]", "%s %n {0}"]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_hostile_keys_are_stored_and_shown_as_text_and_write_no_files(
    key: str, run: Callable[..., Any], write: Callable[..., Path], tmp_path: Path,
    listing: Callable[..., Any],
) -> None:
    f = write("a.txt", VESSA_A)
    outside = [tmp_path.parent / "x", tmp_path.parent.parent / "x", tmp_path.parent / "b\\c"]
    assert not any(p.exists() for p in outside)
    result = run("add", f, "--article", key)
    assert (result.exit_code, result.stdout) == (0, f"{key}@1\n")
    assert list(listing()) == [key]
    shown = run("show", f"{key}@1", "--format", "json")
    assert json.loads(shown.stdout)["article"] == key
    assert key in run("list").stdout and key in run("show", key).stdout
    # a second add still finds the tables (nothing was dropped) and the same article
    assert run("add", write("b.txt", VESSA_B), "--article", key).stdout == f"{key}@2\n"
    # the only files written are the input files and the store
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} <= {
        "a.txt", "b.txt", "store/versioner.db", "store/versioner.db-wal", "store/versioner.db-shm"}
    assert not any(p.exists() for p in outside)


def test_bidi_override_in_a_key_is_shown_as_a_visible_escape(
    run: Callable[..., Any], write: Callable[..., Path], listing: Callable[..., Any],
) -> None:
    result = run("add", write("a.txt", VESSA_A), "--article", "safe\u202etxt.exe")
    assert result.stdout == "safe<U+202E>txt.exe@1\n"
    assert list(listing()) == ["safe\u202etxt.exe"]  # stored as given
    assert "\u202e" not in run("list").stdout


def test_refused_key_creates_no_store(run: Callable[..., Any], write: Callable[..., Path],
                                      store_path: Path) -> None:
    result = run("add", write("a.txt", VESSA_A), "--article", "a@b")
    assert result.exit_code == 2
    assert "reserves" in result.stderr
    assert not store_path.exists()


def test_sketch_is_the_same_in_every_process_whatever_the_hash_seed() -> None:
    # Sketches are stored and compared across runs: a hash salted per process
    # (as str hashes are) would make every stored sketch useless.
    import os
    import subprocess
    import sys

    code = (
        "from versioner.identity import sketch;"
        "print(sketch('Floods cut the coastal road to Vessa for a third day on Tuesday.'))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "random")
    }
    assert len(outs) == 1 and outs.pop().startswith("[")


def test_sketch_values_stay_those_stores_already_hold() -> None:
    # stores keep sketches from earlier versions: a faster sketch must give the same numbers
    assert identity.sketch("Floods cut the coastal road to Vessa for a third day on Tuesday.") == [
        -8904216161867329871, -7500659355696885709, -6842640392618971350, -5497874774738162623,
        -4230361190941205737, -2405538585296588812, -1403231858453036569, 2117766827309174512,
        4874862629089561224, 6313058527744071224, 7457211348663514179,
    ]
    assert identity.sketch(BALOCHISTAN_A)[:4] == [
        -9160196946560995167, -9140534231833869992, -9052258690618814036, -8977113307742686132,
    ]


_SKETCH_TEXT = st.text(st.sampled_from("ab Z_9 é“”–€ßİﬁ½²\u0301\n.,ǅΣς") | st.characters(blacklist_categories=["Cs"]),
                       max_size=800)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_SKETCH_TEXT)
def test_fast_word_split_and_bounded_sketch_agree_with_the_plain_definitions(story: str) -> None:
    assert identity._folded_word_bytes(story) == [w.encode() for w in identity._WORD.findall(story.casefold())]
    assert identity.story_sketch(story) == sorted(identity.story_shingles(story))[: identity.SKETCH_SIZE]


def test_bounded_sketch_of_long_stories_is_the_smallest_shingles() -> None:
    words = [f"w{i % 997}x{i % 13}" for i in range(3000)]
    for n in (40, 70, 200, 3000):
        story = " ".join(words[:n])
        assert identity.story_sketch(story) == sorted(identity.story_shingles(story))[: identity.SKETCH_SIZE]


def test_a_keyed_import_leaves_sketching_to_the_first_keyless_match(
    run: Callable[..., Any], write: Callable[..., Path], seeds_dir: Path, store_path: Path,
) -> None:
    # keyed input needs no sketches: the import writes none (a quarter of its time),
    # and the first keyless revision after it still finds the article by its latest text
    import sqlite3

    first, second = sorted((seeds_dir / "balochistan-militants").glob("*.txt"))
    lines = [json.dumps({"article": "militants", "captured_at": at, "text": p.read_text(encoding="utf-8")})
             for at, p in (("2026-02-01T08:15:00Z", first), ("2026-02-01T09:15:00Z", second))]
    assert run("import", write("keyed.jsonl", "\n".join(lines) + "\n")).exit_code == 0

    def sketches() -> list[int]:
        with sqlite3.connect(store_path) as conn:
            return [h for (h,) in conn.execute("select h from sketches order by rowid")]

    assert sketches() == []
    again = run("add", second, "--at", "2026-02-01T11:30:00Z")
    assert again.exit_code == 0
    assert again.stdout == "militants@2\n"  # the same text as the latest: nothing new stored
    assert sketches() == identity.sketch(second.read_text(encoding="utf-8"))
