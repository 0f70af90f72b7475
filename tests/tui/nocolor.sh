#!/bin/sh
# tests/tui/nocolor.sh -- NO_COLOR: no colour at all, yet the selected row
# still stands out (reverse video); an empty NO_COLOR changes nothing.
. tests/tui/lib.sh

# The colour SGR parameters on session $1's screen (none: empty).
colors_of() {
	tui_capture_e "$1"
	printf '%s\n' "$ESCREEN" | tui_py colors
}

# Control: without NO_COLOR the same screen has colours, so that the
# check below can fail.
tui_start color
tui_start nocolor NO_COLOR=1
tui_start empty NO_COLOR=
for s in color nocolor empty; do
	if ! tui_ready $s; then
		tui_fail "nocolor: heed --demo starts and syncs in session $s"
		exit 0
	fi
done
c=$(colors_of color)
if [ -n "$c" ]; then
	tui_ok "nocolor: without NO_COLOR the queue uses colours"
else
	tui_fail "nocolor: without NO_COLOR the queue uses colours"
fi

# 14. NO_COLOR=1: no colour code anywhere on the screen.
c=$(colors_of nocolor)
if [ -z "$c" ]; then
	tui_ok "nocolor: with NO_COLOR=1 the screen has no colour SGR (30-37, 40-47, 90-107, 38;5, 48;5)"
else
	tui_fail "nocolor: with NO_COLOR=1 the screen has no colour SGR (30-37, 40-47, 90-107, 38;5, 48;5)" \
	    "colours found: $(echo $c)"
fi

# The selected row is in reverse video, and only it among the rows.
# Reverse lines at column 5: the title bar (0), the row, the status bar.
reverse_is() {
	tui_capture_e nocolor
	[ "$(printf '%s\n' "$ESCREEN" | tui_py reverse-lines 5 | tr '\n' ' ')" = "$1" ]
}
if tui_until reverse_is "0 1 38 "; then
	tui_ok "nocolor: the selected first row is in reverse video, no other row is"
else
	tui_fail "nocolor: the selected first row is in reverse video, no other row is" \
	    "reverse lines: $(printf '%s\n' "$ESCREEN" | tui_py reverse-lines 5 | tr '\n' ' ')"
fi
tui_keys nocolor j
if tui_until reverse_is "0 2 38 "; then
	tui_ok "nocolor: after j the reverse video moves to the second row"
else
	tui_fail "nocolor: after j the reverse video moves to the second row" \
	    "reverse lines: $(printf '%s\n' "$ESCREEN" | tui_py reverse-lines 5 | tr '\n' ' ')"
fi

# A thread under NO_COLOR: still no colour, the item's header in reverse.
tui_keys nocolor Enter
tui_wait nocolor "POST by"
c=$(colors_of nocolor)
sel=$(tui_selected)
if [ -z "$c" ] && [ "$(printf '%s\n' "$sel" | grep -c .)" = 1 ]; then
	tui_ok "nocolor: a thread under NO_COLOR has no colour and one header in reverse video"
else
	tui_fail "nocolor: a thread under NO_COLOR has no colour and one header in reverse video" \
	    "colours: $(echo $c); reverse: $sel"
fi

# An empty NO_COLOR is no NO_COLOR (https://no-color.org).
c=$(colors_of empty)
if [ -n "$c" ]; then
	tui_ok "nocolor: an empty NO_COLOR keeps the colours"
else
	tui_fail "nocolor: an empty NO_COLOR keeps the colours"
fi
