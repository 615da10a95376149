"""Render stage: terminal (rich), JSON, Markdown and HTML views of plain data."""
