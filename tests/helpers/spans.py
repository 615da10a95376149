"""Edit spans for property tests: (gap, width) pairs laid left to right over a text."""
from __future__ import annotations


def spans_from_gaps(text: str, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span starts ``gap`` characters after the last one ends and is ``width`` long,
    both cut at the text's end, so the spans are in order and never overlap."""
    spans: list[tuple[int, int]] = []
    at = 0
    for gap, width in raw:
        start = min(at + gap, len(text))
        spans.append((start, min(start + width, len(text))))
        at = spans[-1][1]
    return spans
