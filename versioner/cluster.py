"""Audits on a Dask cluster (``audit --workers N`` or ``--scheduler tcp://...``).

Work is partitioned by article (a chain stays together: ``late`` and ``revert``
look along it). Each task opens the store, audits its articles with the pair
cache as the store has it, and hands back its verdicts and the comparisons it
computed; this process yields the articles in the single-process audit's order
and writes those comparisons and the verdicts back, in batches, as the one
writer. A task only reads, so a worker that dies costs its partitions, which the
scheduler runs again elsewhere.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from versioner.errors import BadInput, StoreError
from versioner.pipeline import PairCache

if TYPE_CHECKING:
    from versioner.audit import ArticleAudit
    from versioner.store import NoticeRow, Store, VerdictRow

# articles per task: small enough to spread, large enough that a task's cost
# (opening the store, shipping results) is noise
_PER_TASK = 200
_TASKS_PER_WORKER = 4  # at least this many tasks a worker, for balance
PairRow = tuple[str, int, int, str, str, str, str, str]
_DASK_PORT = 8786  # a scheduler's port when its address gives none, as Dask reads it


class Results:
    """What one task hands back: its audits, and what the one writer stores."""

    def __init__(self) -> None:
        self.audits: list[ArticleAudit] = []
        self.pairs: list[PairRow] = []
        self.verdicts: list[VerdictRow] = []
        self.notices: list[NoticeRow] = []


def audit_partition(target: str, keys: list[str], cutoff: datetime | None) -> Results:
    """A task: audit ``keys`` in the store at ``target``."""
    from versioner.audit import audit_chains
    from versioner.store import Store

    with Store.open(target, readonly=True) as store:
        pairs = _Collected(store)
        pairs.results.audits = list(audit_chains(pairs, (store.revisions(k) for k in keys), cutoff))
    return pairs.results


class _Collected(PairCache):
    """A task's pair cache: what it computes is kept for the one writer, not written."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.results = Results()

    def save(self) -> int:
        kept = self.results
        kept.pairs += self._new
        kept.verdicts += self._verdicts
        kept.notices += self._notices
        self._new, self._verdicts, self._notices = [], [], []
        return 0


def partitions(keys: list[str], workers: int) -> list[list[str]]:
    """Keys in order, cut into runs of whole articles."""
    size = max(1, min(_PER_TASK, -(-len(keys) // (workers * _TASKS_PER_WORKER))))
    return [keys[i:i + size] for i in range(0, len(keys), size)]


def iter_audit_cluster(store: Store, target: str, key: str | None, since: str | None,
                       workers: int | None, scheduler: str | None) -> Generator[ArticleAudit, None, None]:
    """``audit.iter_audit`` on a Dask cluster: the same articles, in the same order."""
    from versioner.audit import since_cutoff

    cutoff = since_cutoff(since)
    if key is not None:
        store.revisions(key)  # an unknown key is an error before any output
        keys = [key]
    else:
        keys = sorted(a.key for a in store.articles())
    return _run(store, target, keys, cutoff, workers, scheduler)


def _run(store: Store, target: str, keys: list[str], cutoff: datetime | None,
         workers: int | None, scheduler: str | None) -> Generator[ArticleAudit, None, None]:
    client, cluster = _client(workers, scheduler)
    try:
        n = workers or max(1, len(client.scheduler_info().get("workers", {})))
        futures = [client.submit(audit_partition, target, part, cutoff, pure=False)
                   for part in partitions(keys, n)]
        writer = _Writer(store)
        for future in futures:  # in order: the output is the single-process audit's
            results = future.result()
            future.release()
            writer.add(results)
            yield from results.audits
        writer.save()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Writer(PairCache):
    """The one writer: the tasks' pairs and verdicts written back in batches."""

    def __init__(self, store: Store) -> None:
        from versioner.audit import verdict_rules

        super().__init__(store)
        self._rules = verdict_rules()  # verdicts of other rules are dropped by the first save

    def add(self, results: Results) -> None:
        self._new += results.pairs
        self._verdicts += results.verdicts
        self._notices += results.notices
        if len(self._new) >= 2000 or len(self._verdicts) >= 2000:
            self.save()


def _client(workers: int | None, scheduler: str | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BadInput("audit --workers/--scheduler needs Dask: pip install 'versioner[dask]'") from None
    if scheduler:
        _probe(scheduler)
        try:
            return Client(scheduler, timeout=30), None
        except OSError as exc:
            raise StoreError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    assert workers is not None
    if workers < 1:
        raise BadInput("--workers must be 1 or more")
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           scheduler_port=0, dashboard_address=None, silence_logs=50)
    return Client(cluster), cluster


def _probe(scheduler: str) -> None:
    """Refuse a TCP scheduler address nothing listens at, at once: Dask's client
    retries a refused connection until its timeout (30 s) before it says so."""
    import socket
    from urllib.parse import urlsplit

    if "://" in scheduler and not scheduler.startswith("tcp://"):
        return  # tls://, ucx://, inproc://: Dask's own connect says what is wrong
    try:
        parts = urlsplit(scheduler if "://" in scheduler else f"tcp://{scheduler}")
        host, port = parts.hostname, parts.port or _DASK_PORT
    except ValueError as exc:
        raise BadInput(f"--scheduler {scheduler}: {exc}") from None
    if not host:
        raise BadInput(f"--scheduler {scheduler}: give a host, e.g. tcp://127.0.0.1:8786")
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as exc:
        why = "connection refused" if isinstance(exc, ConnectionRefusedError) else (exc.strerror or str(exc))
        raise StoreError(f"cannot reach the Dask scheduler at {scheduler}: {why}") from None
