"""One writer process of the concurrency test: N adds through the library,
each on a freshly opened store, as N separate `versioner add` runs would do
(without paying N interpreter start-ups).

usage: bulk_writer.py STORE WRITER ADDS
Prints one ``KEY@N`` a line; exits 2 with the error's one line on stderr.
"""

from __future__ import annotations

import sys

from versioner.errors import VersionerError
from versioner.store import NewRevision, Store


def article_for(writer: int, add: int) -> str:
    """Half the adds go to one article every writer shares, the rest to an
    article a pair of writers share: both kinds of contention at once."""
    return "shared" if add % 2 == 0 else f"pair-{writer // 2}"


def main(path: str, writer: int, adds: int) -> int:
    for add in range(adds):
        text = f"Writer {writer} add {add}\n\nA distinct body from writer {writer}, add number {add}.\n"
        try:
            with Store.open(path, create=True) as store:
                res = store.add(NewRevision(text, article=article_for(writer, add), source=f"w{writer}"))
        except VersionerError as exc:
            sys.stderr.write(f"versioner: {exc}\n")
            return 2
        sys.stdout.write(res.revision.ref + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
