"""Schema migrations, applied in order when a store opens (sqlite-utils Migrations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlite_utils.migrations import Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATIONS = Migrations("versioner")


@MIGRATIONS()
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
    # derived data (a cache of pure functions of stored text; `verify` may recompute)
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
