"""Rows as the store reads them: the revision query, and the checks that each
row read is what the store wrote before it becomes an Article or a Revision
(shared by the reads and ``verify``)."""

from __future__ import annotations

from typing import Any

from versioner.model import Revision
from versioner.store.connection import Undecodable
from versioner.times import is_stored_time

REV_COLUMNS = ("article key", "revision number", "capture time", "sha256", "text", "source", "url",
                "cached parts")


def revision_problem(row: tuple[Any, ...]) -> str | None:
    """Why a row of ``REV_SELECT`` cannot be a Revision (None when it can)."""
    key, number, at, sha, text, source, url, spans = row
    if type(number) is not int:
        return f"revision number {shown(number)} is not a whole number"
    for what, value, nullable in (("article key", key, False), ("text", text, False),
                                  ("sha256", sha, False), ("source", source, True),
                                  ("url", url, True), ("cached parts", spans, True)):
        problem = text_problem(value, what, nullable)
        if problem:
            return problem
    return time_problem(at)


def article_problem(row: tuple[Any, ...]) -> str | None:
    """Why a row of ``Store.articles``'s query cannot be an Article."""
    key, url, _, first, last, notices = row
    problem = text_problem(key, "article key") or text_problem(url, "url", nullable=True)
    problem = problem or time_problem(first) or time_problem(last)
    if problem is None and (type(notices) is not int or notices < 0):
        problem = f"notice counts add up to {shown(notices)}, not a whole number"
    return problem


def text_problem(value: object, what: str, nullable: bool = False) -> str | None:
    """Why a cell that should hold text does not (None when it does)."""
    if isinstance(value, str):
        return None
    if value is None:
        return None if nullable else f"{what} is missing (NULL)"
    if isinstance(value, Undecodable):
        return f"{what} is not valid UTF-8"
    if isinstance(value, bytes):
        return f"{what} is binary data, not text"
    return f"{what} is a number ({shown(value)}), not text"


def time_problem(value: object) -> str | None:
    problem = text_problem(value, "capture time")
    if problem is None and not is_stored_time(value):
        problem = f"capture time {shown(value)} is not an ISO 8601 UTC time"
    return problem


def shown(value: object) -> str:
    """A cell's value for a message: short, whatever it holds."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def cell_name(cell: object) -> str:
    """A key or number for naming a damaged row, whatever the cell holds."""
    if isinstance(cell, bytes):
        return cell.decode("utf-8", "backslashreplace")
    return str(cell)


REV_SELECT = (
    "select a.key, r.number, r.captured_at, r.sha256, r.text, r.source, r.url, r.parts"
    " from revisions r join articles a on a.id = r.article_id"
)


def revision_of(row: tuple[Any, ...]) -> Revision:
    """A row of ``REV_SELECT`` (checked, or read for ``verify``) as a Revision. A
    cached parse that is not there (a damaged row) is one that does not cover the
    text: ``Revision.parts`` parses such a revision afresh."""
    key, number, at, sha, text, source, url, spans = row
    return Revision(key, number, at, sha, text, source, url, spans if spans is not None else "")

