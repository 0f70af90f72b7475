#!/bin/sh
# tests/tui/queue.sh -- the queue screen of heed --demo: title bar, order,
# languages, column alignment with wide characters, moving the selection.
. tests/tui/lib.sh

S=queue
JSON=$TUI_DIR/inbox.json

# The inbox as heed list prints it, oldest first, to compare rows with.
tui_heed --demo list --json > "$JSON" 2>"$TUI_DIR/list.err"
# The rows of the queue are its conversations.
CJSON=$TUI_DIR/conv.json
tui_heed --demo list --conversations --json > "$CJSON" 2>>"$TUI_DIR/list.err"
ALL=$(tui_heed --demo list --view all 2>&1)

tui_start $S
if ! tui_ready $S; then
	tui_fail "queue: heed --demo starts and syncs both demo accounts" \
	    "no \"page synced\" and \"social synced\" in the status bar"
	exit 0
fi

# Return 0 if line $1 of the screen, captured now, matches $2.
tui_line_has() {
	tui_capture $S
	tui_line "$1" | grep -q -- "$2"
}

# 1. The title bar names the demo shop and counts a non-empty inbox.
tui_counts
if [ "$(tui_line 0 | cut -c1-26)" = " heed Tulip & Tea (demo)  " ] &&
    [ "${C_INBOX:-0}" -gt 0 ]; then
	tui_ok "queue: title bar shows \"Tulip & Tea (demo)\" and Inbox > 0"
else
	tui_fail "queue: title bar shows \"Tulip & Tea (demo)\" and Inbox > 0"
fi

# The status bar counts the conversations waiting for an answer, as heed
# status does (on a demo of its own), on the last-but-one line.
st=$(eval "env -u NO_COLOR $(tui_env) '$HEED' --demo status --format %w" 2>&1)
if tui_until tui_line_has 38 " | $st waiting, [0-9]* over 4h | .*| online"; then
	tui_ok "queue: status bar on line 39 says \"N waiting\" with heed status's count ($st), and online"
else
	tui_fail "queue: status bar on line 39 says \"N waiting\" with heed status's count ($st), and online" \
	    "line 39: $(tui_line 38)"
fi

# The rows wait longest first: the first five in days, and down the whole
# page the waiting time never increases.
ages=$(printf '%s\n' "$SCREEN" | tui_py agecol | cut -f3)
secs=$(for a in $ages; do
	case $a in
	now) echo 0 ;;
	*m) echo $((${a%m} * 60)) ;;
	*h) echo $((${a%h} * 3600)) ;;
	*d) echo $((${a%d} * 86400)) ;;
	*w) echo $((${a%w} * 604800)) ;;
	*y) echo $((${a%y} * 31536000)) ;;
	esac
done)
sorted=$(printf '%s\n' "$secs" | sort -n -r)
days=$(printf '%s\n' "$ages" | sed -n '1,5p' | grep -c '^[0-9]*[dwy]$')
if [ "$(printf '%s\n' "$ages" | grep -c .)" = 37 ] && [ "$days" = 5 ] &&
    [ "$secs" = "$sorted" ]; then
	tui_ok "queue: rows wait longest first (first five in days, never increasing down the page)"
else
	tui_fail "queue: rows wait longest first (first five in days, never increasing down the page)" \
	    "waiting times down the page: $(echo $ages)"
fi

# Every row of the page ends its waiting time at the same display column,
# whatever the width of the author's name: CJK names take two columns a
# character, Arabic ones one. Rows with such names must be on the page.
cols=$(printf '%s\n' "$SCREEN" | tui_py agecol)
ncols=$(printf '%s\n' "$cols" | cut -f2 | sort -u | grep -c .)
cjk=$(printf '%s\n' "$cols" | cut -f5 | grep -c -x wide)
arabic=$(printf '%s\n' "$cols" | cut -f5 | grep -c -x arabic)
nrows=$(printf '%s\n' "$cols" | grep -c .)
if [ "$ncols" = 1 ] && [ "$cjk" -ge 1 ] && [ "$arabic" -ge 1 ] &&
    [ "$nrows" = 37 ]; then
	tui_ok "queue: rows by CJK and Arabic authors keep the waiting-time column aligned"
else
	tui_fail "queue: rows by CJK and Arabic authors keep the waiting-time column aligned" \
	    "$nrows rows, waiting times end at columns: $(printf '%s\n' "$cols" | cut -f2 | sort -u | tr '\n' ' ') ($cjk CJK rows, $arabic Arabic rows)"
fi

# heed list prints rows in Dutch, Arabic, Romanian and Chinese, intact.
nl=$(printf '%s\n' "$ALL" | grep -c -E ' (jullie|Hoeveel|Eindelijk|Herkenbaar) ')
ar=$(printf '%s\n' "$ALL" | grep -c 'السلام عليكم')
ro=$(printf '%s\n' "$ALL" | grep -c 'Mulțumesc frumos')
zh=$(printf '%s\n' "$ALL" | grep -c '请问')
if [ "$nl" -ge 1 ] && [ "$ar" -ge 1 ] && [ "$ro" -ge 1 ] && [ "$zh" -ge 1 ]; then
	tui_ok "list: heed --demo list --view all has Dutch, Arabic, Romanian and Chinese rows"
else
	SCREEN=$ALL tui_fail "list: heed --demo list --view all has Dutch, Arabic, Romanian and Chinese rows" \
	    "rows found: nl $nl, ar $ar, ro $ro, zh $zh"
