#!/bin/sh
# The browser tests need Debian's Chromium. Install it when we can (root),
# otherwise stop with a clear message: a browser test is never skipped.
set -e
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: installing Debian's chromium for the browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$CHROMIUM" ] && exit 0
fi
echo "ensure_chromium: $CHROMIUM not found. Install it (Debian: sudo apt-get install chromium)" >&2
echo "or set CHROMIUM=/path/to/chromium. The browser tests cannot run without it." >&2
exit 1
