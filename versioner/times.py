"""Time rules: capture times as the store keeps them (ISO 8601 UTC with a ``Z``),
their sort key, and how far ahead of the clock one may be."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from versioner.errors import BadInput

# how far ahead of the clock a capture time may be (time zones, clock skew)
FUTURE_LIMIT = timedelta(days=1)

_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?Z", re.ASCII)
# the same shape as a SQLite GLOB, which skips rows that would not decode as text


def utc_iso(value: str | datetime | None = None) -> str:
    """A capture time as ISO 8601 UTC with a ``Z``; naive times are taken as UTC."""
    if value is None:
        dt = datetime.now(timezone.utc)
    elif isinstance(value, datetime):
        dt = value
    else:
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise BadInput(f"not an ISO 8601 time: {value!r}") from None
        if _CANONICAL_TIME.fullmatch(value) and not value.endswith(".000000Z"):
            return value  # already in this form: every revision passes here up to three times
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    try:
        dt = dt.astimezone(timezone.utc)
    except OverflowError:
        # 0001-01-01T00:00+01:00 is in year 0 in UTC, 9999-12-31T23:59-01:00 in 10000
        raise BadInput(f"time {dt.isoformat()} is outside the years 1 to 9999 in UTC") from None
    # not strftime: its %Y gives year 5 as "5", which neither parses nor sorts
    frac = f".{dt.microsecond:06d}" if dt.microsecond else ""
    return f"{dt.year:04d}-{dt:%m-%dT%H:%M:%S}{frac}Z"


def is_stored_time(value: object) -> bool:
    """Is ``value`` a capture time as the store keeps it (``utc_iso``'s form, a real date)?"""
    if not isinstance(value, str) or not _CANONICAL_TIME.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:  # 2026-02-30, 25:00
        return False
    return True


def time_key(iso: str) -> str:
    """A capture time that sorts as text: ``...:00Z`` and ``...:00.5Z`` compare by time."""
    return iso if "." in iso else iso[:-1] + ".000000Z"


def duration(seconds: int) -> str:
    """A span of time as a person reads it, the one form every view uses:
    19500 -> '5h 25m'; 0 -> 'at once'; under a minute in seconds."""
    if seconds <= 0:
        return "at once"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{minutes}m" if minutes else ""]
    text = " ".join(p for p in parts if p)
    return text or f"{secs}s"
