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
    "notices": [
        ("revision_id", "INTEGER", 1, None, 1),
        ("idx", "INTEGER", 1, None, 2),
        ("position", "TEXT", 1, None, 0),
        ("text", "TEXT", 1, None, 0),
        ("kind", "TEXT", 0, None, 0),
        ("claims", "TEXT", 0, None, 0),
    ],
    "flags": [
        ("from_revision_id", "INTEGER", 1, None, 1),
        ("to_revision_id", "INTEGER", 1, None, 2),
        ("idx", "INTEGER", 1, None, 3),
        ("type", "TEXT", 1, None, 0),
        ("severity", "TEXT", 1, None, 0),
        ("section", "TEXT", 1, None, 0),
        ("paragraph", "INTEGER", 0, None, 0),
        ("old", "TEXT", 0, None, 0),
        ("new", "TEXT", 0, None, 0),
        ("reason", "TEXT", 0, None, 0),
    ],
}

INDEXES = {
    "articles_url", "revisions_sha", "sketches_h", "sketches_article",
    "idx__sqlite_migrations_migration_set_name",
    # from UNIQUE and composite PRIMARY KEY constraints
    "sqlite_autoindex_articles_1", "sqlite_autoindex_revisions_1",
    "sqlite_autoindex_notices_1", "sqlite_autoindex_flags_1",
}

MIGRATIONS = ["m001_articles_and_revisions"]


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
    assert {name for (name,) in sql("select name from sqlite_master where type in ('view', 'trigger')")} == set()


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
