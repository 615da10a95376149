"""The README cannot drift from the command line: every command is in its table."""

from __future__ import annotations

import re
from pathlib import Path

from versioner.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_command_is_in_the_readme_commands_table() -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    listed = set(re.findall(r"^\| `versioner (\w+)", README.read_text(encoding="utf-8"), re.M))
    assert "ui" in names
    assert names <= listed, f"missing from README: {sorted(names - listed)}"


def test_the_readme_screenshot_of_the_ui_is_there() -> None:
    text = README.read_text(encoding="utf-8")
    assert "](docs/ui.svg)" in text
    assert (README.parent / "docs" / "ui.svg").read_text(encoding="utf-8").startswith("<svg")
