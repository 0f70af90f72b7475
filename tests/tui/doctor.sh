#!/bin/sh
# tests/tui/doctor.sh -- heed doctor checks what it claims, against the
# fake Graph API (tests/fake/graph.py) and the fake Bluesky PDS
# (tests/fake/bsky.py): a Facebook login without the Moderate task, a Page
# with no Instagram account linked, a rate-limited token check, an expired
# token, an app password the PDS no longer takes, and, in a throw-away
# keyring (tests/keyring-session), a stored Bluesky session that is renewed
# (and the renewed one kept, as sync keeps it) or revoked. Every check also
# looks at the exit status: 0 only when everything passed.
#
# Each check prints "ok NAME" or "not ok NAME" with "# " lines saying why.

. tests/tui/lib.sh

TOKEN=EAAPAGE-acme-0001
PW=qk4v-8wzp-3hmt-r2ya
W=$TUI_DIR/doctor
mkdir -m 700 "$W"
no_proxy=127.0.0.1,localhost
NO_PROXY=$no_proxy
export no_proxy NO_PROXY
GRAPH_PID=
BSKY_PID=

doctor_cleanup() {
	exec 8>&- 9>&- 2>/dev/null
	for p in $GRAPH_PID $BSKY_PID; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	tui_cleanup
}
trap doctor_cleanup EXIT
trap 'doctor_cleanup; exit 1' INT TERM HUP

# Start fake $1 (graph or bsky) with arguments $2; its port in PORT. The
# fake ends when its standard input (fd $3) closes.
start_fake() {
	mkfifo "$W/$1.in"
	# shellcheck disable=SC2086
	python3 "tests/fake/$1.py" $2 <"$W/$1.in" >"$W/$1.out" \
	    2>"$W/$1.err" &
	FAKE=$!
	eval "exec $3>\"$W/$1.in\""
	_end=$(($(date +%s) + 10))
	while ! grep -q '^http=' "$W/$1.out" 2>/dev/null; do
		if [ "$(date +%s)" -ge "$_end" ] || ! kill -0 "$FAKE" 2>/dev/null
		then
			echo "not ok doctor: the fake $1 starts"
			sed 's/^/# /' "$W/$1.err"
			exit 0
		fi
		sleep 0.05
	done
	PORT=$(sed -n 's/^http=\([0-9]*\) .*/\1/p' "$W/$1.out")
}

# POST a control op to the fake at URL $1.
ctl() {
	curl -sS --noproxy '*' -m 30 -H 'Content-Type: application/json' \
	    -d "$2" "$1/_control" >/dev/null
}

# Run heed doctor with config $1; its output in DOC, its status in RC.
doctor() {
	DOC=$(timeout -k 5 60 env -u NO_COLOR HOME="$TUI_DIR/home" \
	    XDG_CONFIG_HOME="$TUI_DIR/config" XDG_DATA_HOME="$TUI_DIR/data" \
	    XDG_STATE_HOME="$TUI_DIR/state" XDG_CACHE_HOME="$TUI_DIR/cache" \
	    TMPDIR="$TUI_DIR/tmp" LANG="$TUI_LOCALE" LC_ALL="$TUI_LOCALE" \
	    "$HEED" --config "$1" doctor </dev/null 2>&1)
	RC=$?
}

# Return 0 if DOC has a line matching the ERE $1.
says() {
	printf '%s\n' "$DOC" | grep -E -q -- "$1"
}

# Report check $1: ok if the status is $2 and every ERE after it matches a
# line of DOC ("!ERE" must match none).
expect() {
	_name=$1 _rc=$2
	shift 2
	_why=
	[ "$RC" = "$_rc" ] || _why="exit $RC, not $_rc"
	for _re in "$@"; do
		case $_re in
		!*) ! says "${_re#!}" || _why="$_why; says ${_re#!}" ;;
		*) says "$_re" || _why="$_why; does not say $_re" ;;
		esac
	done
	if [ -z "$_why" ]; then
		tui_ok "$_name"
	else
		tui_fail "$_name" "$_why
$DOC"
	fi
}

# --- Facebook and Instagram -------------------------------------------

start_fake graph "" 8
GRAPH_PID=$FAKE
G=http://127.0.0.1:$PORT
ctl "$G" '{"op":"seed","posts":2,"comments":6,"replies":0,"visitor_posts":0,"media":1,"ig_comments":2,"tags":0,"hostile":false,"seed":3}'
FB=$W/fb.conf
(umask 077 && cat >"$FB" <<EOC
[account shop]
platform = facebook
url = $G
credential_command = printf '%s\\n' $TOKEN

[account shop-insta]
platform = instagram
url = $G
facebook_account = shop
EOC
)

