"""The store's schema, pinned: changing it must be deliberate (a new migration
and an update here), never a side effect."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from versioner.store import NewRevision, Store

SQL = Callable[..., list[tuple[Any, ...]]]

# table -> [(column, declared type, not null, default, primary-key position)]
SCHEMA = {
    "_sqlite_migrations": [
        ("id", "INTEGER", 0, None, 1),
        ("migration_set", "TEXT", 0, None, 0),
        ("name", "TEXT", 0, None, 0),
        ("applied_at", "TEXT", 0, None, 0),
    ],
    "articles": [
        ("id", "INTEGER", 0, None, 1),
        ("key", "TEXT", 1, None, 0),
        ("url", "TEXT", 0, None, 0),
        ("created_at", "TEXT", 1, None, 0),
    ],
    "revisions": [
        ("id", "INTEGER", 0, None, 1),
        ("article_id", "INTEGER", 1, None, 0),
        ("number", "INTEGER", 1, None, 0),
        ("captured_at", "TEXT", 1, None, 0),
        ("sha256", "TEXT", 1, None, 0),
        ("text", "TEXT", 1, None, 0),
        ("parts", "TEXT", 1, None, 0),
        ("source", "TEXT", 0, None, 0),
        ("url", "TEXT", 0, None, 0),
        ("notices", "INTEGER", 1, "0", 0),
    ],
    "sketches": [
        ("article_id", "INTEGER", 1, None, 0),
        ("h", "INTEGER", 1, None, 0),
    ],
    "pairs": [
        ("from_revision_id", "INTEGER", 1, None, 1),
        ("to_revision_id", "INTEGER", 1, None, 2),
        ("rules", "TEXT", 1, None, 0),
        ("changes", "TEXT", 1, None, 0),
        ("flags", "TEXT", 1, None, 0),
    ],
    "pages": [
        ("revision_id", "INTEGER", 0, None, 1),
        ("url", "TEXT", 1, None, 0),
        ("fetched_at", "TEXT", 1, None, 0),
        ("extractor", "TEXT", 1, None, 0),
        ("html", "BLOB", 1, None, 0),
    ],
    "fetch_state": [
        ("url", "TEXT", 0, None, 1),
        ("kind", "TEXT", 1, None, 0),
        ("article", "TEXT", 0, None, 0),
        ("etag", "TEXT", 0, None, 0),
        ("last_modified", "TEXT", 0, None, 0),
        ("first_seen", "TEXT", 1, None, 0),
        ("next_check", "TEXT", 0, None, 0),
        ("step", "INTEGER", 1, "0", 0),
        ("checks", "INTEGER", 1, "0", 0),
        ("failures", "INTEGER", 1, "0", 0),
        ("last_error", "TEXT", 0, None, 0),
    ],
    "alerts": [
        ("id", "INTEGER", 0, None, 1),
        ("created_at", "TEXT", 1, None, 0),
        ("article", "TEXT", 1, None, 0),
        ("ref", "TEXT", 1, None, 0),
        ("sha256", "TEXT", 1, None, 0),
        ("url", "TEXT", 0, None, 0),
        ("verdict", "TEXT", 1, None, 0),
        ("event", "TEXT", 1, None, 0),
        ("target", "TEXT", 0, None, 0),
        ("delivered_at", "TEXT", 0, None, 0),
        ("attempts", "INTEGER", 1, "0", 0),
        ("last_error", "TEXT", 0, None, 0),
    ],
    "verdicts": [
        ("revision_id", "INTEGER", 0, None, 1),
        ("rules", "TEXT", 1, None, 0),
        ("chain", "INTEGER", 1, None, 0),
        ("verdict", "TEXT", 1, None, 0),
        ("reasons", "TEXT", 1, None, 0),
        ("stealth_kind", "TEXT", 0, None, 0),
        ("disclosed_by", "TEXT", 0, None, 0),
        ("latency_s", "INTEGER", 0, None, 0),
    ],
    "notices": [
        ("revision_id", "INTEGER", 1, None, 1),
        ("idx", "INTEGER", 1, None, 2),
        ("kind", "TEXT", 1, None, 0),
        ("position", "TEXT", 1, None, 0),
        ("text", "TEXT", 1, None, 0),
        ("claims", "TEXT", 1, None, 0),
    ],
}

INDEXES = {
    "articles_url", "revisions_sha", "sketches_h", "sketches_article", "pairs_to", "revisions_summary",
    "idx__sqlite_migrations_migration_set_name",
    # from UNIQUE and composite PRIMARY KEY constraints
    "sqlite_autoindex_articles_1", "sqlite_autoindex_revisions_1",
    "sqlite_autoindex_pairs_1",
    "fetch_state_due", "sqlite_autoindex_fetch_state_1", "sqlite_autoindex_alerts_1",
    "sqlite_autoindex_notices_1",
}

MIGRATIONS = ["m001_articles_and_revisions", "m002_pair_cache_and_span_parts", "m003_revision_summary_index",
              "m004_drop_unwritten_notices", "m005_web_pages_fetch_state_alerts",
              "m006_verdicts_notices_readable_views", "m007_flag_rows_labelled"]


def _make_store(store_path: Path) -> None:
    with Store.open(store_path, create=True) as st:
        st.add(NewRevision("Ship sinks\n\nA ship sank.\n", article="ship"))


def test_schema_is_pinned(store_path: Path, sql: SQL) -> None:
    _make_store(store_path)
    tables = {name for (name,) in sql("select name from sqlite_master where type = 'table'")}
    assert tables == set(SCHEMA)
    for table, columns in SCHEMA.items():
        found = [tuple(row[1:]) for row in sql(f"pragma table_info('{table}')")]
        assert found == columns, table


def test_indexes_are_pinned(store_path: Path, sql: SQL) -> None:
    _make_store(store_path)
    assert {name for (name,) in sql("select name from sqlite_master where type = 'index'")} == INDEXES
    assert {name for (name,) in sql("select name from sqlite_master where type in ('view', 'trigger')")} == {
        "flag_rows", "revision_labels", "flags_readable", "verdicts_readable", "notices_readable"
    }


def test_revision_numbers_are_unique_per_article(store_path: Path, sql: SQL) -> None:
    _make_store(store_path)
    (unique,) = [row for row in sql("pragma index_list('revisions')") if row[2] == 1]
    assert [row[2] for row in sql(f"pragma index_info('{unique[1]}')")] == ["article_id", "number"]


def test_migrations_are_recorded_and_applied_once(store_path: Path, sql: SQL) -> None:
    _make_store(store_path)
    with Store.open(store_path):
        pass
    rows = sql("select migration_set, name from _sqlite_migrations order by id")
    assert rows == [("versioner", name) for name in MIGRATIONS]


def test_store_created_by_the_cli_has_the_same_schema(run: Callable[..., Any], write: Callable[..., Path],
                                                      sql: SQL) -> None:
    assert run("add", write("a.txt", "Ship sinks\n\nA ship sank.\n"), "--article", "ship").exit_code == 0
    assert {name for (name,) in sql("select name from sqlite_master where type = 'table'")} == set(SCHEMA)
    assert sql("pragma journal_mode") == [("wal",)]


def test_a_store_made_before_the_pair_cache_is_migrated_and_keeps_its_revisions(
    store_path: Path, sql: SQL
) -> None:
    from sqlite_utils import Database

    from versioner.prepared import sha256_hex
    from versioner.store.schema import m001_articles_and_revisions

    # a store as m001 left it: parts cached as copies of the text, a flags table
    store_path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(str(store_path))
    m001_articles_and_revisions(db)
    db.execute(
        "create table _sqlite_migrations (id integer primary key, migration_set text, name text,"
        " applied_at text)"
    )
    db.execute("insert into _sqlite_migrations (migration_set, name, applied_at) values"
               " ('versioner', 'm001_articles_and_revisions', '2026-11-01')")
    text = "Ship sinks\n\nA ship sank.\n"
    db.execute("insert into articles (id, key, created_at) values (1, 'ship', '2026-11-01T00:00:00Z')")
    db.execute(
        "insert into revisions (article_id, number, captured_at, sha256, text, parts) values"
        " (1, 1, '2026-11-01T00:00:00Z', ?, ?, '[[\"headline\", \"Ship sinks\", \"\", \"\"]]')",
        [sha256_hex(text), text],
    )
    db.conn.commit()
    db.close()
    with Store.open(store_path) as st:
        rev = st.latest("ship")
        assert rev.text == text and rev.parts().headline == "Ship sinks"
        assert st.verify() == (1, [])
    assert "flags" not in {n for (n,) in sql("select name from sqlite_master where type = 'table'")}
    # m004 dropped the notices table m001 made and nothing wrote; m006's is another, written by audit
    assert [tuple(row[1:]) for row in sql("pragma table_info('notices')")] == SCHEMA["notices"]


def test_the_store_knows_the_name_of_the_latest_migration(store_path: Path, sql: SQL) -> None:
    # Store.open skips sqlite-utils when this migration is already applied
    from versioner.store.schema import LATEST_MIGRATION

    _make_store(store_path)
    (last,) = sql("select name from _sqlite_migrations order by id desc limit 1")
    assert last == (LATEST_MIGRATION,) == (MIGRATIONS[-1],)
