#!/bin/sh
# tests/tui/filter.sh -- the filter of the queue (\): the title bar counts
# what the filter lets through and names it, the bottom line says what a
# filter just did, \ then an empty line clears it, and a filter that
# cannot be read is said and changes nothing.
. tests/tui/lib.sh

S=filter
tui_start $S
if ! tui_ready $S; then
	tui_fail "filter: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_counts
inbox=$C_INBOX
tui_heed --demo list --json >"$TUI_DIR/items.json"
tui_heed --demo list --conversations --json >"$TUI_DIR/conv.json"
nl=$(grep -c '"lang":"nl"' "$TUI_DIR/items.json")
# The rows are conversations: those with a Dutch message.
nlconv=$(PYTHONUTF8=1 python3 -c '
import json, sys
nl = {json.loads(l)["id"] for l in open(sys.argv[1])
      if json.loads(l).get("lang") == "nl"}
print(sum(1 for l in open(sys.argv[2]) if nl & set(json.loads(l)["ids"])))
' "$TUI_DIR/items.json" "$TUI_DIR/conv.json")

tui_keys $S '\'
tui_wait $S "Filter:"
tui_type $S "lang:nl"
tui_keys $S Enter
if tui_wait $S "Filter lang:nl: $nl of $inbox in Inbox. \\ then an empty line clears it."; then
	tui_ok "filter: the bottom line says what the filter let through, and how to clear it"
else
	tui_fail "filter: the bottom line says what the filter let through, and how to clear it" \
	    "$(tui_line 39)"
fi
if tui_line 0 | grep -q "Inbox $nl of $inbox .* filter: lang:nl"; then
	tui_ok "filter: the title bar counts the filtered view and names the filter"
else
	tui_fail "filter: the title bar counts the filtered view and names the filter" \
	    "$(tui_line 0)"
fi
rows=$(printf '%s\n' "$SCREEN" | sed -n '2,37p' | grep -c '^ [fb][bs] ')
if [ "$rows" = "$nlconv" ] && [ "$nlconv" -lt "$nl" ]; then
	tui_ok "filter: the rows are the filter's ($nl messages in $nlconv conversations)"
else
	tui_fail "filter: the rows are the filter's ($nl messages in $nlconv conversations)" \
	    "$rows rows"
fi

# A filter that cannot be read keeps the one in force.
tui_keys $S '\'
tui_wait $S "Filter: lang:nl"
tui_keys $S C-u
tui_type $S "bogus:x"
tui_keys $S Enter
sleep 0.3
tui_capture $S
if tui_line 0 | grep -q "Inbox $nl of $inbox .* filter: lang:nl" &&
    tui_line 39 | grep -q "unknown filter term bogus:"; then
	tui_ok "filter: a filter that cannot be read is said, and leaves the one in force"
else
	tui_fail "filter: a filter that cannot be read is said, and leaves the one in force" \
	    "$(tui_line 0) / $(tui_line 39)"
fi

# \ then an empty line clears it, and says so.
tui_keys $S '\'
tui_wait $S "Filter: lang:nl"
tui_keys $S C-u Enter
if tui_wait $S "Filter lang:nl cleared: Inbox shows all $inbox."; then
	tui_ok "filter: \\ then an empty line clears the filter and says so"
else
	tui_fail "filter: \\ then an empty line clears the filter and says so" \
	    "$(tui_line 39)"
fi
if tui_line 0 | grep -q "Inbox $inbox " && ! tui_line 0 | grep -q "filter:"; then
	tui_ok "filter: the title bar counts the whole view again"
else
	tui_fail "filter: the title bar counts the whole view again" \
	    "$(tui_line 0)"
fi