doctor "$FB"
expect "doctor: a Facebook Page and its Instagram account that work are all ok, exit 0" 0 \
    "^  ok    account shop \(facebook\): the token opens the Page Acme" \
    "^  ok    account shop \(facebook\): comments come with their ids" \
    "^  ok    account shop-insta \(instagram\): @[a-z._]+ is linked to the Page Acme" \
    "^  ok    account shop-insta \(instagram\): PAGE token valid" \
    "!FAIL|WAIT"

ctl "$G" '{"op":"moderate","value":false}'
doctor "$FB"
ctl "$G" '{"op":"moderate","value":true}'
expect "doctor: a login without the Moderate task fails (comments come without ids), with the fix, exit 1" 1 \
    "^  FAIL  account shop \(facebook\): [0-9]+ of the comments on the newest posts of Acme.* came without ids: the person who logged in lacks the Moderate task" \
    "^        fix: give the person who logged in the Moderate task on the Page \(Page settings > Page access\), then make the credential_command of shop give a new secret" \
    "^  ok    account shop \(facebook\): PAGE token valid"

ctl "$G" '{"op":"instagram","linked":false}'
doctor "$FB"
ctl "$G" '{"op":"instagram","linked":true}'
expect "doctor: an Instagram account whose Page has none linked fails, with the fix, exit 1" 1 \
    "^  FAIL  account shop-insta \(instagram\): the Page Acme.* has no Instagram business account linked" \
    "^        fix: link the Instagram account to the Page in Meta Business Suite" \
    "^  ok    account shop \(facebook\): comments come with their ids" \
    "!^  ok    account shop-insta \(instagram\): @"

# Both accounts ask debug_token; both are told to wait.
ctl "$G" '{"op":"fault","path":"debug_token","kind":"graph_error","code":4,"count":2}'
doctor "$FB"
ctl "$G" '{"op":"clear_faults"}'
expect "doctor: a rate-limited token check says Facebook asks to wait and the check could not be made, not to log in, exit 1" 1 \
    "^  WAIT  account shop \(facebook\): the token could not be checked now: Facebook asks heed to wait \(the app's request limit is reached \(error 4\)\)" \
    "^  WAIT  account shop-insta \(instagram\): the token could not be checked now" \
    "^        fix: wait, and run heed doctor again" \
    "could not be made now" \
    "!heed login|no longer valid|FAIL"

# Last: an expired token cannot be made valid again by the fake's control.
ctl "$G" '{"op":"expire","token":"all"}'
doctor "$FB"
expect "doctor: an expired Page token from a credential_command fails with the command to renew, exit 1" 1 \
    "^  FAIL  account shop \(facebook\): Facebook refuses the secret the credential_command gives: .*expired" \
    "^        fix: make the credential_command of shop give a new secret" \
    "!PAGE token valid"

# --- Bluesky ------------------------------------------------------------

start_fake bsky "--password $PW" 9
BSKY_PID=$FAKE
B=http://127.0.0.1:$PORT
BS=$W/bs.conf
(umask 077 && cat >"$BS" <<EOC
[account social]
platform = bluesky
handle = acmeshop.test
url = $B
credential_command = printf '%s\\n' $PW
EOC
)
doctor "$BS"
expect "doctor: a Bluesky app password from credential_command opens a session, exit 0" 0 \
    "^  ok    account social \(bluesky\): credential from credential_command works" \
    "^  ok    account social \(bluesky\): the app password from credential_command opens a session as @acmeshop.test" \
    "!FAIL|WAIT"

ctl "$B" '{"op":"config","password":"zz9z-zz9z-zz9z-zz9z"}'
doctor "$BS"
ctl "$B" "{\"op\":\"config\",\"password\":\"$PW\"}"
expect "doctor: a revoked Bluesky app password fails with the fix, though the command still prints it, exit 1" 1 \
    "^  ok    account social \(bluesky\): credential from credential_command works" \
    "^  FAIL  account social \(bluesky\): Bluesky refuses the secret the credential_command gives" \
    "^        fix: make the credential_command of social give a new secret"

