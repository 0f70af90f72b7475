# tests/tui/stats-screen.sh -- the statistics screen (S): its summary has
# the figures heed stats prints for the same span, at 120x40 and at
# 80x24; the histogram counts the unanswered ones; :stats opens it too;
# bars are Unicode blocks in a UTF-8 locale, and plain ASCII under
# NO_COLOR and in the C locale.

. tests/tui/lib.sh

# The figures of the "all" row (begun answered unanswered median p90
# share) of the text $1.
all_row() {
	printf '%s\n' "$1" | sed -n 's/^ *all  *\([0-9][0-9]*\)  *\([0-9][0-9]*\)  *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\) *$/\1 \2 \3 \4 \5 \6/p' | head -1
}

# A target no demo wait equals to the second: the screen reads the share
# a little later than heed stats does, and a wait of exactly the target
# would pass it in between.
mkdir -p "$TUI_DIR/config/heed"
printf 'response_target = 317m\n' >"$TUI_DIR/config/heed/config"

tui_start wide
if ! tui_ready wide; then
	tui_fail "stats screen: heed --demo starts and syncs"
	exit 0
fi
tui_keys wide S
if tui_wait wide "Statistics by week"; then
	tui_ok "stats screen: S opens it, by week"
else
	tui_fail "stats screen: S opens it, by week"
fi
# The screen counts 12 weeks back: heed stats --since 84d is the same span.
tui_run --demo stats --since 84d
want=$(all_row "$OUT")
tui_capture wide
got=$(all_row "$SCREEN")
if [ -n "$want" ] && [ "$got" = "$want" ]; then
	tui_ok "stats screen: at 120x40 the summary has heed stats's figures ($got)"
else
	tui_fail "stats screen: at 120x40 the summary has heed stats's figures" \
	    "screen: $got; heed stats: $want"
fi
for s in "First response by week: median and 90th percentile" \
    "Answered within the target by week" "How long the first response took"; do
	if tui_wait wide "$s"; then
		tui_ok "stats screen: at 120x40 it shows \"$s\""
	else
		tui_fail "stats screen: at 120x40 it shows \"$s\""
	fi
done
if printf '%s\n' "$SCREEN" | grep -q "█"; then
	tui_ok "stats screen: in a UTF-8 locale the bars are Unicode blocks"
else
	tui_fail "stats screen: in a UTF-8 locale the bars are Unicode blocks"
fi

# 80x24: the same figures, and the histogram at the bottom when scrolled.
t resize-window -t wide -x 80 -y 24
shows_all() {
	tui_capture wide
	[ "$(all_row "$SCREEN")" = "$want" ]
}
if tui_until shows_all; then
	tui_ok "stats screen: at 80x24 the summary has the same figures"
else
	tui_fail "stats screen: at 80x24 the summary has the same figures" \
	    "screen: $(all_row "$SCREEN"); heed stats: $want"
fi
tui_keys wide G
unanswered=$(echo "$want" | cut -d' ' -f3)
if tui_until tui_shows_re wide "^ unanswered +$unanswered +[0-9]+% "; then
	tui_ok "stats screen: scrolled down at 80x24, the histogram counts $unanswered unanswered"
else
	tui_fail "stats screen: scrolled down at 80x24, the histogram counts $unanswered unanswered"
fi
tui_keys wide p
if tui_wait wide "Statistics by month"; then
	tui_ok "stats screen: p counts by month"
else
	tui_fail "stats screen: p counts by month"
fi
tui_keys wide q
tui_wait_gone wide "Statistics by"
tui_keys wide :
tui_type wide "stats"
tui_keys wide Enter
if tui_wait wide "Statistics by week"; then
	tui_ok "stats screen: :stats opens it"
else
	tui_fail "stats screen: :stats opens it"
fi

# ASCII: under NO_COLOR, and in the C locale.
tui_start nocolor NO_COLOR=1
tui_start clocale "LANG=C LC_ALL=C"
for s in nocolor clocale; do
	if ! tui_ready $s; then
		tui_fail "stats screen: heed --demo starts in session $s"
		continue
	fi
	tui_keys $s S
	if tui_wait $s "# median  = to p90" && tui_wait $s "# within  - late" &&
	    ! printf '%s\n' "$SCREEN" | grep -q "█" &&
	    printf '%s\n' "$SCREEN" | grep -E -q "^ 20[0-9][0-9]-W[0-9]+ .*  #+=*"; then
		tui_ok "stats screen: in session $s the bars are ASCII (# and =), no blocks"
	else
		tui_fail "stats screen: in session $s the bars are ASCII (# and =), no blocks"
	fi
done
exit 0