fi
langs=$(PYTHONUTF8=1 python3 -c '
import json, sys
print(" ".join(sorted({json.loads(l).get("lang") or "" for l in open(sys.argv[1]) if l.strip()})))' "$JSON" 2>&1)
missing=
for l in ar nl ro zh; do
	case " $langs " in
	*" $l "*) ;;
	*) missing="$missing $l" ;;
	esac
done
if [ -z "$missing" ]; then
	tui_ok "list: heed --demo list --json gives inbox items in ar, nl, ro and zh at least"
else
	SCREEN= tui_fail "list: heed --demo list --json gives inbox items in ar, nl, ro and zh at least" \
	    "languages: $langs (missing:$missing); stderr: $(cat "$TUI_DIR/list.err")"
fi

# The queue shows what heed list shows, in the same order.
njson=$(grep -c . "$JSON")
if [ "$njson" = "$C_INBOX" ]; then
	tui_ok "list: heed --demo list prints as many inbox items as the title bar counts"
else
	tui_fail "list: heed --demo list prints as many inbox items as the title bar counts" \
	    "heed list printed $njson"
fi

# 2. Moving: the selection starts on the first row, the oldest item.
if tui_wait_selected_line $S 1 &&
    printf '%s\n' "$SELTEXT" | tui_py sameitem "$CJSON" 0; then
	tui_ok "queue: the first row, the oldest inbox item, starts selected"
else
	tui_fail "queue: the first row, the oldest inbox item, starts selected" \
	    "selected: $(tui_selected)"
fi

moved=1
for step in "j 2" "Down 3" "k 2" "Up 1" "k 1"; do
	set -- $step
	tui_keys $S "$1"
	if ! tui_wait_selected_line $S "$2"; then
		moved=0
		why="after $1 the selected line is not $2: $(tui_selected)"
		break
	fi
done
if [ $moved = 1 ]; then
	tui_ok "queue: j and Down select the next row, k and Up the previous, k stops at the top"
else
	tui_fail "queue: j and Down select the next row, k and Up the previous, k stops at the top" "$why"
fi

tui_keys $S G
if tui_wait_selected_line $S 37 &&
    printf '%s\n' "$SELTEXT" | tui_py sameitem "$CJSON" -1; then
	tui_ok "queue: G selects the last row, the youngest inbox item, on the last line"
else
	tui_fail "queue: G selects the last row, the youngest inbox item, on the last line" \
	    "selected: $(tui_selected)"
fi

tui_keys $S g
if tui_wait_selected_line $S 1 &&
    printf '%s\n' "$SELTEXT" | tui_py sameitem "$CJSON" 0; then
	tui_ok "queue: g selects the first row, the oldest inbox item, again"
else
	tui_fail "queue: g selects the first row, the oldest inbox item, again" \
	    "selected: $(tui_selected)"
fi

# PageDown: the next screenful starts with conversation 38 (37 rows a
# page).
first_before=$(tui_line 1)
tui_keys $S PageDown
row_is_38() {
	tui_capture $S
	tui_line 1 | tui_py sameitem "$CJSON" 37 2>/dev/null
}
if tui_until row_is_38 && [ "$(tui_line 1)" != "$first_before" ]; then
	tui_ok "queue: PageDown shows the next screenful, conversation 38 at the top"
else
	tui_fail "queue: PageDown shows the next screenful, conversation 38 at the top" \
	    "$(tui_line 1 | tui_py sameitem "$CJSON" 37 2>&1)"
fi

tui_keys $S PageUp
row_is_1() {
	tui_capture $S
	tui_line 1 | tui_py sameitem "$CJSON" 0 2>/dev/null
}
if tui_until row_is_1; then
	tui_ok "queue: PageUp goes back to the first screenful"
else
	tui_fail "queue: PageUp goes back to the first screenful"
fi

# j on the last line of the screen scrolls by one row.
tui_keys $S g
tui_wait_selected_line $S 1
i=1
while [ $i -lt 37 ]; do
	tui_keys $S j
	i=$((i + 1))
done
tui_wait_selected_line $S 37
tui_keys $S j
scrolled() {
	tui_selected_is $S 37 &&
	    printf '%s\n' "$SELTEXT" | tui_py sameitem "$CJSON" 37 2>/dev/null &&
	    tui_line 1 | tui_py sameitem "$CJSON" 1 2>/dev/null
}
if tui_until scrolled; then
	tui_ok "queue: j on the last line scrolls one row and selects conversation 38"
else
	tui_fail "queue: j on the last line scrolls one row and selects conversation 38" \
	    "selected: $(tui_selected)"
fi

# $ syncs now: "Syncing..." while it runs, then, once no account syncs
# any more, what came of it in its place.
tui_keys $S '$'
if tui_wait $S "Syncing..."; then
	tui_ok "sync: \$ says Syncing..."
else
	tui_fail "sync: \$ says Syncing..."
fi
ended() {
	tui_hides $S "Syncing..." && ! tui_line 38 | grep -q "syncing" &&
	    tui_line 39 | grep -q -E "^Synced fb page and bs social: (nothing new|[0-9]+ new items?)\.$"
}
if tui_until ended; then
	tui_ok "sync: when the sync has ended, \"Syncing...\" gives way to what came of it"
else
	tui_fail "sync: when the sync has ended, \"Syncing...\" gives way to what came of it"
fi
