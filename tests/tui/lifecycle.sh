#!/bin/sh
# tests/tui/lifecycle.sh -- leaving heed: q and C-c exit with status 0,
# SIGTERM exits too, each time with the terminal given back; --demo keeps
# its cache in a temporary directory it removes, and touches nothing in
# HOME or the XDG directories.
. tests/tui/lib.sh

# The demo cache directories in our private TMPDIR.
demo_dirs() {
	find "$TUI_DIR/tmp" -mindepth 1 -maxdepth 1 -name 'heed-demo-*' 2>/dev/null
}
has_demo_cache() {
	d=$(demo_dirs)
	[ "$(printf '%s\n' "$d" | grep -c .)" = 1 ] && [ -f "$d/cache.db" ]
}

# The terminal is back to normal: main screen, cursor shown.
restored() {
	[ "$(t display -p -t "$1" '#{alternate_on},#{cursor_flag}')" = "0,1" ]
}

# heed runs under a shell that writes heed's pid to $1 and, when heed has
# ended, says how: its exit status, and whether the tty modes are the ones
# from before. (tmux 3.3's #{pane_dead_status} is not reliable: it does not
# always reap the pane's process.)
cat > "$TUI_DIR/wrap.sh" <<'EOF'
before=$(stty -g)
sh -c 'echo $$ > "$1"; exec "$2" --demo' sh "$1" "$2"
rc=$?
after=$(stty -g)
if [ "$before" = "$after" ]; then tty=same; else tty=changed; fi
echo "AFTER-HEED rc=$rc tty=$tty"
exec sleep 60
EOF
start_wrapped() {
	rm -f "$TUI_DIR/$1.pid"
	tui_start_cmd "$1" "exec env -u NO_COLOR -u ESCDELAY $(tui_env) sh \
'$TUI_DIR/wrap.sh' '$TUI_DIR/$1.pid' '$HEED'"
}
tui_no_demo_dirs() {
	[ -z "$(demo_dirs)" ]
}

# 13. q from the queue.
start_wrapped quit
tui_ready quit
if has_demo_cache; then
	tui_ok "demo: while heed --demo runs its cache is in one heed-demo-* directory under TMPDIR"
else
	tui_fail "demo: while heed --demo runs its cache is in one heed-demo-* directory under TMPDIR" \
	    "found: $(demo_dirs)"
fi
if [ "$(t display -p -t quit '#{alternate_on}')" = 1 ]; then
	tui_ok "quit: heed draws on the alternate screen"
else
	tui_fail "quit: heed draws on the alternate screen"
fi
tui_keys quit q
if tui_wait quit "AFTER-HEED" && tui_shows quit "AFTER-HEED rc=0 tty=same"; then
	tui_ok "quit: q in the queue ends heed with exit status 0 and the tty modes restored"
else
	tui_fail "quit: q in the queue ends heed with exit status 0 and the tty modes restored"
fi
if restored quit && tui_hides quit "waiting,"; then
	tui_ok "quit: after q the terminal is back on the main screen with the cursor shown"
else
	tui_fail "quit: after q the terminal is back on the main screen with the cursor shown" \
	    "alternate_on,cursor_flag: $(t display -p -t quit '#{alternate_on},#{cursor_flag}')"
fi
if tui_until tui_no_demo_dirs; then
	tui_ok "demo: heed --demo removes its temporary cache directory when it quits"
else
	tui_fail "demo: heed --demo removes its temporary cache directory when it quits" \
	    "left: $(demo_dirs)"
fi

# q in a thread only goes back; C-c in the queue quits with status 0.
start_wrapped ctrlc
tui_ready ctrlc
tui_keys ctrlc Enter
tui_wait ctrlc "POST by"
tui_keys ctrlc q
tui_wait_gone ctrlc "POST by"
tui_keys ctrlc C-c
if tui_wait ctrlc "AFTER-HEED" && tui_shows ctrlc "AFTER-HEED rc=0 tty=same" &&
    restored ctrlc; then
	tui_ok "quit: C-c in the queue ends heed with exit status 0 and the terminal restored"
else
	tui_fail "quit: C-c in the queue ends heed with exit status 0 and the terminal restored" \
	    "alternate_on,cursor_flag: $(t display -p -t ctrlc '#{alternate_on},#{cursor_flag}')"
fi

# SIGTERM to heed itself.
start_wrapped term
tui_ready term
pid=$(cat "$TUI_DIR/term.pid" 2>/dev/null)
if [ -n "$pid" ] && kill -TERM "$pid" && tui_wait term "AFTER-HEED"; then
	if tui_shows term "AFTER-HEED rc=143 tty=same" && restored term &&
	    tui_hides term "waiting,"; then
		tui_ok "signal: SIGTERM ends heed (status 143) with the main screen, cursor and tty modes restored"
	else
		tui_fail "signal: SIGTERM ends heed (status 143) with the main screen, cursor and tty modes restored" \
		    "alternate_on,cursor_flag: $(t display -p -t term '#{alternate_on},#{cursor_flag}')"
	fi
else
	tui_fail "signal: SIGTERM ends heed (status 143) with the main screen, cursor and tty modes restored" \
	    "heed (pid ${pid:-unknown}) did not end on SIGTERM"
fi
if tui_until tui_no_demo_dirs; then
	tui_ok "demo: heed --demo removes its temporary cache directory after SIGTERM too"
else
	tui_fail "demo: heed --demo removes its temporary cache directory after SIGTERM too" \
	    "left: $(demo_dirs)"
fi

# 15. After all this (and heed list), HOME and the XDG directories are
# still empty: no $XDG_DATA_HOME/heed, no log, no config written. Then,
# as a control, heed list without --demo does make $XDG_DATA_HOME/heed:
# the directories looked at are the ones heed uses.
tui_heed --demo list >/dev/null 2>&1
left=$(find "$TUI_DIR/home" "$TUI_DIR/config" "$TUI_DIR/data" \
    "$TUI_DIR/state" "$TUI_DIR/cache" "$TUI_DIR/tmp" -mindepth 1 2>/dev/null)
tui_heed list >/dev/null 2>&1
if [ -z "$left" ] && [ -d "$TUI_DIR/data/heed" ]; then
	tui_ok "demo: heed --demo leaves HOME, the XDG directories and TMPDIR untouched (no \$XDG_DATA_HOME/heed)"
else
	SCREEN= tui_fail "demo: heed --demo leaves HOME, the XDG directories and TMPDIR untouched (no \$XDG_DATA_HOME/heed)" \
	    "left behind: $left; heed list without --demo made $TUI_DIR/data/heed: $([ -d "$TUI_DIR/data/heed" ] && echo yes || echo no)"
fi
