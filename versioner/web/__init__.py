"""Pages and feeds from the web: fetching (httpx), extraction (trafilatura plus a
pass of our own for notices), canonical URLs, the watch schedule, WARC files and
alerts. Needs the ``web`` extra; every third-party import is inside a function."""
