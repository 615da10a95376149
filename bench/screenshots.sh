#!/bin/sh
# Regenerate docs/screenshots/: the terminal UI at 80x24 and 120x40 (as PNG, and
# as text from tmux when it is installed) and the HTML diff, side-by-side diff and
# audit pages at a desktop and a phone width, all from the demo store. Needs `make demo` (store/demo.db) and Chromium
# (apt-get install chromium); nothing is fetched from the network.
#
#   sh bench/screenshots.sh [OUT_DIR]
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots}
STORE=${DEMO_STORE:-store/demo.db}
BIN=${VENV:-.venv}/bin
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# shot PAGE PNG WIDTH,HEIGHT: a headless Chromium screenshot of a local file
shot() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$TMP/profile" \
        --screenshot="$2" --window-size="$3" "file://$(realpath "$1")" >/dev/null 2>&1
}

# ui NAME COLS ROWS KEY KEYS...: the UI opened at article KEY after KEYS, as SVG then PNG
ui() {
    name=$1 cols=$2 rows=$3 key=$4
    shift 4
    "$BIN/python" docs/screenshot.py --store "$STORE" --size "${cols}x$rows" --key "$key" --out "$TMP/$name.svg" "$@" >/dev/null
    width=$(sed -n 's/.*viewBox="0 0 \([0-9.]*\) \([0-9.]*\)".*/\1/p' "$TMP/$name.svg" | head -1 | cut -d. -f1)
    height=$(sed -n 's/.*viewBox="0 0 \([0-9.]*\) \([0-9.]*\)".*/\2/p' "$TMP/$name.svg" | head -1 | cut -d. -f1)
    # no wider than 1000 px (the SVG scales to the window), to keep each PNG small
    if [ "$width" -gt 1000 ]; then height=$((height * 1000 / width)) width=1000; fi
    shot "$TMP/$name.svg" "$OUT/$name.png" "$width,$((height + 1))"
}

ui ui-80x24 80 24 vessa-landslide enter
ui ui-80x24-side-by-side 80 24 altair-flight-diversion enter s n
ui ui-120x40 120 40 altair-flight-diversion enter n

# tty NAME COLS ROWS KEY: the UI in a real terminal (tmux), as text, after it settles
tty() {
    session="versioner-shot-$$"
    tmux new-session -d -s "$session" -x "$2" -y "$3" "$BIN/versioner --store $STORE ui $4"
    sleep 4
    tmux capture-pane -p -t "$session" >"$OUT/$1.txt"
    tmux send-keys -t "$session" q
    sleep 1
    tmux kill-session -t "$session" 2>/dev/null || true
}

if command -v tmux >/dev/null; then
    tty ui-80x24 80 24 vessa-landslide
    tty ui-120x40 120 40 altair-flight-diversion
fi

"$BIN/versioner" --store "$STORE" diff altair-flight-diversion -f html >"$TMP/diff.html" || test $? -eq 1
"$BIN/versioner" --store "$STORE" diff altair-flight-diversion --side-by-side -f html >"$TMP/side.html" || test $? -eq 1
"$BIN/versioner" --store "$STORE" audit -f html >"$TMP/audit.html"
for page in diff side audit; do
    shot "$TMP/$page.html" "$OUT/$page-desktop.png" 1200,900
    shot "$TMP/$page.html" "$OUT/$page-phone.png" 390,844
done
ls -l "$OUT"
