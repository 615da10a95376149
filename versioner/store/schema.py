"""The store's schema: its migrations, applied in order when a store opens, and
which of them read commands need.

The migration functions are plain; ``migrations()`` registers them with
sqlite-utils, imported only when a store is not at ``LATEST_MIGRATION`` (the
common case is answered by ``schema_is_current`` alone).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from versioner.parse import parse
from versioner.prepared import parts_json

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# the name of the last migration in ``migrations()`` (a test holds the two together)
LATEST_MIGRATION = "m007_flag_rows_labelled"
# read commands read a store at this migration or later without migrating it (before it:
# parts cached as copies, no pair cache)
OLDEST_READABLE = "m002_pair_cache_and_span_parts"


def migrations() -> Migrations:
    """The migrations in the order they apply."""
    from sqlite_utils.migrations import Migrations

    applied = Migrations("versioner")
    for migration in (m001_articles_and_revisions, m002_pair_cache_and_span_parts,
                      m003_revision_summary_index, m004_drop_unwritten_notices,
                      m005_web_pages_fetch_state_alerts, m006_verdicts_notices_readable_views,
                      m007_flag_rows_labelled):
        applied()(migration)
    return applied


def schema_is_current(conn: sqlite3.Connection, migration: str = LATEST_MIGRATION) -> bool:
    """Has ``migration`` (by default the latest) been applied? (Migrations apply in order.)"""
    try:
        row = conn.execute(
            "select 1 from _sqlite_migrations where migration_set = 'versioner' and name = ?",
            (migration,),
        ).fetchone()
    except sqlite3.OperationalError:
        return False  # no migrations table: a new store
    return row is not None


def m001_articles_and_revisions(db: Database) -> None:
    db.execute(
        """create table articles (
            id integer primary key,
            key text not null unique,
            url text,
            created_at text not null
        )"""
    )
    db.execute("create index articles_url on articles(url)")
    db.execute(
        """create table revisions (
            id integer primary key,
            article_id integer not null references articles(id),
            number integer not null,
            captured_at text not null,
            sha256 text not null,
            text text not null,
            parts text not null,
            source text,
            url text,
            notices integer not null default 0,
            unique (article_id, number)
        )"""
    )
    db.execute("create index revisions_sha on revisions(sha256)")
    # bottom-k MinHash sketch of each article's latest revision: finds the
    # article a keyless revision belongs to without scanning every text
    db.execute(
        """create table sketches (
            article_id integer not null references articles(id),
            h integer not null
        )"""
    )
    db.execute("create index sketches_h on sketches(h)")
    db.execute("create index sketches_article on sketches(article_id)")
    # derived data (a cache of pure functions of stored text; `verify` may recompute);
    # never written: notices are parsed from the cached parts (m004 drops the table)
    db.execute(
        """create table notices (
            revision_id integer not null references revisions(id),
            idx integer not null,
            position text not null,
            text text not null,
            kind text,
            claims text,
            primary key (revision_id, idx)
        )"""
    )
    db.execute(
        """create table flags (
            from_revision_id integer not null references revisions(id),
            to_revision_id integer not null references revisions(id),
            idx integer not null,
            type text not null,
            severity text not null,
            section text not null,
            paragraph integer,
            old text,
            new text,
            reason text,
            primary key (from_revision_id, to_revision_id, idx)
        )"""
    )


def m002_pair_cache_and_span_parts(db: Database) -> None:
    # The per-flag table was never written; a pair's flags are cached whole instead,
    # with the rules version that made them, and read through a view per flag.
    db.execute("drop table flags")
    db.execute(
        """create table pairs (
            from_revision_id integer not null references revisions(id),
            to_revision_id integer not null references revisions(id),
            rules text not null,
            changes text not null,
            flags text not null,
            primary key (from_revision_id, to_revision_id)
        )"""
    )
    db.execute("create index pairs_to on pairs(to_revision_id)")
    db.execute(
        """create view flag_rows as
           select p.from_revision_id, p.to_revision_id, f.key as idx,
                  json_extract(f.value, '$.type') as type,
                  json_extract(f.value, '$.severity') as severity,
                  json_extract(f.value, '$.section') as section,
                  json_extract(f.value, '$.paragraph') as paragraph,
                  json_extract(f.value, '$.old') as old,
                  json_extract(f.value, '$.new') as new,
                  json_extract(f.value, '$.reason') as reason
           from pairs p, json_each(p.flags) f"""
    )
    # Cached parts become spans over the text instead of a second copy of it.
    rows = db.execute("select id, text from revisions").fetchall()
    db.conn.executemany(
        "update revisions set parts = ? where id = ?", [(parts_json(parse(t)), i) for i, t in rows]
    )


def m003_revision_summary_index(db: Database) -> None:
    # `list` and the UI count, date and sum notices per article: a covering index
    # answers that without reading each revision's text
    db.execute("create index revisions_summary on revisions(article_id, captured_at, notices)")


def m004_drop_unwritten_notices(db: Database) -> None:
    # No versioner ever wrote the notices table (notices come from the cached parts),
    # and none reads it: a store at m002 or m003 that still has it reads the same, and
    # an older versioner reads and writes a store without it (see OLDEST_READABLE).
    db.execute("drop table if exists notices")


def m005_web_pages_fetch_state_alerts(db: Database) -> None:
    # New tables only, which no read command touches: read commands read a store
    # without them (OLDEST_READABLE stays where it was).
    # The HTML a fetched revision was extracted from, zlib-compressed, with the
    # extractor that read it: `reextract` reads it again after an upgrade.
    db.execute(
        """create table pages (
            revision_id integer primary key references revisions(id),
            url text not null,
            fetched_at text not null,
            extractor text not null,
            html blob not null
        )"""
    )
    # What `fetch` and `watch` know of each URL: conditional-request validators
    # and the watch schedule, so that a restarted watch resumes where it stopped.
    db.execute(
        """create table fetch_state (
            url text primary key,
            kind text not null,
            article text,
            etag text,
            last_modified text,
            first_seen text not null,
            next_check text,
            step integer not null default 0,
            checks integer not null default 0,
            failures integer not null default 0,
            last_error text
        )"""
    )
    db.execute("create index fetch_state_due on fetch_state(next_check)")
    # Alert events (the Atom feed's entries) and their webhook deliveries: one not
    # yet delivered is tried again each round until it is.
    db.execute(
        """create table alerts (
            id integer primary key,
            created_at text not null,
            article text not null,
            ref text not null,
            sha256 text not null,
            url text,
            verdict text not null,
            event text not null,
            target text,
            delivered_at text,
            attempts integer not null default 0,
            last_error text,
            unique (sha256, article, target)
        )"""
    )


FLAGS_READABLE = """create view flags_readable as
       select a.key || '@' || o.number as from_ref, a.key || '@' || n.number as to_ref,
              a.key as article, n.captured_at, coalesce(n.url, a.url) as url, f.idx, f.type,
              f.severity, f.section, f.paragraph, f.old, f.new, f.reason
       from flag_rows f join revisions o on o.id = f.from_revision_id
       join revisions n on n.id = f.to_revision_id join articles a on a.id = n.article_id
       where o.number = n.number - 1"""

# Views with human labels for Datasette and sqlite-utils (``KEY@N``, capture time, URL
# instead of internal ids): the same SQL on PostgreSQL (pg_schema uses these strings).
# A stored verdict (and the notices it judged) is shown only while its article has
# the revisions it was judged on: ``chain`` is how many there were, and revisions are
# never removed, so one more since (an add, a back-fill) makes it stale.
READABLE_VIEWS = (
    """create view revision_labels as
       select r.id as revision_id, a.key || '@' || r.number as ref, a.key as article, r.number,
              r.captured_at, coalesce(r.url, a.url) as url, r.source, r.notices, r.sha256
       from revisions r join articles a on a.id = r.article_id""",
    FLAGS_READABLE,
    """create view verdicts_readable as
       select a.key || '@' || r.number as ref, a.key as article, r.number, r.captured_at,
              coalesce(r.url, a.url) as url, v.verdict, v.reasons, v.stealth_kind,
              v.disclosed_by, v.latency_s
       from verdicts v join revisions r on r.id = v.revision_id join articles a on a.id = r.article_id
       where v.chain = (select max(number) from revisions where article_id = r.article_id)""",
    """create view notices_readable as
       select a.key || '@' || r.number as ref, a.key as article, r.captured_at,
              coalesce(r.url, a.url) as url, n.idx, n.kind, n.position, n.text, n.claims
       from notices n join verdicts v on v.revision_id = n.revision_id
       join revisions r on r.id = n.revision_id join articles a on a.id = r.article_id
       where v.chain = (select max(number) from revisions where article_id = r.article_id)""",
)


def m006_verdicts_notices_readable_views(db: Database) -> None:
    # Derived data, like the pair cache: what `audit` concluded for each revision and
    # the notices it held against the changes, kept by the rules that made them
    # (``audit.verdict_rules``) so that `verify` can recompute them and an audit under
    # other rules replaces them. New tables and views only: OLDEST_READABLE stays.
    db.execute(
        """create table verdicts (
            revision_id integer primary key references revisions(id),
            rules text not null,
            chain integer not null,
            verdict text not null,
            reasons text not null,
            stealth_kind text,
            disclosed_by text,
            latency_s integer
        )"""
    )
    db.execute(
        """create table notices (
            revision_id integer not null references revisions(id),
            idx integer not null,
            kind text not null,
            position text not null,
            text text not null,
            claims text not null,
            primary key (revision_id, idx)
        )"""
    )
    for view in READABLE_VIEWS:
        db.execute(view)


# flag_rows with the pair's revisions as KEY@N (and its article) before the internal
# ids it kept: every cached flag, of any pair compared (flags_readable keeps those of
# consecutive revisions). The same columns on PostgreSQL (pg_schema).
FLAG_ROWS_LABELLED = """create view flag_rows as
       select a.key || '@' || o.number as from_ref, a.key || '@' || n.number as to_ref,
              a.key as article, p.from_revision_id, p.to_revision_id, f.key as idx,
              json_extract(f.value, '$.type') as type,
              json_extract(f.value, '$.severity') as severity,
              json_extract(f.value, '$.section') as section,
              json_extract(f.value, '$.paragraph') as paragraph,
              json_extract(f.value, '$.old') as old,
              json_extract(f.value, '$.new') as new,
              json_extract(f.value, '$.reason') as reason
       from pairs p join revisions o on o.id = p.from_revision_id
       join revisions n on n.id = p.to_revision_id join articles a on a.id = n.article_id
       join json_each(p.flags) f"""


def m007_flag_rows_labelled(db: Database) -> None:
    # a view only (read commands never read it): OLDEST_READABLE stays; flags_readable
    # reads flag_rows, so it is made again after it
    db.execute("drop view if exists flags_readable")
    db.execute("drop view if exists flag_rows")
    db.execute(FLAG_ROWS_LABELLED)
    db.execute(FLAGS_READABLE)
