"""Docs that cannot drift: every command is in the README's command table."""

from __future__ import annotations

from pathlib import Path

from versioner.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_command_appears_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert names, "no commands registered"
    missing = [n for n in names if f"| `versioner {n.rstrip('_')}" not in text]
    assert not missing, f"commands missing from README's table: {missing}"


def test_every_audit_option_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for option in ("--strict", "--since DATE", "--format markdown", "--format html"):
        assert option in text, option
