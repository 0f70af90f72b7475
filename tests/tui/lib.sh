# tests/tui/lib.sh -- shared helpers of the TUI tests: a private tmux
# server, a fresh HOME, heed --demo in a pane, polling the captured screen,
# and "ok NAME" / "not ok NAME" lines for tests/run.
#
# Source it from a test script run from the top of the repository:
#	. tests/tui/lib.sh
# It honours HEED (the binary, default build/heed) and TUI_TIMEOUT (the
# seconds a wait may take, default 15; raise it on a slow machine).
#
# Nothing here sleeps a fixed time and then asserts: every wait polls the
# screen until what is expected shows up, and fails with the screen printed
# when it never does. Diagnostic lines start with "# ".

HEED=${HEED:-build/heed}
case $HEED in
/*) ;;
*) HEED=$(pwd)/$HEED ;;
esac
TUI_TIMEOUT=${TUI_TIMEOUT:-15}
TUI_SOCK=heed-test-$$
TUI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/heed-tui.XXXXXX") || exit 1
TUI_PY=$TUI_DIR/screen.py
SCREEN=
TUI_LOCALE=C.UTF-8
for l in $(locale -a 2>/dev/null); do
	case $l in
	C.utf8 | C.UTF-8) TUI_LOCALE=$l; break ;;
	esac
done
mkdir -p "$TUI_DIR/home" "$TUI_DIR/config" "$TUI_DIR/data" \
    "$TUI_DIR/state" "$TUI_DIR/cache" "$TUI_DIR/tmp"

# Run a tmux command on this script's own server (never anyone else's).
t() {
	tmux -L "$TUI_SOCK" -f /dev/null "$@"
}

# Kill our tmux server, remove its socket (tmux leaves it) and the
# temporary directory.
tui_cleanup() {
	t kill-server >/dev/null 2>&1
	_sock=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TUI_SOCK
	[ -S "$_sock" ] && rm -f "$_sock"
	rm -rf "$TUI_DIR"
}
trap tui_cleanup EXIT
trap 'tui_cleanup; exit 1' INT TERM HUP

# The environment heed runs in: a fresh HOME and XDG directories, a
# private TMPDIR (the demo makes its cache there), a UTF-8 locale.
tui_env() {
	printf "HOME='%s' XDG_CONFIG_HOME='%s' XDG_DATA_HOME='%s' " \
	    "$TUI_DIR/home" "$TUI_DIR/config" "$TUI_DIR/data"
	printf "XDG_STATE_HOME='%s' XDG_CACHE_HOME='%s' TMPDIR='%s' " \
	    "$TUI_DIR/state" "$TUI_DIR/cache" "$TUI_DIR/tmp"
	printf "TERM=xterm-256color LANG=%s LC_ALL=%s" "$TUI_LOCALE" \
	    "$TUI_LOCALE"
}

# Run heed headless (heed list ...) in the test environment.
tui_heed() {
	env -u NO_COLOR -u ESCDELAY HOME="$TUI_DIR/home" \
	    XDG_CONFIG_HOME="$TUI_DIR/config" XDG_DATA_HOME="$TUI_DIR/data" \
	    XDG_STATE_HOME="$TUI_DIR/state" XDG_CACHE_HOME="$TUI_DIR/cache" \
	    TMPDIR="$TUI_DIR/tmp" LANG="$TUI_LOCALE" LC_ALL="$TUI_LOCALE" \
	    "$HEED" "$@"
}

# Start a shell command in a new 120x40 session called $1. The pane stays
# after the command ends, so that what a crash printed can be seen.
tui_start_cmd() {
	if t has-session 2>/dev/null; then
		t new-session -d -s "$1" -x 120 -y 40 "$2"
	else
		t new-session -d -s "$1" -x 120 -y 40 "$2" \; \
		    set-option -g remain-on-exit on
	fi
}

# Start heed --demo in session $1 with extra VAR=value words in $2; heed is
# exec'd, so #{pane_pid} is heed itself.
tui_start() {
	tui_start_cmd "$1" "exec env -u NO_COLOR -u ESCDELAY $(tui_env) $2 \
'$HEED' --demo"
}

# Capture session $1's screen into SCREEN (plain text).
tui_capture() {
	SCREEN=$(t capture-pane -p -t "$1" 2>&1)
}

# Capture session $1's screen with attributes (SGR escapes) into ESCREEN.
tui_capture_e() {
	ESCREEN=$(t capture-pane -p -e -t "$1" 2>&1)
}

# Poll until "$@" (a command) succeeds, for up to $TUI_WAIT or TUI_TIMEOUT
# seconds; 0 if it did, 1 if it never did.
tui_until() {
	_end=$(($(date +%s) + ${TUI_WAIT:-$TUI_TIMEOUT}))
	while ! "$@"; do
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.1
	done
	return 0
}

# Return 0 if session $1's screen contains the text $2.
tui_shows() {
	tui_capture "$1"
	case $SCREEN in
	*"$2"*) return 0 ;;
	esac
	return 1
}

# Return 0 if session $1's screen has a line matching the ERE $2.
tui_shows_re() {
	tui_capture "$1"
	printf '%s\n' "$SCREEN" | grep -E -q -- "$2"
}

# Wait until session $1 shows the text $2.
tui_wait() {
	tui_until tui_shows "$1" "$2"
}

# Wait until session $1 no longer shows the text $2.
tui_wait_gone() {
	tui_until tui_hides "$1" "$2"
}
tui_hides() {
	! tui_shows "$1" "$2"
}

# Wait until heed in session $1 has synced both demo accounts.
tui_ready() {
	tui_until tui_is_ready "$1"
}
tui_is_ready() {
	tui_shows "$1" "page synced" &&
	    printf '%s\n' "$SCREEN" | grep -q "social synced" &&
	    printf '%s\n' "$SCREEN" | grep -E -q "Inbox [1-9][0-9]*"
}

# Send keys (tmux key names) to session $1.
tui_keys() {
	_s=$1
	shift
	t send-keys -t "$_s" "$@"
}

# Type literal text into session $1.
tui_type() {
	t send-keys -t "$1" -l -- "$2"
}

# Line $1 (0-based) of SCREEN.
tui_line() {
	printf '%s\n' "$SCREEN" | sed -n "$(($1 + 1))p"
}

# Read the counts of the title bar in SCREEN into C_INBOX, C_FLAGGED,
# C_SNOOZED, C_DONE and C_ALL; 1 if the title bar is not there.
tui_counts() {
	_c=$(printf '%s\n' "$SCREEN" | sed -n '1s/.*Inbox \([0-9]*\)  *Flagged \([0-9]*\)  *Snoozed \([0-9]*\)  *Done \([0-9]*\)  *All \([0-9]*\).*/\1 \2 \3 \4 \5/p')
	[ -n "$_c" ] || return 1
	set -- $_c
	C_INBOX=$1 C_FLAGGED=$2 C_SNOOZED=$3 C_DONE=$4 C_ALL=$5
	return 0
}

