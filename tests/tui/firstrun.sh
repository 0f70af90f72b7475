#!/bin/sh
# tests/tui/firstrun.sh -- heed on a new install: no config, no accounts,
# an empty cache. The first screen says what to do, whole, at any width.
. tests/tui/lib.sh

S=first
SENTENCE="No accounts yet: add an [account NAME] section to the config (see heed.conf(5)), or try heed --demo."

# Start heed (not the demo) in a window $2 columns wide.
first_start() {
	tui_start_cmd "$1" "exec env -u NO_COLOR -u ESCDELAY $(tui_env) '$HEED'"
	t resize-window -t "$1" -x "$2" -y 24
}

# The words of the screen's rows, joined as one line.
rows_text() {
	printf '%s\n' "$SCREEN" | sed -n '2,20p' | sed 's/^ *//; s/ *$//' |
	    tr '\n' ' ' | sed 's/  */ /g; s/ $//'
}
says_sentence() {
	tui_capture "$1"
	case $(rows_text) in
	*"$SENTENCE"*) return 0 ;;
	esac
	return 1
}

for cols in 100 60 40; do
	first_start $S$cols $cols
	name="first run: with no accounts, a $cols-column window shows the whole sentence, wrapped: \"... or try heed --demo.\""
	if tui_until says_sentence $S$cols &&
	    widest=$(printf '%s\n' "$SCREEN" | tui_py width | sort -n | tail -n 1) &&
	    [ "$widest" -le "$cols" ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "rows: $(rows_text)"
	fi
done

# $ with no account says there is nothing to sync, and how to add one.
tui_keys ${S}100 '$'
if tui_wait ${S}100 "There is no account to sync: add an [account NAME] section to the config (see heed.conf(5))."; then
	tui_ok "first run: \$ with no account says there is none to sync and how to add one"
else
	tui_fail "first run: \$ with no account says there is none to sync and how to add one"
fi

# A window resized while heed starts is followed all the same: held
# after ncurses has read the terminal's size and before heed listens for
# SIGWINCH (tests/tools/preload-slowstart.c holds it there, as a loaded
# machine may), heed still lays the screen out for the new width.
SLOW=$(pwd)/$BUILD/tools/preload-slowstart.so
[ -f "$SLOW" ] || SLOW=$(pwd)/build/tools/preload-slowstart.so
name="first run: a window resized to 50 columns while heed starts gets the sentence wrapped at 50"
if [ ! -f "$SLOW" ]; then
	tui_fail "$name" "$BUILD/tools/preload-slowstart.so is built (make test-bins)"
else
	FLAG=$TUI_DIR/slow-start
	rm -f "$FLAG"
	# The sanitizer's runtime is told that it may come after the library.
	tui_start_cmd ${S}slow "exec env -u NO_COLOR -u ESCDELAY \
ASAN_OPTIONS='${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0' \
LD_PRELOAD='$SLOW' HEED_SLOW_START_MS=800 HEED_SLOW_START_FLAG='$FLAG' \
$(tui_env) '$HEED'"
	if tui_until test -f "$FLAG"; then
		t resize-window -t ${S}slow -x 50 -y 24
		if tui_until says_sentence ${S}slow &&
		    widest=$(printf '%s\n' "$SCREEN" | tui_py width | sort -n | tail -n 1) &&
		    [ "$widest" -le 50 ]; then
			tui_ok "$name"
		else
			tui_fail "$name" "rows: $(rows_text)"
		fi
	else
		tui_fail "$name" "heed never reached its slow start"
	fi
fi
