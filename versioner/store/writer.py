"""Writing revisions inside an open transaction: which article a revision
belongs to (its key, its URL, or a similar story), where it goes among the
article's revisions (an append or a back-fill), and the article's sketch."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from versioner import identity
from versioner.errors import BadInput
from versioner.keys import check_key
from versioner.model import AddResult, NewRevision, Revision
from versioner.parse import parts_from_spans
from versioner.prepared import parsed, sha256_hex
from versioner.store.backend import insert_id, lock_imports, lock_names
from versioner.store.rows import REV_SELECT, revision_of
from versioner.times import FUTURE_LIMIT, time_key, utc_iso


@dataclass
class _Gap:
    """An article's revisions moved to minus their numbers to make room for back-fills."""

    tail_at: str  # time_key of the first moved revision: later captures go among them
    top: int  # the number of the last back-fill put in the room
    inserted: int  # back-fills put in so far
    moved: int  # revisions moved


class Writer:
    """Writes inside an open transaction; caches each article's latest state.
    ``close_gaps`` before the transaction commits."""

    def __init__(self, conn: sqlite3.Connection, allow_future: bool = False, alone: bool = False) -> None:
        """``alone``: a bulk import's writer, which holds the imports lock alone on
        PostgreSQL; any other writer shares it, and locks each article it numbers."""
        self.conn = conn
        # the first lock a writer takes, so that writers queue behind an import and not
        # around it; alone, it shuts out every other writer, and so takes no lock per
        # article (one each would fill PostgreSQL's lock table: "out of shared memory")
        lock_imports(conn, alone)
        self.alone = alone
        # capture times after this are refused (typos such as 2206 for 2026):
        # the clock read once, as a writer lives for one transaction
        self.horizon = None if allow_future else time_key(
            utc_iso(datetime.now(timezone.utc) + FUTURE_LIMIT))
        self.backfilled = 0  # stored before an article's later revisions, which moved up
        self._gaps: dict[int, _Gap] = {}  # article id -> later revisions moved out of the way
        self.latest: dict[str, tuple[int, int, str, str]] = {}  # key -> id, n, sha, at
        self.touched: set[int] = set()
        self.created = 0
        self.stored = self.unchanged = 0  # counted by add_item
        # article id -> row of its latest revision, whose sketch is due: read back when
        # the sketch is made, so that an import holds no texts (an article's latest is
        # only known at the end)
        self._dirty_sketch: dict[int, int] = {}
        self._unsketched: set[int] = set()  # articles created here, with no sketch rows yet
        self._caught_up = False  # sketches due from earlier imports made (``_catch_up_sketches``)

    def _lock(self, name: str) -> None:
        if not self.alone:
            lock_names(self.conn, name)

    def _state(self, key: str) -> tuple[int, int, str, str] | None:
        if key in self.latest:
            return self.latest[key]
        self._lock(key)  # before reading what this writer will number
        row = self.conn.execute(
            "select a.id, r.number, r.sha256, r.captured_at from articles a"
            " left join revisions r on r.article_id = a.id where a.key = ?"
            " order by r.number desc limit 1",
            (key,),
        ).fetchone()
        if row is None:
            return None
        self.latest[key] = row
        return row

    def _resolve(self, new: NewRevision, at: str) -> tuple[str, str | None]:
        if new.article is not None:
            return check_key(new.article), None
        if new.url:
            self._lock(f"url:{new.url}")  # two new keyless captures of one URL: one article
            row = self.conn.execute("select key from articles where url = ?", (new.url,)).fetchone()
            if row:
                return row[0], None
            return self._fresh_key(identity.key_from_url(new.url)), None
        self._lock("versioner: story matching")  # one keyless story at a time
        self._catch_up_sketches()
        match = identity.find_same_story(new.text, self._candidates(new.text), self._latest_text)
        if match:
            key, score = match
            return key, f"same story as {key} ({score:.0%} of word shingles shared)"
        return self._fresh_key(identity.key_from_text(new.text, at)), None

    def _candidates(self, text: str) -> list[str]:
        sketch = identity.sketch(text)
        if not sketch:
            return []
        marks = ",".join("?" * len(sketch))
        rows = self.conn.execute(
            f"select a.key, count(*) c from sketches s join articles a on a.id = s.article_id"
            f" where s.h in ({marks}) group by s.article_id, a.key order by c desc limit 5",
            sketch,
        ).fetchall()
        return [r[0] for r in rows]

    def _latest_text(self, key: str) -> str:
        state = self.latest.get(key)
        if state is not None:
            # by its hash: while a back-fill's renumbering is open, the latest is numbered below 0
            row = self.conn.execute(
                "select text from revisions where article_id = ? and sha256 = ? limit 1", state[::2]
            ).fetchone()
            return row[0] if row else ""
        row = self.conn.execute(
            "select r.text from revisions r join articles a on a.id = r.article_id"
            " where a.key = ? order by r.number desc limit 1",
            (key,),
        ).fetchone()
        return row[0] if row else ""

    def _fresh_key(self, base: str) -> str:
        key, n = base, 1
        while self._state(key) is not None or self.conn.execute(
            "select 1 from articles where key = ?", (key,)
        ).fetchone():
            n += 1
            key = f"{base}-{n}"
        return key

    def add(self, new: NewRevision, defer_sketch: bool = False) -> AddResult:
        if new.article is not None and not new.captured_at:
            # "now" read once the article is this writer's: numbers follow capture times
            self._lock(check_key(new.article))
        at = utc_iso(new.captured_at) if new.captured_at else utc_iso()
        if self.horizon is not None and time_key(at) > self.horizon:
            where = f"{new.source}: " if new.source else ""
            raise BadInput(
                f"{where}capture time {at} is more than a day ahead of the clock; a mistyped"
                " year? (--allow-future or VERSIONER_ALLOW_FUTURE=1 stores it)"
            )
        key, joined = self._resolve(new, at)
        sha = new.prepared[0] if new.prepared else sha256_hex(new.text)
        state = self._state(key)
        new_article = state is None
        renumbered = 0
        if state is None:
            aid = insert_id(self.conn, "insert into articles (key, url, created_at) values (?, ?, ?)",
                            (key, new.url, at))
            number = 0
            self.created += 1
            self._unsketched.add(aid)
        else:
            aid, last = state[:2]
            placed = self._place(key, state, new, sha, at)
            if isinstance(placed, Revision):
                return AddResult(placed, stored=False, joined=joined)
            number, renumbered = placed
            if new.url and last:
                self.conn.execute(
                    "update articles set url = coalesce(url, ?) where id = ?", (new.url, aid)
                )
        spans, notices = new.prepared[1:] if new.prepared else parsed(new.text)
        number += 1
        rid = insert_id(
            self.conn,
            "insert into revisions (article_id, number, captured_at, sha256, text, parts, source,"
            " url, notices) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, number, at, sha, new.text, spans, new.source, new.url, notices),
        )
        self.touched.add(aid)
        if renumbered:
            self.backfilled += 1  # the latest, and so the article's sketch, is unchanged
        else:
            self.latest[key] = (aid, number, sha, at)
            self._dirty_sketch[aid] = rid
            if not defer_sketch:
                self.flush_sketches()
        rev = Revision(key, number, at, sha, new.text, new.source, new.url, spans)
        return AddResult(rev, stored=True, joined=joined, new_article=new_article, renumbered=renumbered)

    def _place(self, key: str, state: tuple[int, int, str, str], new: NewRevision, sha: str,
               at: str) -> tuple[int, int] | Revision:
        """Where a revision of a stored article goes: (the number it follows, how many
        later revisions were moved up to make room for it); or the stored revision
        that makes it unneeded: the same capture, or the same text as the one it
        would follow. A text equal to the one after it is stored: the later one
        cannot move, and this is the earliest sighting of that text."""
        aid, last, last_sha, last_at = state
        if last and time_key(at) <= time_key(last_at):
            same = self._has(aid, sha, at)
            if same is not None:  # the same capture imported again: idempotent
                return self._stored(aid, key, same, at, sha, new)
        if not last or time_key(at) >= time_key(last_at):
            if last and last_sha == sha:
                return self._stored(aid, key, last, last_at, sha, new)
            if aid in self._gaps:
                self._close_gap(aid)  # an append goes after the moved revisions, numbered again
            return last or 0, 0  # 0: an article row left without revisions
        gap = self._gaps.get(aid)
        if gap is not None and time_key(at) >= gap.tail_at:
            self._close_gap(aid)  # it goes among the moved revisions
        prev = self._before(aid, key, at)
        if prev is not None and prev.sha256 == sha:
            return prev
        number = prev.number if prev else 0
        self.latest[key] = (aid, last + 1, last_sha, last_at)
        return number, self._make_room(aid, number)

    def _stored(self, aid: int, key: str, number: int, at: str, sha: str, new: NewRevision) -> Revision:
        """The stored revision ``number``, which has ``new``'s text: its cached parse read
        back by the text's hash (while a back-fill is open, the latest is numbered below 0)."""
        (spans,) = self._read_back("select parts from revisions where article_id = ? and sha256 = ? limit 1",
                                   (aid, sha))
        return Revision(key, number, at, sha, new.text, new.source, new.url, spans)

    def _read_back(self, sql: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
        """The row of a revision this transaction wrote, read back."""
        row = self.conn.execute(sql, args).fetchone()
        if row is None:
            # a damaged index can lose the row just written: said as damage, and rolled back
            exc = sqlite3.DatabaseError("the revision just written cannot be read back")
            exc.sqlite_errorname = "SQLITE_CORRUPT"  # type: ignore[attr-defined]
            raise exc
        return tuple(row)

    def add_item(self, new: NewRevision) -> None:
        """``add`` for import: counted, and keyed items' sketches left for ``flush_sketches``."""
        # keyless items are matched by similarity, so they need fresh sketches
        res = self.add(new, defer_sketch=bool(new.article or new.url))
        self.stored += res.stored
        self.unchanged += not res.stored

    def _has(self, aid: int, sha: str, at: str) -> int | None:
        """The number of the stored revision with this text and capture time, if any."""
        # no min() or order by: either makes SQLite walk the article by number
        # instead of looking the capture time up in revisions_summary
        row = self.conn.execute(
            "select number from revisions where article_id = ? and sha256 = ? and captured_at = ?",
            (aid, sha, at),
        ).fetchone()
        return row[0] if row else None

    def _before(self, aid: int, key: str, at: str) -> Revision | None:
        """The revision a capture at ``at`` comes after: the last one captured at
        or before it (numbers follow capture times, so read from the latest back;
        revisions moved out of the way, below 0, are all captured after ``at``)."""
        at_key = time_key(at)
        cur = self.conn.execute(
            "select number, captured_at from revisions where article_id = ? and number > 0"
            " order by number desc", (aid,)
        )
        for number, captured_at in cur:
            if time_key(captured_at) <= at_key:
                cur.close()
                row = self.conn.execute(
                    REV_SELECT + " where r.article_id = ? and r.number = ?", (aid, number)
                ).fetchone()
                return revision_of(row)
        return None

    def _make_room(self, aid: int, after: int) -> int:
        """Free number ``after + 1`` for a back-fill; how many later revisions it
        goes before (each ends up one number higher). The later revisions are moved
        out of the way once, to minus their numbers, and stay there while more
        back-fills land in the space they left (an archive import, in capture order,
        goes before the same revisions many times); ``close_gaps`` puts them back
        above the back-fills. (UNIQUE(article_id, number) is checked row by row, so
        a shift of one in place would collide.)"""
        gap = self._gaps.get(aid)
        if gap is not None and gap.top != after:
            self._close_gap(aid)
            gap = None
        if gap is None:
            # the two revisions that stop being neighbours: their cached comparison goes
            self.conn.execute(
                "delete from pairs where from_revision_id in (select id from revisions"
                " where article_id = ?1 and number = ?2) and to_revision_id in (select id"
                " from revisions where article_id = ?1 and number = ?2 + 1)",
                (aid, after),
            )
            moved = self.conn.execute(
                "update revisions set number = -number where article_id = ? and number > ?", (aid, after)
            ).rowcount
            tail_at = self.conn.execute(
                "select captured_at from revisions where article_id = ? and number = ?", (aid, -after - 1)
            ).fetchone()[0]
            gap = self._gaps[aid] = _Gap(time_key(tail_at), after, 0, moved)
        gap.top += 1
        gap.inserted += 1
        return gap.moved

    def _close_gap(self, aid: int) -> None:
        gap = self._gaps.pop(aid)
        # -n + inserted: each moved revision's old number plus the back-fills before it
        self.conn.execute(
            "update revisions set number = ? - number where article_id = ? and number < 0",
            (gap.inserted, aid),
        )

    def close_gaps(self) -> None:
        """Number every revision moved out of the way by a back-fill again (before
        the transaction ends: until then the numbers of moved revisions are below 0)."""
        for aid in list(self._gaps):
            self._close_gap(aid)

    def flush_sketches(self) -> None:
        self._sketch(self._dirty_sketch)
        self._dirty_sketch.clear()

    def _sketch(self, latest: dict[int, int]) -> None:
        """Sketch each article (id -> id of its latest revision) afresh."""
        rows: list[tuple[int, int]] = []
        for aid, rid in latest.items():
            if aid in self._unsketched:
                self._unsketched.discard(aid)  # nothing to delete
            else:
                self._insert_sketches(rows)  # rows go in in the same order as deletes
                self.conn.execute("delete from sketches where article_id = ?", (aid,))
            text, spans = self._read_back("select text, parts from revisions where id = ?", (rid,))
            story = identity.story_text(text, parts_from_spans(text, json.loads(spans)))
            rows.extend((aid, h) for h in identity.story_sketch(story))
            if len(rows) >= 10_000:  # an import's worth of rows would be 100 MB of tuples
                self._insert_sketches(rows)
        self._insert_sketches(rows)

    def forget_sketches(self) -> None:
        """An import's end: instead of sketching each article whose latest revision
        it wrote (a quarter of a bulk import's time, on one core), drop the sketch
        that no longer fits. An article without sketch rows is sketched when a
        keyless revision is next matched (``_catch_up_sketches``): keyed input needs none."""
        stale = [(aid,) for aid in self._dirty_sketch if aid not in self._unsketched]
        if stale:
            # as a keyless writer does: on PostgreSQL one may be sketching these articles meanwhile
            self._lock("versioner: story matching")
            self.conn.executemany("delete from sketches where article_id = ?", stale)
        self._dirty_sketch.clear()

    def _catch_up_sketches(self) -> None:
        """Sketch the articles left unsketched by imports (``forget_sketches``), once
        a writer, before a keyless revision is matched against the sketches."""
        if self._caught_up:
            return
        self._caught_up = True
        due = [aid for (aid,) in self.conn.execute(
            "select a.id from articles a where not exists (select 1 from sketches s where s.article_id = a.id)"
            " and exists (select 1 from revisions r where r.article_id = a.id)"
        ).fetchall() if aid not in self._dirty_sketch]  # those are sketched as before
        latest: dict[int, int] = {}
        for aid in due:
            if aid in self._gaps:
                self._close_gap(aid)  # its latest revision numbered above the back-fills again
            latest[aid] = self.conn.execute(
                "select id from revisions where article_id = ? order by number desc limit 1", (aid,)
            ).fetchone()[0]
            self._unsketched.add(aid)  # no rows to delete
        self._sketch(latest)

    def _insert_sketches(self, rows: list[tuple[int, int]]) -> None:
        self.conn.executemany("insert into sketches (article_id, h) values (?, ?)", rows)
        rows.clear()