# Capture session $1 and return 0 if its title bar shows Inbox $2, Done $3
# and Snoozed $4 (each may be "" for any); C_* hold the counts.
tui_has_counts() {
	tui_capture "$1" && tui_counts || return 1
	[ -z "$2" ] || [ "$C_INBOX" = "$2" ] || return 1
	[ -z "$3" ] || [ "$C_DONE" = "$3" ] || return 1
	[ -z "$4" ] || [ "$C_SNOOZED" = "$4" ] || return 1
	return 0
}

# After r, t or P in session $1: when heed first asks whether to answer
# an item that was answered lately ("Answered already?"), answer y. 0 once
# the composer is up, 1 if it never is.
tui_answer_again() {
	tui_until tui_composer_or_asked "$1" || return 1
	if tui_shows "$1" "Answered already?"; then
		tui_keys "$1" y
		tui_wait "$1" "-- your " || return 1
	fi
	return 0
}
tui_composer_or_asked() {
	tui_shows "$1" "-- your " || tui_shows "$1" "Answered already?"
}

# Run heed with the arguments given, outside tmux; OUT, ERR and RC hold
# what it printed and its exit status.
tui_run() {
	OUT=$(tui_heed "$@" 2>"$TUI_DIR/run.err")
	RC=$?
	ERR=$(cat "$TUI_DIR/run.err")
}

