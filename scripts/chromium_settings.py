"""Where Chromium is and how every browser run here starts it (tests, search_quality, bench).

Debian's chromium, never a browser Playwright downloads; headless, no sandbox (containers), and
none of the background requests a first run makes, so that a page load is the only traffic.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
