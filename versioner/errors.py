"""Errors the library raises; each message can be shown to a user as one line."""

from __future__ import annotations


class VersionerError(Exception):
    """Base class: a failure the CLI reports on one line with exit code 2."""

    exit_code = 2


class BadInput(VersionerError):
    """The input text or file cannot be taken (empty, binary, not decodable, too big)."""


class UnknownRef(VersionerError):
    """A KEY or KEY@N that names nothing in the store."""


class StoreError(VersionerError):
    """The store cannot be opened, read or written."""


class MissingExtra(VersionerError):
    """An optional dependency (an extra such as ``versioner[ui]``) is not installed."""
