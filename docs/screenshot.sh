#!/usr/bin/env bash
# Take the README's and the guide's pictures: run a window on a virtual screen and save it as a PNG.
# Usage: docs/screenshot.sh OUT.png SECONDS COMMAND [ARG...]
#   e.g. docs/screenshot.sh /tmp/main.png 4 .venv/bin/lawgov-desktop --db /tmp/demo.sqlite3
# Needs Debian's xvfb, imagemagick and fonts-wqy-zenhei (and the Qt libraries .ci/run installs).
set -u
if [ $# -lt 3 ]; then echo "usage: $0 OUT.png SECONDS COMMAND [ARG...]" >&2; exit 2; fi
out=$1; seconds=$2; shift 2
for program in Xvfb import; do
  command -v "$program" >/dev/null || { echo "$program is missing: apt-get install xvfb imagemagick" >&2; exit 3; }
done
display=99
while [ -e /tmp/.X11-unix/X$display ] || [ -e /tmp/.X$display-lock ]; do display=$((display + 1)); done
Xvfb :$display -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
screen=$!
trap 'kill $screen 2>/dev/null' EXIT
sleep 1
log=$(mktemp)
DISPLAY=:$display QT_QPA_PLATFORM=xcb "$@" >"$log" 2>&1 &
window=$!
sleep "$seconds"
if ! kill -0 $window 2>/dev/null; then
  echo "the window closed before the picture was taken:" >&2
  tail -20 "$log" >&2
  exit 1
fi
DISPLAY=:$display import -window root "$out" && echo "saved $out"
kill $window 2>/dev/null
wait $window 2>/dev/null
exit 0
