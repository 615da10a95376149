"""Alerts: a new revision judged stealth, undisclosed, mismatch or late becomes
an event, kept in the store (the Atom feed's entries) and POSTed as JSON to a
webhook, with retries and a timeout. A delivery that fails is kept and tried
again next round, never dropped silently."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass

from versioner.store import Store
from versioner.store.web import Alert, add_alerts, alerts, mark_delivery
from versioner.times import utc_iso

DEFAULT_VERDICTS = frozenset({"stealth", "undisclosed", "mismatch", "late"})


@dataclass(frozen=True)
class Delivery:
    sent: int
    failed: list[str]  # one line each: which event, where, why


def record(st: Store, keys: Iterable[str], target: str | None,
           verdicts: frozenset[str] = DEFAULT_VERDICTS) -> int:
    """Audit the articles ``keys`` and record an event for each revision whose
    verdict is in ``verdicts`` (once per revision and target: a revision a later
    notice makes ``late`` is not reported again). How many were new."""
    from versioner.audit import audit_chain

    rows = []
    now = utc_iso()
    for key in sorted(set(keys)):
        revisions = st.revisions(key)
        for v in audit_chain(revisions):
            if v.verdict in verdicts:
                rows.append((now, key, v.ref, v.revision.sha256, v.revision.url, str(v.verdict),
                             json.dumps(_event(v), ensure_ascii=False), target))
    return len(add_alerts(st, rows)) if rows else 0


def _event(v: object) -> dict[str, object]:
    from versioner.audit import Verdict

    assert isinstance(v, Verdict)
    rev = v.revision
    return {
        "event": "revision",
        "article": rev.article,
        "ref": rev.ref,
        "sha256": rev.sha256,
        "url": rev.url,
        "captured_at": rev.captured_at,
        "verdict": str(v.verdict),
        "reasons": list(v.reasons),
        "flags": [{"type": str(f.type), "severity": str(f.severity), "section": str(f.section), "reason": f.reason,
                   **({"facts": [str(t) for t in f.facts]} if f.facts else {})} for f in v.flags],
    }


def deliver(st: Store, timeout: float = 10.0, retries: int = 2, backoff: float = 0.5) -> Delivery:
    """POST every event not yet delivered to its webhook (those that failed before
    included); each delivery's outcome is kept."""
    import httpx

    pending = alerts(st, undelivered=True)
    sent, failed = 0, []
    if not pending:
        return Delivery(0, [])
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        for alert in pending:
            error = _post(client, alert, retries, backoff)
            mark_delivery(st, alert.id, None if error else utc_iso(), error)
            if error:
                failed.append(f"alert for {alert.ref} ({alert.verdict}) to {alert.target}: {error}; kept for the next round")
            else:
                sent += 1
    return Delivery(sent, failed)


def _post(client: object, alert: Alert, retries: int, backoff: float) -> str | None:
    """None when delivered (a 2xx), else why not after every attempt."""
    import httpx

    assert isinstance(client, httpx.Client) and alert.target
    error = ""
    for attempt in range(retries + 1):
        try:
            r = client.post(alert.target, content=alert.event.encode("utf-8"),
                            headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            error = type(exc).__name__
        else:
            if 200 <= r.status_code < 300:
                return None
            error = f"HTTP {r.status_code}"
            if r.status_code < 500 and r.status_code != 429:
                return error  # refused: asking again gets the same answer
        if attempt < retries:
            time.sleep(backoff * 2 ** attempt)
    return error


def atom_feed(events: list[Alert], title: str = "versioner alerts") -> str:
    """An Atom 1.0 feed of alert events, newest first."""
    from xml.etree import ElementTree as ET

    from versioner.render.safe import visible

    ns = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", ns)
    feed = ET.Element(f"{{{ns}}}feed")
    ET.SubElement(feed, f"{{{ns}}}title").text = title
    ET.SubElement(feed, f"{{{ns}}}id").text = "urn:versioner:alerts"
    ET.SubElement(feed, f"{{{ns}}}updated").text = events[-1].created_at if events else utc_iso()
    author = ET.SubElement(feed, f"{{{ns}}}author")
    ET.SubElement(author, f"{{{ns}}}name").text = "versioner"
    seen: set[tuple[str, str]] = set()
    for alert in reversed(events):
        if (alert.article, alert.ref) in seen:
            continue  # one entry per revision, however many webhooks it went to
        seen.add((alert.article, alert.ref))
        data = json.loads(alert.event)
        entry = ET.SubElement(feed, f"{{{ns}}}entry")
        # reasons quote article text: controls and bidi overrides shown as escapes, so
        # the feed is valid XML and never carries a terminal escape to a reader
        ET.SubElement(entry, f"{{{ns}}}title").text = visible(f"{alert.ref}: {alert.verdict}")
        ET.SubElement(entry, f"{{{ns}}}id").text = f"urn:versioner:{data.get('sha256', alert.id)}:{alert.article}"
        ET.SubElement(entry, f"{{{ns}}}updated").text = alert.created_at
        if alert.url:
            ET.SubElement(entry, f"{{{ns}}}link", href=alert.url)
        reasons = "; ".join(str(r) for r in data.get("reasons", []))
        ET.SubElement(entry, f"{{{ns}}}summary").text = visible(f"{alert.verdict}: {reasons}" if reasons
                                                                else alert.verdict)
        ET.SubElement(entry, f"{{{ns}}}category", term=alert.verdict)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
