#!/bin/sh
# tests/tui/clock.sh -- the response clock where the owner reads it: each
# row waiting for an answer says when it is due ("due in 1h") or how far past
# the target it is ("2d over"); the thread says how long the customer has
# waited, how much of it in opening hours, and when the answer is due.
. tests/tui/lib.sh

S=clock
mkdir -p "$TUI_DIR/config/heed"
CONF=$TUI_DIR/config/heed/config

tui_start $S
if ! tui_ready $S; then
	tui_fail "clock: heed --demo starts and syncs both demo accounts"
	exit 0
fi
# The oldest conversation is first: days old, so days past 4h.
if tui_until tui_shows_re $S '^ .. .{22} +[0-9]+d .{4} +[0-9]+d over '; then
	tui_ok "clock: the oldest row says how far past the target it is"
else
	tui_fail "clock: the oldest row says how far past the target it is"
fi
# The demo's newest questions are under 4h old: due in so long.
if tui_shows_re $S ' [0-9]+[hm] .{4} +due in [0-9]+[hm][0-9m]* '; then
	tui_ok "clock: a row under its target says when it is due"
else
	tui_fail "clock: a row under its target says when it is due"
fi
tui_keys $S Enter
if tui_until tui_shows_re $S '^  Waiting [0-9dhm]+: [0-9dhm]+ over the 4h target\.$'; then
	tui_ok "clock: the thread says how long the customer waited and how far past 4h"
else
	tui_fail "clock: the thread says how long the customer waited and how far past 4h"
fi
t kill-session -t $S 2>/dev/null

# Open a minute a week: nothing is past its target in opening hours, the
# thread says how little of the wait counts, and that the shop is closed
# (unless this runs in that very minute).
printf 'hours = mon 09:00-09:01\ntime_zone = UTC\n' >"$CONF"
tui_start $S
if ! tui_ready $S; then
	tui_fail "clock: heed --demo starts with opening hours set"
	exit 0
fi
if tui_until tui_shows_re $S '^ .. .{22} +[0-9]+d .{4} +due in [0-9]+[dh]' &&
    ! tui_shows_re $S ' [0-9]+[mhdw] over '; then
	tui_ok "clock: with a minute a week of opening hours, every row is still due"
else
	tui_fail "clock: with a minute a week of opening hours, every row is still due"
fi
tui_keys $S Enter
if tui_until tui_shows_re $S '^  Waiting [0-9dhm]+, (none|[0-9]m) of it in opening hours: due in [0-9dhm]+ \(target 4h\)(; closed now)?\.$'; then
	tui_ok "clock: the thread says how much of the wait was in opening hours"
else
	tui_fail "clock: the thread says how much of the wait was in opening hours"
fi
exit 0
