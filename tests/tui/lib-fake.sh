# tests/tui/lib-fake.sh -- what the tests against a platform fake of
# tests/fake/ share: starting it on loopback (over HTTPS too when a
# throwaway certificate can be made), stopping it with the tmux server at
# exit, and its control endpoint. Sourced after tests/tui/lib.sh.
#
#	fake_start NAME SCRIPT [ARG...]
#
# starts python3 SCRIPT ARG... (with --cert and --key when FAKE_TLS=1 and
# a certificate could be made; FAKE_CA then names its CA) and waits for
# its "http=PORT https=PORT" line. It sets FAKE_PID, PORT, TLS_PORT and
# URL, and returns 1 after printing "not ok NAME starts" when the fake did
# not start. The fake ends when its standard input (fd 8) is closed.

no_proxy=127.0.0.1,localhost
NO_PROXY=$no_proxy
export no_proxy NO_PROXY
FAKE_PID=
FAKE_DIR=$TUI_DIR/fake
mkdir -m 700 "$FAKE_DIR"

# Stop the fake (closing its standard input ends it; then its pid) and
# the tmux server, and remove the temporary files.
fake_cleanup() {
	exec 8>&- 2>/dev/null
	if [ -n "$FAKE_PID" ]; then
		kill "$FAKE_PID" 2>/dev/null
		wait "$FAKE_PID" 2>/dev/null
	fi
	tui_cleanup
}
trap fake_cleanup EXIT
trap 'fake_cleanup; exit 1' INT TERM HUP

fake_start() {
	_name=$1 _script=$2
	shift 2
	_tls=
	FAKE_CA=
	if [ "${FAKE_TLS:-0}" = 1 ]; then
		mkdir -m 700 "$FAKE_DIR/ca"
		if sh tests/fake/ca/mkcert.sh "$FAKE_DIR/ca" >/dev/null 2>&1
		then
			_tls="--cert $FAKE_DIR/ca/server.pem --key $FAKE_DIR/ca/server.key"
			FAKE_CA=$FAKE_DIR/ca/ca.pem
		fi
	fi
	mkfifo "$FAKE_DIR/in"
	# shellcheck disable=SC2086
	python3 "$_script" "$@" $_tls <"$FAKE_DIR/in" >"$FAKE_DIR/out" \
	    2>"$FAKE_DIR/err" &
	FAKE_PID=$!
	exec 8>"$FAKE_DIR/in"
	_end=$(($(date +%s) + 10))
	while ! grep -q '^http=' "$FAKE_DIR/out" 2>/dev/null; do
		if [ "$(date +%s)" -ge "$_end" ] ||
		    ! kill -0 "$FAKE_PID" 2>/dev/null; then
			echo "not ok $_name starts"
			sed 's/^/# /' "$FAKE_DIR/err"
			return 1
		fi
		sleep 0.05
	done
	rm -f "$FAKE_DIR/ca/server.key"
	PORT=$(sed -n 's/^http=\([0-9]*\) .*/\1/p' "$FAKE_DIR/out")
	TLS_PORT=$(sed -n 's/.* https=\([0-9]*\)$/\1/p' "$FAKE_DIR/out")
	URL=http://127.0.0.1:$PORT
}

# POST a control op (JSON) to the fake; its answer on stdout.
ctl() {
	curl -sS --noproxy '*' -m 30 -H 'Content-Type: application/json' \
	    -d "$1" "$URL/_control"
}
