"""Canonical URLs: one story fetched under several addresses is one article."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from versioner.errors import BadInput

# query parameters that say where a reader came from, never which page it is
_TRACKING = re.compile(
    r"^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl|"
    r"ocid|cmpid|icid|smid|ito|at_medium|at_campaign|ref|ref_src|src|share|s_cid|__twitter_impression)$",
    re.I,
)
_MOBILE_HOST = re.compile(r"^(www\.|m\.|mobile\.|amp\.)")
_AMP_PATH = re.compile(r"(/amp/?$|/amp(?=/)|\.amp(?=\.html?$|$))")
_AMP_QUERY = {"amp", "outputtype", "output"}


def check_url(url: str) -> str:
    """``url`` if it is an http(s) address with a host; else one-line BadInput."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadInput(f"{url}: not an http:// or https:// address")
    return url.strip()


def canonical(url: str) -> str:
    """``url`` normalised: https, lower-case host without ``www.``/``m.``/``amp.``,
    no default port, no fragment, no tracking parameters, no AMP variant, no
    trailing slash, the remaining parameters sorted."""
    parts = urlsplit(check_url(url))
    host = _MOBILE_HOST.sub("", (parts.hostname or "").lower().rstrip("."))
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _AMP_PATH.sub("", re.sub(r"/{2,}", "/", parts.path)) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k) and k.lower() not in _AMP_QUERY)
    return urlunsplit(("https", host, path, urlencode(query), ""))