# Check that RC, OUT and ERR (see tui_run) are what a case expects: $1 the
# name, $2 the exit status, $3 a shell pattern for OUT, $4 one for ERR.
tui_expect() {
	case $OUT in
	$3)
		case $ERR in
		$4)
			if [ "$RC" = "$2" ]; then
				tui_ok "$1"
				return
			fi ;;
		esac ;;
	esac
	tui_fail "$1" "exit $RC, out: $OUT, err: $ERR"
}

# Print "ok NAME".
tui_ok() {
	echo "ok $1"
}

# Print "not ok NAME", the reason and the last captured screen.
tui_fail() {
	echo "not ok $1"
	[ -n "$2" ] && printf '%s\n' "$2" | sed 's/^/# /'
	if [ -n "$SCREEN" ]; then
		echo "# screen:"
		printf '%s\n' "$SCREEN" | sed 's/^/# |/'
	fi
}

# Run the screen helper: python3 screen.py MODE ARGS... < capture.
tui_py() {
	PYTHONUTF8=1 PYTHONIOENCODING=utf-8:surrogateescape python3 "$TUI_PY" "$@"
}

# Field $3 (author, handle, text, lang...) of item $2 (0-based, negative
# from the end) of the heed list --json file $1; only the first line of a
# text.
tui_item() {
	PYTHONUTF8=1 python3 -c '
import json, sys
items = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
v = items[int(sys.argv[2])].get(sys.argv[3])
print("" if v is None else str(v).split("\n")[0])' "$@"
}

# The text of the highlighted (selected) lines of ESCREEN, as
# "LINE<TAB>TEXT"; the title bar and the last two lines are left out.
tui_selected() {
	printf '%s\n' "$ESCREEN" | tui_py selected
}

# Wait until exactly one line of session $1 is selected and it is line $2;
# SELTEXT holds the line.
tui_wait_selected_line() {
	tui_until tui_selected_is "$1" "$2"
}
tui_selected_is() {
	tui_capture_e "$1"
	tui_capture "$1"
	_sel=$(tui_selected)
	SELTEXT=$(printf '%s\n' "$_sel" | cut -f2-)
	[ "$(printf '%s\n' "$_sel" | grep -c .)" = 1 ] &&
	    [ "$(printf '%s\n' "$_sel" | cut -f1)" = "$2" ]
}

if ! command -v python3 >/dev/null 2>&1; then
	echo "not ok tui: python3 is installed (the screen helper needs it)"
fi

cat > "$TUI_PY" <<'EOF'
# screen.py -- read a tmux capture on stdin and answer about its cells.
import re, signal, sys, unicodedata
signal.signal(signal.SIGPIPE, signal.SIG_DFL)	# grep -q may stop reading

def width(ch):
    """Columns of one code point, as a terminal lays it out (tmux and
    wcwidth give a skin-tone modifier two columns of its own)."""
    o = ord(ch)
    if o == 0x200d or 0xfe00 <= o <= 0xfe0f:
        return 0
    cat = unicodedata.category(ch)
    if cat in ('Mn', 'Me', 'Cf') or (o < 0x20) or (0x7f <= o < 0xa0):
        return 0
    if unicodedata.east_asian_width(ch) in ('W', 'F'):
        return 2
    return 1

def text_width(s):
    return sum(width(c) for c in s)

SGR = re.compile(r'\x1b\[([0-9;:]*)m')
# A queue row: platform, author, waiting time, the four marks, when it
# is due (blank for what waits for no answer), then its text.
ROW = re.compile(r'^ \S\S (.*?) +(now|\d+[mhdwy]) [ C?+S][ *>][ !r][ dnhx] '
                 r'(?:(?:due )?in \d+[mhdw](?:\d+m)?|\d+[mhdwy] over|due now)? *(.*)$')

def parse(lines):
    """Turn -e capture lines into lists of (char, attrs) and plain text."""
    st = {}
    out = []
    for line in lines:
        cells = []
        i = 0
        while i < len(line):
            m = SGR.match(line, i)
            if m:
                apply(st, m.group(1))
                i = m.end()
                continue
            cells.append((line[i], dict(st)))
            i += 1
        out.append(cells)
    return out

