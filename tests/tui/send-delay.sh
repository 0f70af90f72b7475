#!/bin/sh
# tests/tui/send-delay.sh -- a few seconds to take a reply back: a
# confirmed reply waits send_delay in the outbox, counted down in the
# status bar and the thread; u takes it back into the composer whole (and
# the conversation back into the inbox); after it has left, u says so and
# the thread says people may have seen it. Against the fake Graph API: a
# heed killed with kill -9 during the countdown leaves the reply in the
# cache, still waiting out its delay, and heed sync sends it once after;
# heed started again counts it down, and u takes it back from the cache.

. tests/tui/lib.sh
. tests/tui/lib-graph.sh

S=delay
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"
printf 'send_delay = 30s\n' >"$CONF"

tui_start $S
if ! tui_ready $S; then
	tui_fail "delay: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_has_counts $S
inbox0=$C_INBOX
tui_keys $S Enter
tui_wait $S "POST by"
tui_keys $S r
tui_answer_again $S
tui_type $S "Thank you, we will look into it today"
tui_keys $S Enter
tui_wait $S "Check before sending"
tui_keys $S y
if tui_until tui_shows_re $S '^ Reply to .* leaves in [0-9]+s: u takes it back \|' &&
    tui_shows_re $S '^ *Your reply leaves in [0-9]+s \(u takes it back\): Thank you, we will look into it today'; then
	tui_ok "delay: the status bar and the thread count down to the reply leaving"
else
	tui_fail "delay: the status bar and the thread count down to the reply leaving"
fi
tui_keys $S u
if tui_wait $S "Taken back: the reply to" &&
    tui_wait $S "-- your reply --" &&
    tui_shows $S "Thank you, we will look into it today"; then
	tui_ok "delay: u takes the reply back into the composer, whole"
else
	tui_fail "delay: u takes the reply back into the composer, whole"
fi
tui_keys $S Escape
tui_keys $S q
if TUI_WAIT=10 tui_until tui_has_counts $S "$inbox0" && tui_hides $S "leaves in"; then
	tui_ok "delay: taken back, the conversation is in the inbox again and nothing counts down"
else
	tui_fail "delay: taken back, the conversation is in the inbox again and nothing counts down" \
	    "inbox $C_INBOX, was $inbox0"
fi
t kill-session -t $S 2>/dev/null

# A short delay: once it has left, u says so, and the thread says that
# people may have seen it and that D deletes it.
printf 'send_delay = 2s\n' >"$CONF"
tui_start $S
tui_ready $S
tui_keys $S Enter
tui_wait $S "POST by"
tui_keys $S r
tui_answer_again $S
tui_type $S "Sorry for the wait"
tui_keys $S Enter
tui_wait $S "Check before sending"
tui_keys $S y
if TUI_WAIT=30 tui_wait $S "Sent lately: people may already have seen it. D deletes it."; then
	tui_ok "delay: a reply that left lately says people may have seen it, and D deletes it"
else
	tui_fail "delay: a reply that left lately says people may have seen it, and D deletes it"
fi
tui_keys $S u
if tui_wait $S "Too late to take it back"; then
	tui_ok "delay: u after the reply left says it is too late, plainly"
else
	tui_fail "delay: u after the reply left says it is too late, plainly"
fi
t kill-session -t $S 2>/dev/null

# kill -9 during the countdown, against the fake Graph API.
fake_start delay fb || exit 0
seed 1 0 0 || exit 0
ctl '{"op":"add","platform":"facebook","author":"Ana Pop","text":"Is the teapot back in stock? '$MARK'"}' >/dev/null
run_sync
sed 's/^send_delay = 0$/send_delay = 20s/' "$S/on.conf" >"$S/delay.conf"
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$S/delay.conf' --cache '$DB'"
tui_wait ui "synced"
tui_keys ui /
tui_type ui "$MARK"
tui_keys ui Enter
tui_until search_shown "$MARK"
tui_keys ui r
tui_answer_again ui
tui_type ui "Yes, since this morning"
tui_keys ui Enter
tui_wait ui "Check before sending"
tui_keys ui y
tui_wait ui "leaves in"
kill -9 "$(t display -p -t ui '#{pane_pid}')"
t kill-session -t ui 2>/dev/null
queued=$(ob q 'sum(1 for e in ob if e["state"] == 0 and e["body"] == "Yes, since this morning" and e["next_attempt"] > now)')
OUT=$(hrun --config "$S/delay.conf" sync 2>&1)
sent_early=$(ob q 'sum(1 for e in ob if e["state"] == 2)')
if [ "$queued" = 1 ] && [ "$sent_early" = 0 ]; then
	tui_ok "delay: killed during the countdown, the reply is in the cache and heed sync still waits out its delay"
else
	tui_fail "delay: killed during the countdown, the reply is in the cache and heed sync still waits out its delay" \
	    "queued with its delay: $queued, sent before it: $sent_early; sync: $OUT"
fi
ready() {
	[ "$(ob q 'sum(1 for e in ob if e["next_attempt"] <= now)')" = 1 ]
}
TUI_WAIT=30 tui_until ready
OUT=$(hrun --config "$S/delay.conf" sync 2>&1)
if [ "$(ob q 'sum(1 for e in ob if e["state"] == 2)')" = 1 ] &&
    [ "$(ob q 'len(ob)')" = 1 ]; then
	tui_ok "delay: once the delay has passed, heed sync sends it, once"
else
	tui_fail "delay: once the delay has passed, heed sync sends it, once" \
	    "sync: $OUT; $(outbox_diag)"
fi

# Killed during the countdown and started again: the status bar counts
# down the reply the cache still holds, and u takes it back from there.
ctl '{"op":"add","platform":"facebook","author":"Bo Berg","text":"Do you gift wrap? '$MARK'b"}' >/dev/null
run_sync
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$S/delay.conf' --cache '$DB'"
tui_wait ui "synced"
tui_keys ui /
tui_type ui "${MARK}b"
tui_keys ui Enter
tui_until search_shown "${MARK}b"
tui_keys ui r
tui_answer_again ui
tui_type ui "Gladly, in brown paper"
tui_keys ui Enter
tui_wait ui "Check before sending"
tui_keys ui y
tui_wait ui "leaves in"
kill -9 "$(t display -p -t ui '#{pane_pid}')"
t kill-session -t ui 2>/dev/null
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$S/delay.conf' --cache '$DB'"
tui_wait ui "leaves in"
tui_keys ui u
# (What u says may give way at once to what the sync that starts says.)
if tui_wait ui "-- your reply --" &&
    tui_shows ui "Gladly, in brown paper" &&
    [ "$(ob q 'sum(1 for e in ob if e["body"] == "Gladly, in brown paper")')" = 0 ]; then
	tui_ok "delay: started again after a kill -9, u takes the waiting reply back from the cache"
else
	tui_fail "delay: started again after a kill -9, u takes the waiting reply back from the cache" \
	    "$(outbox_diag)"
fi
t kill-session -t ui 2>/dev/null
exit 0
