"""``verify``: SQLite's own check, then every row the commands read, each cell
checked and what is derived from the text (hash, cached parse, notice count)
computed again."""

from __future__ import annotations

import json
import re
import sqlite3

from versioner.errors import BadInput
from versioner.keys import check_key
from versioner.model import Fault
from versioner.prepared import parsed, sha256_hex
from versioner.store.backend import SQLITE
from versioner.store.connection import Connection, fetched
from versioner.store.rows import cell_name, shown, text_problem, time_problem
from versioner.times import time_key


def find_faults(store: Connection) -> tuple[int, list[Fault]]:
    """SQLite's own integrity check, then every row the commands read: each
    cell's type and form, hashes, numbering, capture order, cached parts and
    notice counts, article keys, sketches. Returns (revisions checked, faults);
    a damaged store gives faults, never an exception."""
    conn = store.conn
    sqlite = store.dialect == SQLITE
    try:
        # PostgreSQL checks its pages as it reads them (and types each column)
        check = conn.execute("pragma integrity_check").fetchall() if sqlite else [("ok",)]
    except sqlite3.DatabaseError as exc:
        return 0, [Fault("sqlite", str(store.path), f"database is damaged: {exc}")]
    if check != [("ok",)]:
        return 0, [Fault("sqlite", str(store.path), "; ".join(str(r[0]) for r in check[:5]))]
    faults: list[Fault] = []
    counted = [0]
    try:
        with store._lenient_text():
            _verify_articles(conn, faults)
            _verify_revisions(conn, faults, counted)
            if sqlite:
                _verify_sketches(conn, faults)
            _verify_pair_links(conn, faults)
    except sqlite3.DatabaseError as exc:
        # a schema altered by hand (a table gone) or a read failing halfway
        faults.append(Fault("sqlite", str(store.path), f"cannot read the store: {exc}"))
    return counted[0], faults


def _verify_articles(conn: sqlite3.Connection, faults: list[Fault]) -> None:
    for aid, key, url, created in fetched(conn.execute(
            "select id, key, url, created_at from articles order by key")):
        where = f"article #{aid}"
        problem = text_problem(key, "article key")
        if problem is None:
            try:
                check_key(key)
                where = key
            except BadInput as exc:
                problem = str(exc)
        if problem:
            faults.append(Fault("article", where, problem))
        for what, value, nullable in (("url", url, True), ("created_at", created, False)):
            problem = text_problem(value, what, nullable)
            if problem:
                faults.append(Fault("column", where, problem))


def _verify_revisions(conn: sqlite3.Connection, faults: list[Fault], counted: list[int]) -> None:
    current: object = None
    expected = 1
    last: tuple[str, str] | None = None  # the article's previous (ref, capture time)
    for row in fetched(conn.execute(
            "select r.article_id, a.id, a.key, r.number, r.captured_at, r.sha256, r.text, r.parts,"
            " r.notices, r.source, r.url from revisions r left join articles a on a.id = r.article_id"
            " order by a.key, r.number")):
        counted[0] += 1
        aid, found, key, number, at, sha, text, parts, notices, source, url = row
        if found is None:
            faults.append(Fault("orphan", f"revision #{cell_name(number)}", "revision belongs to no article"))
            continue
        if aid != current:
            current, expected, last = aid, 1, None
        ref = f"{cell_name(key)}@{cell_name(number)}"
        if type(number) is not int:
            faults.append(Fault("numbering", ref, f"revision number {shown(number)} is not a whole number"))
        elif number != expected:
            faults.append(Fault("numbering", ref, f"expected {cell_name(key)}@{expected}, found {ref}"))
        expected = number + 1 if type(number) is int else expected + 1
        problem = time_problem(at)
        if problem:
            faults.append(Fault("time", ref, problem))
        else:
            if last is not None and time_key(at) < time_key(last[1]):
                faults.append(Fault("time", ref, f"captured at {at}, before {last[0]} ({last[1]})"))
            last = (ref, at)
        for kind, message in _content_faults(text, sha, parts, notices):
            faults.append(Fault(kind, ref, message))
        for what, value in (("source", source), ("url", url)):
            problem = text_problem(value, what, nullable=True)
            if problem:
                faults.append(Fault("column", ref, problem))


def _verify_sketches(conn: sqlite3.Connection, faults: list[Fault]) -> None:
    for aid, key, bad in conn.execute(
            "select s.article_id, a.key, sum(typeof(s.h) != 'integer') from sketches s"
            " left join articles a on a.id = s.article_id group by s.article_id"):
        where = f"article #{cell_name(aid)}" if key is None else cell_name(key)
        if key is None:
            faults.append(Fault("sketch", where, "sketch rows belong to no article"))
        elif bad:
            faults.append(Fault("sketch", where, f"{bad} sketch value(s) are not whole numbers"))


def _verify_pair_links(conn: sqlite3.Connection, faults: list[Fault]) -> None:
    (loose,) = conn.execute(
        "select count(*) from pairs p left join revisions o on o.id = p.from_revision_id"
        " left join revisions n on n.id = p.to_revision_id"
        " left join articles a on a.id = n.article_id"
        " where o.id is null or a.id is null").fetchone()
    if loose:
        faults.append(Fault("cache", "pairs", f"{loose} cached comparison(s) refer to no revision"))


def _content_faults(text: object, sha: object, parts: object, notices: object) -> list[tuple[str, str]]:
    """What is wrong with one stored revision's text, hash, cached parts and notice
    count. (One row cannot tell an altered text from an altered hash: both are one fault.)"""
    problem = text_problem(text, "text")
    if problem or not isinstance(text, str):
        return [("text", problem or "text is unreadable")]  # nothing else can be checked against it
    count_ok = type(notices) is int and notices >= 0
    bad_count = [] if count_ok else [("notices", f"notice count {shown(notices)} is not a whole number")]
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        return [("hash", "stored sha256 is not 64 hex digits"), *bad_count]
    if sha256_hex(text) != sha:
        # what is derived from the text is not compared with a text that is not the one stored
        return [("hash", "text does not match its sha256"), *bad_count]
    spans, found = parsed(text)
    faults = [("parts", _parts_problem(parts))] if parts != spans else []
    if count_ok and notices != found:
        bad_count = [("notices", f"notice count {notices} differs from the {found} a fresh parse finds")]
    return faults + bad_count


def _parts_problem(parts: object) -> str:
    problem = text_problem(parts, "cached parts")
    if problem:
        return problem
    try:
        json.loads(parts)  # type: ignore[arg-type]
    except ValueError:
        return "cached parts are not valid JSON"
    return "cached parts differ from a fresh parse"


_SHA256 = re.compile("[0-9a-f]{64}")