def apply(st, params):
    ps = params.replace(':', ';').split(';') if params else ['0']
    k = 0
    while k < len(ps):
        p = int(ps[k]) if ps[k] else 0
        if p == 0:
            st.clear()
        elif p in (1, 2, 3, 4, 5, 7, 8, 9):
            st[{1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline',
                5: 'blink', 7: 'reverse', 8: 'hidden', 9: 'strike'}[p]] = 1
        elif p in (21, 22, 23, 24, 25, 27, 28, 29):
            for a in {21: ['underline'], 22: ['bold', 'dim'],
                      23: ['italic'], 24: ['underline'], 25: ['blink'],
                      27: ['reverse'], 28: ['hidden'], 29: ['strike']}[p]:
                st.pop(a, None)
        elif 30 <= p <= 37 or 90 <= p <= 97:
            st['fg'] = p
        elif 40 <= p <= 47 or 100 <= p <= 107:
            st['bg'] = p
        elif p in (38, 48):
            key = 'fg' if p == 38 else 'bg'
            if k + 2 < len(ps) and ps[k + 1] == '5':
                st[key] = '%d;5;%s' % (p, ps[k + 2])
                k += 2
            elif k + 4 < len(ps) and ps[k + 1] == '2':
                st[key] = '%d;2;%s' % (p, ';'.join(ps[k + 2:k + 5]))
                k += 4
        elif p == 39:
            st.pop('fg', None)
        elif p == 49:
            st.pop('bg', None)
        k += 1

def plain(cells):
    return ''.join(c for c, _ in cells)

def highlighted(a):
    return a.get('reverse') or a.get('bg') == 47