# The session kept in a keyring: inside tests/keyring-session.
cat >"$W/keyring-case.sh" <<'EOF'
# Run inside tests/keyring-session: log in, doctor, sync, revoke, doctor.
H() {
	timeout -k 5 60 env HOME="$KR_DIR" XDG_CONFIG_HOME="$KR_DIR" \
	    XDG_DATA_HOME="$KR_DIR" XDG_STATE_HOME="$KR_DIR" \
	    "$HEED" --config "$KR_DIR/conf" --cache "$KR_DIR/cache.db" "$@"
}
fp() {
	printf '%s' "$(secret-tool lookup account kr platform bluesky \
	    kind refresh-token)" | sha256sum | cut -c1-12
}
ctl() {
	curl -sS --noproxy '*' -m 30 -d "$1" "$KR_URL/_control" >/dev/null
}
printf '%s\n' "$KR_PW" | H login kr >"$KR_DIR/login.out" 2>&1
echo "login=$?" >"$KR_DIR/results"
echo "fp_login=$(fp)" >>"$KR_DIR/results"
H doctor >"$KR_DIR/doctor1.out" 2>&1
echo "doctor1=$?" >>"$KR_DIR/results"
echo "fp_doctor=$(fp)" >>"$KR_DIR/results"
H sync >"$KR_DIR/sync.out" 2>&1
echo "sync=$?" >>"$KR_DIR/results"
ctl '{"op":"fault","method":"com.atproto.server.refreshSession","kind":"ratelimit","seconds":120}'
H doctor >"$KR_DIR/doctor2.out" 2>&1
echo "doctor2=$?" >>"$KR_DIR/results"
ctl '{"op":"expire","what":"refresh"}'
H doctor >"$KR_DIR/doctor3.out" 2>&1
echo "doctor3=$?" >>"$KR_DIR/results"
EOF
mkdir -m 700 "$W/kr"
(umask 077 && printf '[account kr]\nplatform = bluesky\nhandle = acmeshop.test\nurl = %s\n' \
    "$B" >"$W/kr/conf")
curl -sS --noproxy '*' -m 30 -o "$W/mark.json" "$B/_state?records=0&log=0"
LOG0=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["log_next"])' "$W/mark.json")
KR_DIR=$W/kr KR_PW=$PW KR_URL=$B HEED=$HEED \
    sh tests/keyring-session sh "$W/keyring-case.sh" >"$W/kr/session.out" 2>&1
krc=$?
curl -sS --noproxy '*' -m 30 -o "$W/st.json" "$B/_state?records=0&log_from=$LOG0"
login='' fp_login='' doctor1='' fp_doctor='' sync='' doctor2='' doctor3=''
if [ -f "$W/kr/results" ]; then
	# shellcheck disable=SC1091
	. "$W/kr/results"
fi
# The refresh token each successful session answer gave, in order.
issued=$(python3 -c '
import json, sys
log = json.load(open(sys.argv[1]))["log"]
print(" ".join(r["issued"] for r in log if r["nsid"] in (
    "com.atproto.server.createSession", "com.atproto.server.refreshSession")
    and r["status"] == 200))' "$W/st.json")
DOC=$(cat "$W/kr/doctor1.out" 2>/dev/null)
RC=$doctor1
name="doctor: a Bluesky session kept in the keyring is renewed, the renewed one kept as sync keeps it (sync still works after), exit 0"
set -- $issued
if [ $krc = 0 ] && [ "$login" = 0 ] && [ "$sync" = 0 ] && [ $# -ge 3 ] &&
    [ "$fp_login" = "$1" ] && [ "$fp_doctor" = "$2" ] &&
    [ "$fp_login" != "$fp_doctor" ]; then
	expect "$name" 0 \
	    "^  ok    account kr \(bluesky\): credential present in the keyring" \
	    "^  ok    account kr \(bluesky\): the login kept in the keyring opens a session as @acmeshop.test" \
	    "!FAIL|WAIT"
else
	tui_fail "$name" "keyring-session exit $krc, login $login, sync $sync; keyring after login $fp_login, after doctor $fp_doctor; sessions issued: $issued
$DOC
$(tail -n 5 "$W/kr/session.out")"
fi
DOC=$(cat "$W/kr/doctor2.out" 2>/dev/null)
RC=$doctor2
expect "doctor: a rate-limited Bluesky session says Bluesky asks to wait, with when, not to log in, exit 1" 1 \
    "^  WAIT  account kr \(bluesky\): the session could not be opened now: Bluesky asks heed to (wait|slow down)" \
    "^        fix: wait, and run heed doctor again in 2 minutes" \
    "!heed login|FAIL"
DOC=$(cat "$W/kr/doctor3.out" 2>/dev/null)
RC=$doctor3
expect "doctor: a revoked Bluesky session fails with heed login, exit 1" 1 \
    "^  ok    account kr \(bluesky\): credential present in the keyring" \
    "^  FAIL  account kr \(bluesky\): Bluesky refuses the login kept in the keyring" \
    "^        fix: heed login kr"
