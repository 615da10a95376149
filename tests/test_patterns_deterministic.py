"""Every module-level regex of the library is the same pattern in every process: one built
from a set (phrases from the vocab tables) once took the set's order, which follows the
string hash seed, so two runs could try equal-length phrases in different orders."""

from __future__ import annotations

import os
import subprocess
import sys

_PATTERNS = """
import importlib, json, pkgutil, re, versioner
out = {}
for mod in pkgutil.iter_modules(versioner.__path__):
    if mod.name == "__main__":
        continue
    m = importlib.import_module(f"versioner.{mod.name}")
    out.update({f"{mod.name}.{k}": v.pattern for k, v in vars(m).items() if isinstance(v, re.Pattern)})
print(json.dumps(out, sort_keys=True))
"""


def _patterns(seed: str) -> dict[str, str]:
    import json

    done = subprocess.run([sys.executable, "-c", _PATTERNS], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
    return dict(json.loads(done.stdout))


def test_module_patterns_do_not_follow_the_hash_seed() -> None:
    one, two = _patterns("1"), _patterns("2")
    assert len(one) > 100  # the readers' patterns were all found
    assert [k for k in one if one[k] != two.get(k)] == []