def main():
    mode = sys.argv[1]
    raw = sys.stdin.buffer.read().decode('utf-8', 'surrogateescape')
    if raw.endswith('\n'):
        raw = raw[:-1]
    lines = raw.split('\n')
    if mode == 'sgr':
        # Every ESC must start an SGR sequence; list bad ones.
        for n, line in enumerate(lines):
            for m in re.finditer('\x1b', line):
                if not SGR.match(line, m.start()):
                    print('line %d: %r' % (n, line[m.start():m.start() + 12]))
        return
    if mode == 'colors':
        # Print every SGR parameter that sets a colour.
        found = set()
        for line in lines:
            for m in SGR.finditer(line):
                ps = m.group(1).replace(':', ';').split(';')
                k = 0
                while k < len(ps):
                    p = int(ps[k]) if ps[k] else 0
                    if p in (38, 48):
                        found.add(';'.join(ps[k:k + 3]))
                        k += 3 if k + 1 < len(ps) and ps[k + 1] == '5' \
                            else 5
                        continue
                    if 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 \
                            or 100 <= p <= 107:
                        found.add(str(p))
                    k += 1
        for f in sorted(found):
            print(f)
        return
    if mode == 'reverse-lines':
        # Print the numbers of lines whose cell at column $2 is reverse.
        col = int(sys.argv[2])
        for n, cells in enumerate(parse(lines)):
            x = 0
            for ch, a in cells:
                w = width(ch)
                if x <= col < x + max(w, 1) and a.get('reverse'):
                    print(n)
                    break
                x += w
        return
    if mode == 'selected':
        cells = parse(lines)
        for n in range(1, len(cells) - 2):
            hl = ''.join(c for c, a in cells[n] if highlighted(a)).strip()
            if hl:
                print('%d\t%s' % (n, plain(cells[n]).rstrip()))
        return
    if mode == 'attrs':
        # Print the attributes of the cells showing the text $2, or MISSING.
        needle = sys.argv[2]
        for cells in parse(lines):
            p = plain(cells)
            i = p.find(needle)
            if i >= 0:
                seen = set()
                for ch, a in cells[i:i + len(needle)]:
                    seen.add(' '.join('%s=%s' % kv for kv in sorted(a.items())))
                for s in sorted(seen):
                    print(s if s else 'plain')
                return
        print('MISSING')
        return
    if mode == 'agecol':
        # For each queue row: the display column where the waiting time
        # ends, the time, the row, and the script of the author's name
        # (wide: has CJK or other two-column characters; arabic; other).
        age = re.compile(r'(?<= )(now|\d+[mhdwy])(?= [ C?+S][ *>][ !r][ dnhx] )')
        for n, line in enumerate(lines):
            m = age.search(line)
            if m and n > 0:
                who = line[4:m.start()]
                script = 'other'
                if any(width(c) == 2 for c in who):
                    script = 'wide'
                elif any(0x600 <= ord(c) <= 0x6ff for c in who):
                    script = 'arabic'
                print('%d\t%d\t%s\t%s\t%s' % (n, text_width(line[:m.end()]),
                                             m.group(1), line, script))
        return
    if mode == 'sameitem':
        # Exit 0 if the queue row on stdin shows item $3 (an index, may be
        # negative) of the heed list --json file $2 (of items or of
        # conversations): same author, same start of text, and before it
        # the count of a conversation of more than one message.
        import json
        items = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
        it = items[int(sys.argv[3])]
        row = lines[0]
        m = ROW.search(row)
        if not m:
            sys.exit('not a queue row: %r' % row)
        who, text = m.group(1), m.group(3)
        n = it.get('messages', 1)
        if n > 1:
            if not text.startswith('%d ' % n):
                sys.exit('row %r does not count %d messages' % (row, n))
            text = text[len('%d ' % n):]
        author = it.get('author') or ''
        # A long name is cut to the column, with or without an ellipsis.
        same_who = who != '' and (author.startswith(who) or
                                  (who.endswith('\u2026') and
                                   author.startswith(who[:-1])))
        first = (it.get('text') or '').split('\n')[0]
        start = text.rstrip('\u2026')[:12]
        if not (same_who and first.startswith(start)):
            sys.exit('row %r is not item %s (%r: %r)' % (row, sys.argv[3],
                                                        author, first))
        return
    if mode == 'searchrows':
        # Check the queue rows on stdin against the heed list --view all
        # --json file $3: each row is an item whose text or author holds
        # the word $2, newest first. Print the problems, exit 1 if any.
        import json
        word = sys.argv[2].lower()
        items = [json.loads(l) for l in open(sys.argv[3]) if l.strip()]
        unit = {'now': 0, 'm': 60, 'h': 3600, 'd': 86400, 'w': 604800,
                'y': 31536000}
        row_re = ROW
        bad, last = 0, -1
        for line in lines[1:-2]:
            m = row_re.match(line)
            if not m:
                continue
            who, age, text = m.groups()
            start = text.rstrip('\u2026')[:12]
            found = [it for it in items
                     if ((it.get('author') or '').startswith(who) or
                         (who.endswith('\u2026') and
                          (it.get('author') or '').startswith(who[:-1])))
                     and (it.get('text') or '').startswith(start)]
            if not any(word in (it.get('text') or '').lower() or
                       word in (it.get('author') or '').lower()
                       for it in found):
                print('row without %r: %s' % (word, line))
                bad = 1
            secs = 0 if age == 'now' else int(age[:-1]) * unit[age[-1]]
            if last >= 0 and secs < last:
                print('row newer than the one above: %s' % line)
                bad = 1
            last = secs
        sys.exit(bad)
    if mode == 'count':
        # Count the items of the JSON file $3 whose text or author holds $2.
        import json
        word = sys.argv[2].lower()
        print(sum(1 for l in open(sys.argv[3]) if l.strip() and
                  (word in (json.loads(l).get('text') or '').lower() or
                   word in (json.loads(l).get('author') or '').lower())))
        return
    if mode == 'controls':
        # Print every control or bidi control character (C0 but tab, DEL,
        # C1, U+061C, U+200E/F, U+202A-E, U+2066-9) in the text.
        for n, line in enumerate(lines):
            for ch in line:
                o = ord(ch)
                if (o < 0x20 and ch != '\t') or 0x7f <= o <= 0x9f or \
                        o in (0x61c, 0x200e, 0x200f) or \
                        0x202a <= o <= 0x202e or 0x2066 <= o <= 0x2069:
                    print('line %d: U+%04X' % (n, o))
                elif 0xdc80 <= o <= 0xdcff:
                    print('line %d: byte 0x%02X, not UTF-8' % (n, o - 0xdc00))
        return
    if mode == 'width_before':
        # The display column where the text $2 starts in the line on
        # stdin, or -1.
        i = lines[0].find(sys.argv[2])
        print(text_width(lines[0][:i]) if i >= 0 else -1)
        return
    if mode == 'width':
        for line in lines:
            print(text_width(line))
        return
    sys.exit('screen.py: unknown mode ' + mode)

main()
EOF
