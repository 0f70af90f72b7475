#!/usr/bin/env python3
"""fake Bluesky PDS for heed's tests: XRPC over HTTP (and HTTPS), all in
memory, standard library only.

    python3 tests/fake/bsky.py [--password PW] [--handle HANDLE]
        [--access-ttl SECS] [--seed N] [--cert server.pem --key server.key]

Listens on 127.0.0.1 only, on ports the kernel picks, and prints one line
"http=PORT https=PORT" (https=0 without a certificate). It exits when its
standard input reaches end of file, so it cannot outlive the test that
started it, or on SIGTERM. HEED_FAKE_VERBOSE=1 logs requests to stderr.
--seed N seeds N notifications before it starts listening (the "seed"
op below with its defaults).

It plays one PDS together with the AppView reads the PDS proxies, as
shared/API-NOTES.md section 4 and the recordings in
shared/api-samples/bluesky/devnet/ describe them:

  - the shop's account HANDLE (default acmeshop.test) with a did:plc made
    from the handle, e-mail HANDLE@example.com and the app password PW
    (default abcd-efgh-ijkl-mnop); seeded customers are accounts too, but
    without a password;
  - sessions: createSession checks identifier (handle, DID or e-mail) and
    password, else 401 AuthenticationRequired "Invalid identifier or
    password"; refreshSession takes the refresh JWT as the Bearer token and
    rotates it: the old one then gets 400 ExpiredToken ("Token has been
    revoked"). Access JWTs live --access-ttl seconds (7200 as on the
    devnet); an expired one gets 400 {"error":"ExpiredToken","message":
    "Token has expired"}, an unknown one or a refresh JWT used for a call
    400 InvalidToken "Token could not be verified", none 401 AuthMissing.
    The DID document's #atproto_pds endpoint is the scheme and Host header
    of the request (so a client that follows it stays here), unless the
    "config" control op sets another;
  - app.bsky.notification.listNotifications: limit 1-100 (default 50),
    cursor (the indexedAt of the last entry, paging toward older ones),
    reasons (repeated; applied after the page is cut, so a page may hold
    fewer than limit entries, and the cursor is there only when the page
    before filtering was full), priority; seenAt is refused ("The seenAt
    parameter is unsupported"). Entries are built like the recordings:
    uri, cid, author (profile view), reason, reasonSubject, record (with
    reply root/parent strong refs, facets, embeds), isRead, indexedAt,
    labels. Reply notifications go to the authors of up to five posts above
    a reply, mentions to the DIDs of mention facets, quotes to the quoted
    post's author, likes, reposts and follows to their subject's;
    app.bsky.notification.updateSeen sets seenAt, before which entries are
    isRead (never called: all unread; the answer's seenAt is then the
    newest entry's time, as the devnet shows);
  - app.bsky.feed.getAuthorFeed (actor, limit, cursor, filter),
    app.bsky.feed.getPostThread (uri, depth default 6, parentHeight default
    80: a #threadViewPost tree, oldest reply first, including the shop's
    own replies; as in the reference AppView's threadReplies, a deleted
    reply is left out with everything below it, and so is one by an
    account the AppView does not show (deactivated, suspended, taken
    down); one with a block between its author and the viewer is a
    #blockedPost; a deleted parent is #notFoundPost; a deleted, unknown or
    unshown anchor is 400 NotFound, a blocked one a #blockedPost),
    app.bsky.feed.getPosts (uris, at most 25, each answered once; a post
    that is deleted, by an account not shown, or with a block between its
    author and the viewer is left out, saying nothing, as the reference
    AppView's getPosts does), app.bsky.actor.getProfiles (actors, at most
    25; blocked accounts are listed with viewer.blocking or
    viewer.blockedBy, accounts not shown are left out),
    com.atproto.server.getSession, com.atproto.identity.resolveHandle;
  - com.atproto.repo.putRecord (repo, collection, rkey, record,
    swapRecord: a "swapRecord": null means the record must not exist yet,
    else 400 InvalidSwap "Record was at CID"; a string must be the current
    CID), createRecord (rkey optional; an rkey in use is an untyped MST
    error, 500 InternalServerError, as on the reference PDS), getRecord
    (400 RecordNotFound when absent; 400 InvalidRequest "Could not find
    repo: ..." for an account not shown, as the AppView answers it for
    the PDS; blocks do not matter to it), deleteRecord (of a record that
    is not there: 200, nothing done). Records are checked
    like the lexicons do (post: text of at most 3000 bytes and 300
    graphemes, createdAt, strong refs in reply; like and repost: subject;
    follow: subject DID); a post that answers another becomes part of its
    thread and notifies as above. Answers are {uri, cid, commit: {cid,
    rev}, validationStatus};
  - every XRPC answer carries RateLimit-Limit, -Remaining, -Reset (epoch
    seconds) and -Policy ("3000;w=300"); createSession has its own limit
    (30;w=300). A request over the limit gets 429 {"error":
    "RateLimitExceeded","message":"Rate Limit Exceeded"} with Retry-After.
    Windows start on a whole second. Other methods get 501
    MethodNotImplemented, a wrong HTTP verb 400 InvalidRequest.

Encoded post views and notifications are kept until the next write, as a
server's caches would be: a second read of the same data costs less.

Control, on the same ports:

  POST /_control with a JSON object {"op": ..., ...}; answers JSON:

    seed      count (100), since / until (epoch seconds or RFC 3339;
              default the last two days), posts (3 shop posts, made before
              since if missing), customers (40), mix ({"reply": 70,
              "mention": 10, "quote": 10, "like": 6, "follow": 4}, weights),
              nested (0.25: share of replies that answer another reply,
              at most three deep), hostile (true: CJK, emoji, RTL, bidi
              overrides, ESC and C1 sequences in texts and display names),
              seed (random seed, 1). Makes count notifications for the shop,
              spaced evenly between since and until, each text ending in a
              unique "(nSERIAL)". Answers {created, by_reason, inbox,
              posts}, inbox being how many are replies, mentions or
              quotes, posts the URIs of the shop's posts used.
    add       one notification for the shop, indexed now: reason (reply,
              mention, quote, like, follow; default reply), text (instead
              of a made-up one; a mention gets " @HANDLE" and its facet
              appended), author (a handle; default the first customer),
              root (a top-level post; default the shop's oldest) and
              parent (a post in that thread; default the root). Answers
              {uri, cid, indexedAt, reason}.
    post      a post of the shop's now: text. Answers {uri, cid}.
    delete    uri: delete that record (a customer deleting a post).
    like      uri: the shop likes that post, as from the Bluesky app.
              Answers {uri} of the like record.
    block     who (a customer's handle or DID), by ("shop", the default,
              or "them": the customer blocks the shop): a block record
              in the blocker's repository. Answers {uri}.
    unblock   who, by: delete that block record.
    status    who, status (active, deactivated, suspended, takendown):
              the account as the AppView shows it; only "active" is
              shown.
    fault     method (an XRPC method or "*"), kind, count (1), after (0:
              the first `after` matching requests pass untouched), and:
                status      status (500, 502, 503, 504, 429, ...),
                            retry_after (seconds: a Retry-After header;
                            none without it): 500 is JSON
                            InternalServerError, the others an HTML page
                            from a proxy; apply: true carries the request
                            out first (a putRecord is stored), then answers
                            so (the log entry gets "applied", the time,
                            and "applied_status", what the answer's status
                            would have been)
                ratelimit   429 RateLimitExceeded, Retry-After: seconds (1);
                            retry_after: false leaves that header out (the
                            RateLimit-* headers still say when)
                expire      the presented access token expires now: 400
                            ExpiredToken
                malformed   the real answer cut in half (body: TEXT instead)
                bad_utf8    invalid UTF-8 bytes in the first text string
                oversized   bytes (20 MiB) of valid JSON; chunked: true
                            hides the size
                slow        seconds (5) of silence; when: "after" (the
                            request is carried out first) or "before"
                reset       headers and half the body, then a TCP reset
                drop        carried out (a putRecord is stored), then the
                            connection is closed with no answer at all
                empty_same  listNotifications or getAuthorFeed: an empty
                            page whose cursor is the request's own (the
                            same page again), or on a first page one that
                            leads to the newest entries; other methods
                            are answered as usual
              Faults match in the order given, one per request.
    clear_faults
    expire    what: access (default: every access token expires now),
              refresh (every refresh token is revoked) or all
    limits    limit, window, login_limit, login_window (omitted: the
              defaults 3000/300 and 30/300); counting starts again
    config    access_ttl (seconds), password, service (a URL for the DID
              document, or null for the request's own)
    clear_log

  GET /_state[?repo=DID|HANDLE][&collection=NSID][&records=0][&log=0]
             [&log_from=N]
    {shop: {did, handle}, records: [{uri, cid, value, indexedAt}...],
     notifications: {reason: count} (the shop's), notified: the URIs of
     the records of the shop's reply, mention and quote notifications
     (its inbox), faults, limits,
     log: [{n, t, t_end, verb, path, nsid, query, auth, status, fault,
            body, sent, issued, tls}...], log_next}
    "t" is when the request had been read and "t_end" when the answer was
    written (epoch seconds); "auth" is none, or access:/refresh:/unknown:
    and a fingerprint of the Bearer token (the first 12 hex digits of its
    SHA-256); "issued" the fingerprint of the refresh token a session
    answer gave; "fault" the fault applied; "tls" whether it came over
    HTTPS.
"""

import argparse
import base64
import bisect
import calendar
import hashlib
import hmac
import json
import math
import os
import random
import re
import sys
import threading
import time
import unicodedata

import server

POST = "app.bsky.feed.post"
LIKE = "app.bsky.feed.like"
REPOST = "app.bsky.feed.repost"
FOLLOW = "app.bsky.graph.follow"
BLOCK = "app.bsky.graph.block"
BLOCKED_POST = "app.bsky.feed.defs#blockedPost"
THREAD_VIEW = "app.bsky.feed.defs#threadViewPost"
NOT_FOUND = "app.bsky.feed.defs#notFoundPost"
TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz"
INBOX_REASONS = ("reply", "mention", "quote")
REPLY_NOTIFY_DEPTH = 5
MAX_DEPTH = 200
# The lists an empty_same fault answers, by method: the key of the entries.
EMPTY_LISTS = {"app.bsky.notification.listNotifications": "notifications",
               "app.bsky.feed.getAuthorFeed": "feed"}

ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})"
                    r"(?:[.,](\d+))?(Z|z|[+-]\d{2}:?\d{2})$")
RKEY_RE = re.compile(r"^[A-Za-z0-9._:~-]{1,512}$")
NSID_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+){2,}$")
CID_RE = re.compile(r"^[A-Za-z0-9]{8,128}$")
AT_URI_RE = re.compile(r"^at://([^/]+)/([^/]+)/([^/]+)$")

# Texts of the seeded customers, by kind, with their language.
PLAIN = [
    "Do you ship to Canada?",
    "Is the blue one back in stock?",
    "Loving my new jacket, thanks!",
    "What are your opening hours on Sunday?",
    "My order has not arrived yet, can you check?",
    "Can I return a gift without the receipt?",
    "Two lines here\nand the second one",
]
CJK = [
    ("この商品はいつ再入荷しますか？", "ja"),
    ("这个颜色还有货吗？", "zh"),
    ("배송은 얼마나 걸리나요?", "ko"),
    ("東京の店舗で受け取れますか", "ja"),
]
EMOJI = [
    "Love it 😍🔥",
    "👩\u200d👩\u200d👧\u200d👦 the whole family wants one 🎉",
    "🇨🇦 shipping? 🙏🏽",
    "five stars ⭐⭐⭐⭐⭐",
]
RTL = [
    ("هل يتوفر مقاس كبير؟", "ar"),
    ("האם יש משלוח חינם?", "he"),
]
HOSTILE = [
    "\x1b[31mURGENT\x1b[0m refund now",
    "\x1b]0;owned\x07title change attempt",
    "\x1b[2J\x1b[Hscreen wipe",
    "\u202egnp.exe\u202c is my invoice",
    "price \u2067\u0661\u0662\u0663\u2069 ok?",
    "\u200fhidden\u200e marks and \u2066isolates\u2069",
    "bell\x07 backspace\x08\x08 and DEL\x7f",
    "C1 \u009b31m control \u0085 next line",
    "tab\there\r\nCRLF line",
    "zero\u200bwidth\u200djoiner\ufeffBOM",
    "Z\u0334\u0321\u031ba\u0336\u0322l\u0337g\u0338o\u0335 text",
    "\x1b]8;;http://evil.example\x1b\\click me\x1b]8;;\x1b\\",
]
NAMES = [
    "Yuki 山田", "Anna", "محمد", "Zoë 🌸", "\x1b[1mBold\x1b[0m Bob",
    "\u202eevil name", "", None, "Ingrid Ångström", "李小龙",
    "N" * 120, "Omar \u2067عمر\u2069",
]
HANDLE_WORDS = ["yuki", "anna", "omar", "li", "sven", "maria", "kofi",
                "noa", "ines", "raj", "mei", "tom"]
SHOP_POSTS = [
    "New spring collection is in! Ask us anything.",
    "Weekend sale: 20% off everything 🎉",
    "We are hiring! 店員募集中",
    "Holiday opening hours: closed on the 25th.",
    "Restocked: the blue jacket, all sizes.",
]


def now_ms():
    """Give the time in milliseconds."""
    return int(time.time() * 1000)


def iso(ms, micro=False):
    """Format milliseconds as an RFC 3339 time in UTC."""
    t = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000))
    if micro:
        return t + ".%03d%03dZ" % (ms % 1000, (ms * 7) % 1000)
    return t + ".%03dZ" % (ms % 1000)


def parse_iso(s):
    """Read an RFC 3339 time into milliseconds; None if it is not one."""
    m = ISO_RE.match(s) if isinstance(s, str) else None
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(m.group(i)) for i in range(1, 7))
    try:
        t = calendar.timegm((y, mo, d, h, mi, sec, 0, 0, 0))
    except (ValueError, OverflowError):
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h < 24 and mi < 60 and
            sec <= 60):
        return None
    frac = (m.group(7) or "0")[:3].ljust(3, "0")
    tz = m.group(8)
    off = 0
    if tz not in ("Z", "z"):
        sign = 1 if tz[0] == "+" else -1
        tz = tz[1:].replace(":", "")
        off = sign * (int(tz[:2]) * 3600 + int(tz[2:]) * 60)
    return (t - off) * 1000 + int(frac)


def parse_when(v, default):
    """Read epoch seconds or an RFC 3339 time into milliseconds."""
    if v is None:
        return default
    if isinstance(v, (int, float)):
        return int(v * 1000)
    ms = parse_iso(v)
    if ms is None:
        raise ValueError("not a time: %r" % (v,))
    return ms


def b32(data):
    """Encode bytes in lower-case base32 without padding."""
    return base64.b32encode(data).decode().lower().rstrip("=")


def b64url(data):
    """Encode bytes in base64url without padding."""
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def canonical(obj):
    """Encode a value as UTF-8 JSON for hashing."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8",
                                                    "surrogatepass")


def make_cid(obj, codec=0x71):
    """Make a CIDv1 (dag-cbor, sha2-256, base32) from a value's hash."""
    digest = hashlib.sha256(canonical(obj)).digest()
    return "b" + b32(bytes([1, codec, 0x12, 0x20]) + digest)


def make_did(handle):
    """Make the did:plc of a handle: 24 base32 characters of its hash."""
    return "did:plc:" + b32(hashlib.sha256(handle.encode()).digest())[:24]


def make_tid(micros, clock=0):
    """Make a TID: 13 base32-sortable characters of a time and clock id."""
    v = ((micros & ((1 << 53) - 1)) << 10) | (clock & 0x3ff)
    out = []
    for _ in range(13):
        out.append(TID_CHARS[v & 31])
        v >>= 5
    return "".join(reversed(out))


def fingerprint(token):
    """Give a short fingerprint of a token for the request log."""
    return hashlib.sha256(token.encode()).hexdigest()[:12]


def graphemes(s):
    """Count user-perceived characters, close to Unicode's clusters."""
    n = 0
    join = False
    regional = False
    for ch in s:
        o = ord(ch)
        if join:
            join = False
            continue
        if o == 0x200d:
            join = True
            continue
        if (unicodedata.category(ch) in ("Mn", "Me") or
                0xfe00 <= o <= 0xfe0f or 0x1f3fb <= o <= 0x1f3ff):
            continue
        if 0x1f1e6 <= o <= 0x1f1ff:
            if regional:
                regional = False
                continue
            regional = True
        else:
            regional = False
        n += 1
    return n


def split_uri(uri):
    """Split an at:// URI into (authority, collection, rkey), or None."""
    m = AT_URI_RE.match(uri) if isinstance(uri, str) else None
    return m.groups() if m else None


def ref_uri(obj, key):
    """Give the uri of the strong ref obj[key], or None."""
    if not isinstance(obj, dict):
        return None
    r = obj.get(key)
    if isinstance(r, dict) and isinstance(r.get("uri"), str):
        return r["uri"]
    return None


class XrpcError(Exception):
    """An XRPC error answer: status, error name, message."""

    def __init__(self, status, error, message=None):
        super().__init__(message or error)
        self.status = status
        self.error = error
        self.message = message

    def body(self):
        b = {"error": self.error}
        if self.message is not None:
            b["message"] = self.message
        return b


def invalid(message):
    """Make a 400 InvalidRequest."""
    return XrpcError(400, "InvalidRequest", message)


class Bucket:
    """A fixed-window request limit, the window starting on a second."""

    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.start = 0
        self.count = 0

    def take(self, now):
        """Count one request; return True if it is over the limit."""
        if now >= self.start + self.window:
            self.start = int(now)
            self.count = 0
        self.count += 1
        return self.count > self.limit

    def headers(self):
        return [("RateLimit-Limit", str(self.limit)),
                ("RateLimit-Reset", str(self.start + self.window)),
                ("RateLimit-Remaining",
                 str(max(0, self.limit - self.count))),
                ("RateLimit-Policy", "%d;w=%d" % (self.limit, self.window))]


class Pds:
    """The whole server's state; every method takes the lock itself."""

    def __init__(self, handle, password, access_ttl):
        self.lock = threading.RLock()
        self.key = os.urandom(32)
        self.accounts = {}      # did -> {did, handle, password, ...}
        self.profiles = {}      # did -> profile view
        self.post_cache = {}    # (uri, viewer) -> encoded post view
        self.by_handle = {}
        self.repos = {}         # did -> {collection -> {rkey -> rec}}
        self.posts = {}         # uri -> rec of a live post
        self.deleted = set()    # uris of deleted posts
        self.children = {}      # parent uri -> [child uri]
        self.likes = {}         # subject uri -> {liker did: like uri}
        self.reposts = {}       # subject uri -> set of repost uris
        self.quotes = {}        # subject uri -> set of quoting post uris
        self.blocks = {}        # (blocker did, subject did) -> block uri
        self.status = {}        # did -> "deactivated", "takendown"
        self.notes = {}         # did -> [notification], oldest first
        self.note_keys = {}     # did -> [indexed ms], in step with notes
        self.note_by_uri = {}   # record uri -> [(did, notification)]
        self.seen_at = {}       # did -> ms
        self.times = set()      # indexed ms in use
        self.last_ms = 0
        self.serial = 0
        self.access = {}        # token -> {did, exp, expired}
        self.refresh = {}       # token -> {did, exp, revoked}
        self.access_ttl = access_ttl
        self.service = None
        self.faults = []
        self.log = []
        self.log_n = 0
        self.limits = Bucket(3000, 300)
        self.login_limits = Bucket(30, 300)
        self.rev = make_tid(now_ms() * 1000)
        self.shop = self.add_account(handle, password, "Acme Shop")

    # --- accounts, time, records -------------------------------------

    def add_account(self, handle, password=None, display=None, did=None):
        """Create an account; return its DID."""
        did = did or make_did(handle)
        self.accounts[did] = {
            "did": did, "handle": handle, "password": password,
            "displayName": display, "email": handle + "@example.com",
            "created": now_ms() - 400 * 86400 * 1000,
        }
        self.by_handle[handle.lower()] = did
        self.repos.setdefault(did, {})
        return did

    def resolve(self, who):
        """Give the DID of a handle or DID; None if unknown."""
        if not isinstance(who, str):
            return None
        if who in self.accounts:
            return who
        return self.by_handle.get(who.lower().lstrip("@"))

    def unique_ms(self, ms):
        """Give ms, or the first later millisecond not in use."""
        while ms in self.times:
            ms += 1
        self.times.add(ms)
        self.last_ms = max(self.last_ms, ms)
        return ms

    def clock(self):
        """Give the indexing time of a write now: unique, increasing."""
        return self.unique_ms(max(now_ms(), self.last_ms + 1))

    def new_rkey(self, did, collection, ms):
        """Give a TID record key from a time, free in the collection."""
        coll = self.repos[did].get(collection, {})
        micros = ms * 1000
        while True:
            rkey = make_tid(micros, random.randrange(1024))
            if rkey not in coll:
                return rkey
            micros += 1

    def write(self, did, collection, rkey, value, indexed=None):
        """Store a record (replacing one) and index it; return it."""
        coll = self.repos[did].setdefault(collection, {})
        old = coll.get(rkey)
        if old is not None:
            self.unindex(old, replacing=True)
        rec = {
            "uri": "at://%s/%s/%s" % (did, collection, rkey),
            "cid": make_cid(value), "did": did, "collection": collection,
            "rkey": rkey, "value": value,
            "indexed": self.unique_ms(indexed) if indexed else self.clock(),
        }
        rec["indexedAt"] = iso(rec["indexed"])
        coll[rkey] = rec
        self.index(rec)
        self.post_cache.clear()
        self.rev = make_tid(now_ms() * 1000, 1)
        return rec

    def delete(self, rec):
        """Delete a record and what it caused."""
        self.unindex(rec, replacing=False)
        del self.repos[rec["did"]][rec["collection"]][rec["rkey"]]
        if rec["collection"] == POST:
            self.deleted.add(rec["uri"])
        self.post_cache.clear()
        self.rev = make_tid(now_ms() * 1000, 2)

    def find(self, uri):
        """Give the live record at an at:// URI, or None."""
        parts = split_uri(uri)
        if parts is None:
            return None
        did = self.resolve(parts[0])
        if did is None:
            return None
        return self.repos[did].get(parts[1], {}).get(parts[2])

    def commit(self, value):
        """Give the {cid, rev} of the commit that just happened."""
        return {"cid": make_cid({"rev": self.rev, "data": value}),
                "rev": self.rev}

    # --- indexing and notifications ----------------------------------

    def index(self, rec):
        """Index a record as the AppView does, notifying whom it concerns."""
        v = rec["value"]
        did = rec["did"]
        coll = rec["collection"]
        if coll == POST:
            self.posts[rec["uri"]] = rec
            self.deleted.discard(rec["uri"])
            parent = ref_uri(v.get("reply"), "parent")
            kids = self.children.setdefault(parent, []) if parent else []
            if parent and rec["uri"] not in kids:
                kids.append(rec["uri"])
            told = {did}
            up, depth = parent, 0
            while up and depth < REPLY_NOTIFY_DEPTH:
                parts = split_uri(up)
                author = self.resolve(parts[0]) if parts else None
                if author and author not in told:
                    self.notify(author, rec, "reply", up)
                    told.add(author)
                above = self.posts.get(up)
                up = ref_uri(above["value"].get("reply"), "parent") \
                    if above else None
                depth += 1
            quoted = self.quoted(v)
            if quoted:
                self.quotes.setdefault(quoted, set()).add(rec["uri"])
                parts = split_uri(quoted)
                author = self.resolve(parts[0]) if parts else None
                if author and author not in told:
                    self.notify(author, rec, "quote", quoted)
                    told.add(author)
            for m in self.mentioned(v):
                if m not in told and m in self.accounts:
                    self.notify(m, rec, "mention", None)
                    told.add(m)
        elif coll in (LIKE, REPOST):
            subject = ref_uri(v, "subject")
            parts = split_uri(subject) if subject else None
            if coll == LIKE:
                self.likes.setdefault(subject, {})[did] = rec["uri"]
            else:
                self.reposts.setdefault(subject, set()).add(rec["uri"])
            author = self.resolve(parts[0]) if parts else None
            if author and author != did:
                self.notify(author, rec, "like" if coll == LIKE else
                            "repost", subject)
        elif coll == FOLLOW:
            subject = v.get("subject")
            if subject in self.accounts and subject != did:
                self.notify(subject, rec, "follow", None)
        elif coll == BLOCK:
            if isinstance(v.get("subject"), str):
                self.blocks[(did, v["subject"])] = rec["uri"]

    def unindex(self, rec, replacing):
        """Undo index(); a deleted post stays a child of its parent."""
        v = rec["value"]
        coll = rec["collection"]
        if coll == POST:
            self.posts.pop(rec["uri"], None)
            parent = ref_uri(v.get("reply"), "parent")
            if replacing and rec["uri"] in self.children.get(parent, []):
                self.children[parent].remove(rec["uri"])
            quoted = self.quoted(v)
            if quoted:
                self.quotes.get(quoted, set()).discard(rec["uri"])
        elif coll == LIKE:
            self.likes.get(ref_uri(v, "subject"), {}).pop(rec["did"], None)
        elif coll == REPOST:
            self.reposts.get(ref_uri(v, "subject"), set()).discard(
                rec["uri"])
        elif coll == BLOCK:
            self.blocks.pop((rec["did"], v.get("subject")), None)
        for did, n in self.note_by_uri.pop(rec["uri"], []):
            keys, lst = self.note_keys[did], self.notes[did]
            i = bisect.bisect_left(keys, n["indexed"])
            while i < len(lst) and lst[i] is not n:
                i += 1
            if i < len(lst):
                del keys[i]
                del lst[i]

    @staticmethod
    def quoted(v):
        """Give the URI a post's embed quotes, or None."""
        e = v.get("embed")
        if not isinstance(e, dict):
            return None
        if e.get("$type") == "app.bsky.embed.recordWithMedia":
            e = e.get("record")
        elif e.get("$type") != "app.bsky.embed.record":
            return None
        return ref_uri(e, "record") if isinstance(e, dict) else None

    @staticmethod
    def mentioned(v):
        """Give the DIDs a post's mention facets name."""
        out = []
        for f in v.get("facets") or []:
            if not isinstance(f, dict):
                continue
            for feat in f.get("features") or []:
                if (isinstance(feat, dict) and feat.get("$type") ==
                        "app.bsky.richtext.facet#mention" and
                        isinstance(feat.get("did"), str)):
                    out.append(feat["did"])
        return out

    def notify(self, did, rec, reason, subject):
        """Add a notification for did about a record."""
        n = {"uri": rec["uri"], "rec": rec, "reason": reason,
             "subject": subject, "indexed": rec["indexed"]}
        keys = self.note_keys.setdefault(did, [])
        lst = self.notes.setdefault(did, [])
        i = bisect.bisect_right(keys, n["indexed"])
        keys.insert(i, n["indexed"])
        lst.insert(i, n)
        self.note_by_uri.setdefault(rec["uri"], []).append((did, n))

    # --- views -------------------------------------------------------

    def profile(self, did):
        """Give the profile view of an account (made once, then shared)."""
        p = self.profiles.get(did)
        if p is None:
            p = self.profiles[did] = self.make_profile(did)
        return p

    def make_profile(self, did):
        """Make the profile view of an account."""
        a = self.accounts.get(did)
        if a is None:
            return {"did": did, "handle": "handle.invalid", "labels": []}
        p = {"did": did, "handle": a["handle"]}
        if a["displayName"] is not None:
            p["displayName"] = a["displayName"]
        if a.get("avatar"):
            p["avatar"] = a["avatar"]
        p["associated"] = {
            "activitySubscription": {"allowSubscriptions": "followers"}}
        p["viewer"] = {"muted": False, "mutedOnlyReposts": False,
                       "mutedOnlyQuoteposts": False, "blockedBy": False}
        p["labels"] = []
        p["createdAt"] = iso(a["created"])
        return p

    def shown(self, did):
        """Tell whether the AppView shows an account: not deactivated,
        suspended or taken down."""
        return did in self.accounts and did not in self.status

    def blocked(self, a, b):
        """Tell whether a block stands between two accounts, either way."""
        return (a, b) in self.blocks or (b, a) in self.blocks

    def can_see(self, viewer, uri):
        """Tell whether viewer gets a view of the live post at uri: its
        author is shown and no block stands between them (the reference
        AppView's views.post and noBlocks)."""
        rec = self.posts.get(uri)
        return (rec is not None and self.shown(rec["did"]) and
                not (viewer and self.blocked(viewer, rec["did"])))

    def profile_as(self, did, viewer):
        """Give the profile view of an account as viewer sees it: with
        the blocks between them in its viewer."""
        p = dict(self.profile(did))
        vs = dict(p.get("viewer") or {})
        vs["blockedBy"] = (did, viewer) in self.blocks
        if (viewer, did) in self.blocks:
            vs["blocking"] = self.blocks[(viewer, did)]
        p["viewer"] = vs
        return p

    def counts(self, uri):
        """Give a post's reply, repost, like and quote counts."""
        replies = sum(1 for c in self.children.get(uri, [])
                      if c in self.posts)
        return (replies, len(self.reposts.get(uri, ())),
                len(self.likes.get(uri, {})), len(self.quotes.get(uri, ())))

    def image_view(self, did, img):
        """Give the view of one image of an images embed."""
        link = ""
        if isinstance(img, dict):
            ref = (img.get("image") or {}).get("ref") or {}
            link = ref.get("$link", "") if isinstance(ref, dict) else ""
        base = "https://cdn.bsky.app/img/%%s/plain/%s/%s@jpeg" % (did, link)
        v = {"thumb": base % "feed_thumbnail", "fullsize": base %
             "feed_fullsize", "alt": img.get("alt", "") if
             isinstance(img, dict) else ""}
        if isinstance(img, dict) and isinstance(img.get("aspectRatio"),
                                                dict):
            v["aspectRatio"] = img["aspectRatio"]
        return v

    def record_view(self, uri, viewer=None):
        """Give the view of a quoted record, as viewer sees it."""
        rec = self.posts.get(uri)
        if rec is None or not self.shown(rec["did"]):
            return {"$type": "app.bsky.embed.record#viewNotFound",
                    "uri": uri, "notFound": True}
        if viewer and self.blocked(viewer, rec["did"]):
            return {"$type": "app.bsky.embed.record#viewBlocked",
                    "uri": uri, "blocked": True,
                    "author": {"did": rec["did"], "viewer": {
                        "blockedBy": (rec["did"], viewer) in self.blocks}}}
        r, rp, lk, q = self.counts(uri)
        return {"$type": "app.bsky.embed.record#viewRecord",
                "uri": uri, "cid": rec["cid"],
                "author": self.profile(rec["did"]), "value": rec["value"],
                "labels": [], "likeCount": lk, "replyCount": r,
                "repostCount": rp, "quoteCount": q,
                "indexedAt": rec["indexedAt"], "embeds": []}

    def embed_view(self, did, e, viewer=None):
        """Give the view of a record's embed, or None."""
        if not isinstance(e, dict):
            return None
        t = e.get("$type")
        if t == "app.bsky.embed.images":
            imgs = e.get("images") if isinstance(e.get("images"),
                                                 list) else []
            return {"$type": "app.bsky.embed.images#view",
                    "images": [self.image_view(did, i) for i in imgs]}
        if t == "app.bsky.embed.external":
            x = e.get("external") if isinstance(e.get("external"),
                                                dict) else {}
            return {"$type": "app.bsky.embed.external#view",
                    "external": {"uri": x.get("uri", ""),
                                 "title": x.get("title", ""),
                                 "description": x.get("description", "")}}
        if t == "app.bsky.embed.record":
            return {"$type": "app.bsky.embed.record#view",
                    "record": self.record_view(ref_uri(e, "record") or "",
                                               viewer)}
        if t == "app.bsky.embed.recordWithMedia":
            inner = e.get("record")
            media = self.embed_view(did, e.get("media"))
            v = {"$type": "app.bsky.embed.recordWithMedia#view",
                 "record": {"$type": "app.bsky.embed.record#view",
                            "record": self.record_view(
                                ref_uri(inner, "record") or "", viewer)}}
            if media is not None:
                v["media"] = media
            return v
        return None

    def post_view(self, rec, viewer):
        """Give the post view of a live post, as viewer sees it."""
        uri = rec["uri"]
        r, rp, lk, q = self.counts(uri)
        pv = {"uri": uri, "cid": rec["cid"],
              "author": self.profile(rec["did"]), "record": rec["value"]}
        emb = self.embed_view(rec["did"], rec["value"].get("embed"), viewer)
        if emb is not None:
            pv["embed"] = emb
        pv.update({"bookmarkCount": 0, "replyCount": r, "repostCount": rp,
                   "likeCount": lk, "quoteCount": q,
                   "indexedAt": rec["indexedAt"]})
        vs = {"bookmarked": False, "threadMuted": False,
              "embeddingDisabled": False}
        like = self.likes.get(uri, {}).get(viewer)
        if like:
            vs["like"] = like
        pv["viewer"] = vs
        pv["labels"] = []
        return pv

    def post_json(self, rec, viewer):
        """Give the encoded post view, kept until the next write (a write
        can change any post's counts)."""
        key = (rec["uri"], viewer)
        data = self.post_cache.get(key)
        if data is None:
            data = self.post_cache[key] = encode(self.post_view(rec,
                                                                viewer))
        return data

    def thread_json(self, uri, depth, viewer, parent=None):
        """Give the encoded thread node of a post and its replies depth
        levels down, with the chain above it (encoded) if given."""
        rec = self.posts.get(uri)
        if rec is None:
            return encode({"$type": NOT_FOUND, "uri": uri, "notFound": True})
        out = [b'{"post":', self.post_json(rec, viewer)]
        if parent is not None:
            out += [b',"parent":', parent]
        if depth > 0:
            # As the reference AppView's threadReplies: a reply it has no
            # view of (deleted, or by an account it does not show) is left
            # out with every reply below it; a blocked one is a
            # #blockedPost, with nothing below.
            reps = []
            for c in sorted(self.children.get(uri, []), key=self.sort_key):
                crec = self.posts.get(c)
                if crec is None or not self.shown(crec["did"]):
                    continue
                if viewer and self.blocked(viewer, crec["did"]):
                    reps.append(encode(self.blocked_post(c, crec["did"],
                                                         viewer)))
                else:
                    reps.append(self.thread_json(c, depth - 1, viewer))
            out += [b',"replies":[', b",".join(reps), b"]"]
        out.append(b',"threadContext":{},"$type":"' + THREAD_VIEW.encode() +
                   b'"}')
        return b"".join(out)

    def blocked_post(self, uri, did, viewer):
        """Give the #blockedPost placeholder of a post."""
        return {"$type": BLOCKED_POST, "uri": uri, "blocked": True,
                "author": {"did": did, "viewer": {
                    "blockedBy": (did, viewer) in self.blocks}}}

    def sort_key(self, uri):
        """Order replies oldest first (deleted ones by their key)."""
        rec = self.posts.get(uri)
        return (rec["indexed"] if rec else 0, uri)

    def parent_json(self, rec, height, viewer):
        """Give the encoded chain of posts above rec, height levels up, or
        None."""
        up = ref_uri(rec["value"].get("reply"), "parent")
        if not up or height <= 0:
            return None
        prec = self.posts.get(up)
        if prec is None or not self.shown(prec["did"]):
            return encode({"$type": NOT_FOUND, "uri": up, "notFound": True})
        if viewer and self.blocked(viewer, prec["did"]):
            return encode(self.blocked_post(up, prec["did"], viewer))
        return self.thread_json(up, 0, viewer,
                                self.parent_json(prec, height - 1, viewer))

    def notification_json(self, n, seen):
        """Give the encoded view of one notification (kept: nothing in it
        changes but isRead, and a rewritten record is a new one)."""
        read = seen is not None and n["indexed"] < seen
        cache = n.setdefault("json", {})
        if read not in cache:
            cache[read] = encode(self.notification_view(n, seen))
        return cache[read]

    def notification_view(self, n, seen):
        """Give the view of one notification."""
        rec = n["rec"]
        v = {"uri": rec["uri"], "cid": rec["cid"],
             "author": self.profile(rec["did"]), "reason": n["reason"]}
        if n["subject"]:
            v["reasonSubject"] = n["subject"]
        v["record"] = rec["value"]
        v["isRead"] = seen is not None and n["indexed"] < seen
        v["indexedAt"] = rec["indexedAt"]
        v["labels"] = []
        return v

    def did_doc(self, did, service):
        """Give the DID document of an account."""
        return {
            "@context": ["https://www.w3.org/ns/did/v1",
                         "https://w3id.org/security/suites/secp256k1-2019/v1"],
            "id": did,
            "alsoKnownAs": ["at://" + self.accounts[did]["handle"]],
            "verificationMethod": [{
                "id": "#atproto", "type": "EcdsaSecp256k1VerificationKey2019",
                "controller": did,
                "publicKeyMultibase": "zQ3sh" + b32(hashlib.sha256(
                    did.encode()).digest())[:44]}],
            "service": [{"id": "#atproto_pds",
                         "type": "AtprotoPersonalDataServer",
                         "serviceEndpoint": self.service or service}],
        }

    # --- sessions ----------------------------------------------------

    def jwt(self, typ, claims):
        """Make a signed JWT (HS256)."""
        head = b64url(json.dumps({"typ": typ, "alg": "HS256"},
                                 separators=(",", ":")).encode())
        body = b64url(json.dumps(claims, separators=(",", ":")).encode())
        sig = hmac.new(self.key, (head + "." + body).encode(),
                       hashlib.sha256).digest()
        return head + "." + body + "." + b64url(sig)

    def issue(self, did, service, rec):
        """Open a session for did; give the session answer."""
        now = time.time()
        base = {"aud": "did:web:localhost", "sub": did, "iat": int(now)}
        access = self.jwt("at+jwt", dict(
            scope="com.atproto.access", jti=b64url(os.urandom(12)),
            exp=int(now + self.access_ttl), **base))
        refresh = self.jwt("refresh+jwt", dict(
            scope="com.atproto.refresh", jti=b64url(os.urandom(24)),
            exp=int(now + 90 * 86400), **base))
        self.access[access] = {"did": did, "exp": now + self.access_ttl,
                               "expired": False}
        self.refresh[refresh] = {"did": did, "exp": now + 90 * 86400,
                                 "revoked": False}
        rec["issued"] = fingerprint(refresh)
        a = self.accounts[did]
        return {"accessJwt": access, "refreshJwt": refresh, "did": did,
                "didDoc": self.did_doc(did, service), "handle": a["handle"],
                "email": a["email"], "emailConfirmed": False,
                "active": True}

    def auth(self, token):
        """Give the DID of a valid access token, or raise the error."""
        if token is None:
            raise XrpcError(401, "AuthMissing", "Authentication Required")
        a = self.access.get(token)
        if a is None:
            raise XrpcError(400, "InvalidToken",
                            "Token could not be verified")
        if a["expired"] or time.time() >= a["exp"]:
            raise XrpcError(400, "ExpiredToken", "Token has expired")
        return a["did"]

    def token_kind(self, token):
        """Describe a Bearer token for the request log."""
        if token is None:
            return "none"
        kind = ("access" if token in self.access else "refresh" if token in
                self.refresh else "unknown")
        return kind + ":" + fingerprint(token)

    # --- faults and limits -------------------------------------------

    def take_fault(self, nsid):
        """Give the fault that applies to this request, or None."""
        chosen = None
        for f in list(self.faults):
            if f["method"] not in ("*", nsid):
                continue
            if f["after"] > 0:
                f["after"] -= 1
                continue
            if chosen is None:
                chosen = f
                f["count"] -= 1
                if f["count"] <= 0:
                    self.faults.remove(f)
        return chosen

    def rate(self, nsid):
        """Count a request; give (headers, seconds to wait or 0)."""
        now = time.time()
        over = self.limits.take(now)
        shown = self.limits
        if nsid == "com.atproto.server.createSession":
            over = self.login_limits.take(now) or over
            shown = self.login_limits
        wait = 0
        if over:
            worst = max((b for b in (self.limits, self.login_limits)
                         if b.count > b.limit),
                        key=lambda b: b.start + b.window)
            wait = max(1, math.ceil(worst.start + worst.window - now))
        return shown.headers(), wait


def seed_text(rng, serial, hostile):
    """Give (text, langs) of a seeded post, ending in its serial."""
    r = rng.random()
    lang = "en"
    if hostile and r < 0.25:
        phrase = rng.choice(HOSTILE)
    elif r < 0.40:
        phrase, lang = rng.choice(CJK)
    elif r < 0.50:
        phrase = rng.choice(EMOJI)
    elif r < 0.58:
        phrase, lang = rng.choice(RTL)
    else:
        phrase = rng.choice(PLAIN)
    return phrase + " (n%d)" % serial, [lang]


class Seeder:
    """Makes the notifications the control op "seed" asks for."""

    def __init__(self, pds, args):
        self.pds = pds
        self.rng = random.Random(args.get("seed", 1))
        self.hostile = bool(args.get("hostile", True))
        self.nested = float(args.get("nested", 0.25))
        self.mix = args.get("mix") or {"reply": 70, "mention": 10,
                                       "quote": 10, "like": 6,
                                       "follow": 4}
        for k in self.mix:
            if k not in ("reply", "mention", "quote", "like", "repost",
                         "follow"):
                raise ValueError("unknown reason in mix: %s" % k)
        self.replies = {}   # root uri -> [(uri, cid, depth)]

    def shop_posts(self, n, before):
        """Give n of the shop's top-level posts, making the missing ones."""
        p = self.pds
        have = sorted((r for r in p.repos[p.shop].get(POST, {}).values()
                       if "reply" not in r["value"]),
                      key=lambda r: r["indexed"])
        for i in range(len(have), n):
            t = before - (n - i) * 3600 * 1000
            v = {"$type": POST, "text": SHOP_POSTS[i % len(SHOP_POSTS)],
                 "langs": ["en"], "createdAt": iso(t)}
            have.append(p.write(p.shop, POST, p.new_rkey(p.shop, POST, t),
                                v, t))
        return have[:n]

    def customers(self, n):
        """Give the DIDs of n customer accounts, making the missing ones."""
        p = self.pds
        out = []
        for k in range(n):
            handle = "c%03d-%s.test" % (k + 1, HANDLE_WORDS[k %
                                                            len(HANDLE_WORDS)])
            did = p.resolve(handle)
            if did is None:
                name = NAMES[k % len(NAMES)]
                if not self.hostile and name is not None:
                    name = "Customer %d" % (k + 1)
                did = p.add_account(handle, None, name)
                if k % 3 == 0:
                    p.accounts[did]["avatar"] = (
                        "https://cdn.bsky.app/img/avatar/plain/%s/%s@jpeg"
                        % (did, make_cid(handle, 0x55)))
                    p.profiles.pop(did, None)
            out.append(did)
        return out

    def reply_refs(self, root):
        """Give the reply refs of a new reply under a shop post."""
        mine = self.replies.setdefault(root["uri"], [])
        root_ref = {"uri": root["uri"], "cid": root["cid"]}
        parent, depth = root_ref, 1
        deeper = [r for r in mine if r[2] < 3]
        if deeper and self.rng.random() < self.nested:
            u, c, d = self.rng.choice(deeper)
            parent, depth = {"uri": u, "cid": c}, d + 1
        return {"root": root_ref, "parent": parent}, depth

    def one(self, reason, author, posts, t, text=None, parent=None):
        """Write the record behind one notification at time t; text and
        parent (a record) replace the made-up ones."""
        p = self.pds
        rng = self.rng
        p.serial += 1
        created = iso(t - rng.randrange(0, 3000), micro=p.serial % 7 == 0)
        target = rng.choice(posts)
        ref = {"uri": target["uri"], "cid": target["cid"]}
        if reason in ("like", "repost"):
            coll = LIKE if reason == "like" else REPOST
            v = {"$type": coll, "subject": ref, "createdAt": created}
        elif reason == "follow":
            coll = FOLLOW
            v = {"$type": FOLLOW, "subject": p.shop, "createdAt": created}
        else:
            coll = POST
            if text is None:
                text, langs = seed_text(rng, p.serial, self.hostile)
                head, tail = text.rsplit(" (n", 1)[0] + " ", \
                    " (n%d)" % p.serial
            else:
                langs, head, tail = ["en"], text + " ", ""
            v = {"$type": POST, "text": text}
            if reason == "mention":
                at = "@" + p.accounts[p.shop]["handle"]
                v["text"] = head + at + tail
                start = len(head.encode("utf-8"))
                v["facets"] = [{
                    "index": {"byteStart": start,
                              "byteEnd": start + len(at.encode())},
                    "features": [{"$type": "app.bsky.richtext.facet#mention",
                                  "did": p.shop}]}]
            elif reason == "quote":
                v["embed"] = {"$type": "app.bsky.embed.record",
                              "record": ref}
            else:
                v["reply"], depth = self.reply_refs(target)
                if parent is not None:
                    v["reply"]["parent"] = {"uri": parent["uri"],
                                            "cid": parent["cid"]}
                if rng.random() < 0.05:
                    v["embed"] = {"$type": "app.bsky.embed.images",
                                  "images": [self.image(rng)]}
            v["langs"] = langs
            v["createdAt"] = created
        rec = p.write(author, coll, p.new_rkey(author, coll, t), v, t)
        if reason == "reply":
            self.replies[target["uri"]].append((rec["uri"], rec["cid"],
                                                depth))
        return rec

    def image(self, rng):
        """Give an image of an images embed, with hostile alt text."""
        return {"alt": rng.choice(HOSTILE + PLAIN) if self.hostile else
                "a photo",
                "image": {"$type": "blob", "ref": {"$link": make_cid(
                    rng.random(), 0x55)}, "mimeType": "image/jpeg",
                    "size": rng.randrange(10000, 900000)},
                "aspectRatio": {"width": 4, "height": 3}}

    def run(self, args):
        """Seed; give the summary."""
        p = self.pds
        count = int(args.get("count", 100))
        until = parse_when(args.get("until"), now_ms())
        since = parse_when(args.get("since"), until - 2 * 86400 * 1000)
        if count < 0 or since >= until:
            raise ValueError("need count >= 0 and since before until")
        posts = self.shop_posts(int(args.get("posts", 3)), since)
        for r in posts:
            self.replies.setdefault(r["uri"], [])
        custs = self.customers(max(1, int(args.get("customers", 40))))
        reasons = list(self.mix)
        weights = [float(self.mix[k]) for k in reasons]
        step = max(1, (until - since) // (count + 1))
        by_reason = {}
        for i in range(count):
            reason = self.rng.choices(reasons, weights)[0]
            author = custs[self.rng.randrange(len(custs))]
            self.one(reason, author, posts, since + (i + 1) * step)
            by_reason[reason] = by_reason.get(reason, 0) + 1
        return {"created": count, "by_reason": by_reason,
                "inbox": sum(by_reason.get(k, 0) for k in INBOX_REASONS),
                "posts": [r["uri"] for r in posts]}


class Api:
    """The XRPC methods: each takes (pds, req) and gives a JSON value."""

    def __init__(self, pds):
        self.pds = pds

    # Parameters and bodies.

    @staticmethod
    def param(req, name, default=None):
        v = req["query"].get(name)
        return v[0] if v else default

    @staticmethod
    def int_param(req, name, default, lo, hi):
        v = Api.param(req, name)
        if v is None:
            return default
        try:
            n = int(v)
        except ValueError:
            raise invalid("Invalid %s params: %s must be an integer" %
                          (req["nsid"], name))
        if n < lo:
            raise invalid("Invalid %s params: %s can not be less than %d" %
                          (req["nsid"], name, lo))
        if n > hi:
            raise invalid("Invalid %s params: %s can not be greater than %d"
                          % (req["nsid"], name, hi))
        return n

    @staticmethod
    def need(req, name):
        v = Api.param(req, name)
        if v is None:
            raise invalid('Error: Params must have the property "%s"' % name)
        return v

    @staticmethod
    def body(req):
        try:
            b = json.loads(req["body"].decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise invalid("Request body is not valid JSON")
        if not isinstance(b, dict):
            raise invalid("Input must be an object")
        return b

    @staticmethod
    def field(b, name, kind=str):
        if not isinstance(b.get(name), kind):
            raise invalid('Input must have the property "%s"' % name)
        return b[name]

    def cursor(self, req):
        c = self.param(req, "cursor")
        if c is None:
            return None
        ms = parse_iso(c)
        if ms is None:
            raise invalid("Malformed cursor")
        return ms

    # Sessions.

    def create_session(self, req):
        p = self.pds
        b = self.body(req)
        ident = self.field(b, "identifier")
        pw = self.field(b, "password")
        did = p.resolve(ident)
        if did is None:
            did = next((d for d, a in p.accounts.items()
                        if a["email"] == ident.lower()), None)
        if did is None or p.accounts[did]["password"] is None or \
                not hmac.compare_digest(pw.encode(),
                                        p.accounts[did]["password"].encode()):
            raise XrpcError(401, "AuthenticationRequired",
                            "Invalid identifier or password")
        return p.issue(did, req["service"], req["rec"])

    def refresh_session(self, req):
        p = self.pds
        tok = req["token"]
        if tok is None:
            raise XrpcError(401, "AuthMissing", "Authentication Required")
        r = p.refresh.get(tok)
        if r is None:
            raise XrpcError(400, "InvalidToken", "Token could not be verified")
        if r["revoked"]:
            raise XrpcError(400, "ExpiredToken", "Token has been revoked")
        if time.time() >= r["exp"]:
            raise XrpcError(400, "ExpiredToken", "Token has expired")
        r["revoked"] = True
        return p.issue(r["did"], req["service"], req["rec"])

    def get_session(self, req):
        p = self.pds
        did = p.auth(req["token"])
        a = p.accounts[did]
        return {"handle": a["handle"], "did": did, "email": a["email"],
                "emailConfirmed": False,
                "didDoc": p.did_doc(did, req["service"]), "active": True}

    def resolve_handle(self, req):
        did = self.pds.resolve(self.need(req, "handle"))
        if did is None:
            raise invalid("Unable to resolve handle")
        return {"did": did}

    # Reads.

    def list_notifications(self, req):
        p = self.pds
        did = p.auth(req["token"])
        if self.param(req, "seenAt") is not None:
            raise invalid("The seenAt parameter is unsupported")
        limit = self.int_param(req, "limit", 50, 1, 100)
        cur = self.cursor(req)
        reasons = req["query"].get("reasons")
        keys = p.note_keys.get(did, [])
        lst = p.notes.get(did, [])
        end = len(keys) if cur is None else bisect.bisect_left(keys, cur)
        page = lst[max(0, end - limit):end][::-1]
        seen = p.seen_at.get(did)
        notes = [p.notification_json(n, seen) for n in page
                 if (not reasons or n["reason"] in reasons) and
                 p.shown(n["rec"]["did"]) and
                 not p.blocked(did, n["rec"]["did"])]
        out = {}
        if len(page) == limit:
            out["cursor"] = iso(page[-1]["indexed"])
        out["priority"] = False
        if seen is not None:
            out["seenAt"] = iso(seen)
        elif lst:
            out["seenAt"] = iso(lst[-1]["indexed"])
        # The entries are encoded already: splice them in.
        return Encoded(b'{"notifications":[' + b",".join(notes) + b"]," +
                       encode(out)[1:])

    def update_seen(self, req):
        p = self.pds
        did = p.auth(req["token"])
        ms = parse_iso(self.field(self.body(req), "seenAt"))
        if ms is None:
            raise invalid("Input/seenAt must be an valid atproto datetime")
        p.seen_at[did] = ms
        return None

    def get_author_feed(self, req):
        p = self.pds
        viewer = p.auth(req["token"])
        did = p.resolve(self.need(req, "actor"))
        if did is None:
            raise invalid("Profile not found")
        limit = self.int_param(req, "limit", 50, 1, 100)
        cur = self.cursor(req)
        filt = self.param(req, "filter", "posts_with_replies")
        recs = sorted(p.repos[did].get(POST, {}).values(),
                      key=lambda r: r["indexed"], reverse=True)
        picked = []
        for r in recs:
            if cur is not None and r["indexed"] >= cur:
                continue
            reply = r["value"].get("reply")
            if filt == "posts_no_replies" and reply:
                continue
            if filt == "posts_with_media" and not r["value"].get("embed"):
                continue
            if filt == "posts_and_author_threads" and reply:
                root = split_uri(ref_uri(reply, "root") or "")
                if not root or p.resolve(root[0]) != did:
                    continue
            picked.append(r)
            if len(picked) == limit:
                break
        feed = []
        for r in picked:
            item = {"post": p.post_view(r, viewer)}
            reply = r["value"].get("reply")
            if reply:
                item["reply"] = {k: self.ref_view(ref_uri(reply, k), viewer)
                                 for k in ("root", "parent")}
            feed.append(item)
        out = {"feed": feed}
        if len(picked) == limit:
            out["cursor"] = iso(picked[-1]["indexed"])
        return out

    def ref_view(self, uri, viewer):
        rec = self.pds.posts.get(uri or "")
        if rec is None:
            return {"$type": NOT_FOUND, "uri": uri or "", "notFound": True}
        v = {"$type": "app.bsky.feed.defs#postView"}
        v.update(self.pds.post_view(rec, viewer))
        return v

    def get_post_thread(self, req):
        p = self.pds
        viewer = p.auth(req["token"])
        uri = self.need(req, "uri")
        if split_uri(uri) is None:
            raise invalid('Invalid %s params: Invalid at-uri (got "%s")'
                          % (req["nsid"], uri))
        depth = self.int_param(req, "depth", 6, 0, 1000)
        height = self.int_param(req, "parentHeight", 80, 0, 1000)
        rec = p.find(uri)
        if rec is None or rec["collection"] != POST or \
                not p.shown(rec["did"]):
            raise XrpcError(400, "NotFound", "Post not found: " + uri)
        if p.blocked(viewer, rec["did"]):
            return {"thread": p.blocked_post(rec["uri"], rec["did"],
                                             viewer)}
        parent = p.parent_json(rec, min(height, MAX_DEPTH), viewer)
        return Encoded(b'{"thread":' + p.thread_json(
            rec["uri"], min(depth, MAX_DEPTH), viewer, parent) + b"}")

    def get_posts(self, req):
        p = self.pds
        viewer = p.auth(req["token"])
        uris = req["query"].get("uris") or []
        if len(uris) > 25:
            raise invalid("Invalid %s params: uris must not have more than "
                          "25 elements" % req["nsid"])
        # As the reference AppView: each uri once; a post it has no view
        # of (deleted, taken down, its author not shown) or with a block
        # between its author and the viewer is left out, saying nothing.
        views = [p.post_json(p.posts[u], viewer)
                 for u in dict.fromkeys(uris) if p.can_see(viewer, u)]
        return Encoded(b'{"posts":[' + b",".join(views) + b"]}")

    def get_profiles(self, req):
        p = self.pds
        viewer = p.auth(req["token"])
        actors = req["query"].get("actors") or []
        if not actors:
            raise invalid('Error: Params must have the property "actors"')
        if len(actors) > 25:
            raise invalid("Invalid %s params: actors must not have more "
                          "than 25 elements" % req["nsid"])
        # Blocked accounts are listed (viewer.blocking, .blockedBy);
        # deactivated, suspended and taken-down ones are left out.
        out = []
        for a in dict.fromkeys(actors):
            did = p.resolve(a)
            if did is not None and p.shown(did):
                out.append(p.profile_as(did, viewer))
        return {"profiles": out}

    # Writes.

    def repo_of(self, b, did):
        repo = self.field(b, "repo")
        owner = self.pds.resolve(repo)
        if owner is None:
            raise invalid("Could not find repo: " + repo)
        if owner != did:
            raise XrpcError(401, "AuthenticationRequired",
                            "Authentication Required")
        return owner

    def write_args(self, b):
        coll = self.field(b, "collection")
        if not NSID_RE.match(coll):
            raise invalid("Invalid collection: " + coll)
        rkey = b.get("rkey")
        if rkey is not None and (not isinstance(rkey, str) or
                                 not RKEY_RE.match(rkey) or
                                 rkey in (".", "..")):
            raise invalid("Invalid record key: %r" % (rkey,))
        record = b.get("record")
        if not isinstance(record, dict):
            raise invalid('Input must have the property "record"')
        return coll, rkey, record

    def put_record(self, req):
        p = self.pds
        did = p.auth(req["token"])
        b = self.body(req)
        did = self.repo_of(b, did)
        coll, rkey, record = self.write_args(b)
        if rkey is None:
            raise invalid('Input must have the property "rkey"')
        status = check_record(coll, record)
        old = p.repos[did].get(coll, {}).get(rkey)
        if "swapRecord" in b:
            want = b["swapRecord"]
            have = old["cid"] if old else None
            if want != have:
                raise XrpcError(400, "InvalidSwap", "Record was at %s" %
                                (have if have else "null"))
        rec = p.write(did, coll, rkey, record)
        return {"uri": rec["uri"], "cid": rec["cid"],
                "commit": p.commit(record), "validationStatus": status}

    def create_record(self, req):
        p = self.pds
        did = p.auth(req["token"])
        b = self.body(req)
        did = self.repo_of(b, did)
        coll, rkey, record = self.write_args(b)
        status = check_record(coll, record)
        if rkey is None:
            rkey = p.new_rkey(did, coll, now_ms())
        elif rkey in p.repos[did].get(coll, {}):
            # The reference PDS's MST throws an untyped error here.
            raise XrpcError(500, "InternalServerError",
                            "Internal Server Error")
        rec = p.write(did, coll, rkey, record)
        return {"uri": rec["uri"], "cid": rec["cid"],
                "commit": p.commit(record), "validationStatus": status}

    def delete_record(self, req):
        p = self.pds
        did = p.auth(req["token"])
        b = self.body(req)
        did = self.repo_of(b, did)
        coll = self.field(b, "collection")
        rkey = self.field(b, "rkey")
        old = p.repos[did].get(coll, {}).get(rkey)
        if isinstance(b.get("swapRecord"), str) and \
                (old is None or old["cid"] != b["swapRecord"]):
            raise XrpcError(400, "InvalidSwap", "Record was at %s" %
                            (old["cid"] if old else "null"))
        if old is None:
            return None
        p.delete(old)
        return {"commit": p.commit({"deleted": old["uri"]})}

    def get_record(self, req):
        p = self.pds
        repo = self.need(req, "repo")
        coll = self.need(req, "collection")
        rkey = self.need(req, "rkey")
        did = p.resolve(repo)
        if did is None or not p.shown(did):
            # The PDS hands it to the AppView, which cannot show it.
            raise invalid("Could not find repo: " + repo)
        uri = "at://%s/%s/%s" % (did or repo, coll, rkey)
        rec = p.repos.get(did, {}).get(coll, {}).get(rkey) if did else None
        want = self.param(req, "cid")
        if rec is None or (want is not None and want != rec["cid"]):
            raise XrpcError(400, "RecordNotFound",
                            "Could not locate record: " + uri)
        return {"uri": rec["uri"], "cid": rec["cid"], "value": rec["value"]}


def check_record(coll, v):
    """Check a record as the lexicons would; give its validationStatus."""
    def bad(why):
        return invalid("Invalid %s record: %s" % (coll, why))

    def need(key):
        if key not in v:
            raise bad('Missing required key "%s" at $.record' % key)

    def when(key):
        need(key)
        if parse_iso(v[key]) is None:
            raise bad("Record/%s must be an valid atproto datetime (both "
                      "RFC-3339 and ISO-8601)" % key)

    def strong(obj, path):
        if not isinstance(obj, dict) or not isinstance(obj.get("uri"), str) \
                or not isinstance(obj.get("cid"), str):
            raise bad("%s must be a strong reference {uri, cid}" % path)
        if split_uri(obj["uri"]) is None:
            raise bad("%s/uri must be a valid at-uri" % path)
        if not CID_RE.match(obj["cid"]):
            raise bad("%s/cid must be a cid string" % path)

    t = v.get("$type")
    if t is not None and t != coll:
        raise invalid("Invalid $type: expected %s, got %s" % (coll, t))
    if coll == POST:
        need("text")
        if not isinstance(v["text"], str):
            raise bad("Record/text must be a string")
        if len(v["text"].encode("utf-8", "surrogatepass")) > 3000:
            raise bad("Record/text must not be longer than 3000 characters")
        if graphemes(v["text"]) > 300:
            raise bad("Record/text must not be longer than 300 graphemes")
        when("createdAt")
        if "reply" in v:
            r = v["reply"]
            if not isinstance(r, dict):
                raise bad("Record/reply must be an object")
            strong(r.get("root"), "Record/reply/root")
            strong(r.get("parent"), "Record/reply/parent")
        langs = v.get("langs")
        if langs is not None and (not isinstance(langs, list) or
                                  len(langs) > 3):
            raise bad("Record/langs must not have more than 3 elements")
        return "valid"
    if coll in (LIKE, REPOST):
        strong(v.get("subject"), "Record/subject")
        when("createdAt")
        return "valid"
    if coll in (FOLLOW, BLOCK):
        if not isinstance(v.get("subject"), str) or \
                not v["subject"].startswith("did:"):
            raise bad("Record/subject must be a valid did")
        when("createdAt")
        return "valid"
    return "unknown"


# XRPC methods: name -> (HTTP verb, handler name).
METHODS = {
    "com.atproto.server.createSession": ("POST", "create_session"),
    "com.atproto.server.refreshSession": ("POST", "refresh_session"),
    "com.atproto.server.getSession": ("GET", "get_session"),
    "com.atproto.identity.resolveHandle": ("GET", "resolve_handle"),
    "app.bsky.notification.listNotifications": ("GET",
                                                "list_notifications"),
    "app.bsky.notification.updateSeen": ("POST", "update_seen"),
    "app.bsky.feed.getAuthorFeed": ("GET", "get_author_feed"),
    "app.bsky.feed.getPostThread": ("GET", "get_post_thread"),
    "app.bsky.feed.getPosts": ("GET", "get_posts"),
    "app.bsky.actor.getProfiles": ("GET", "get_profiles"),
    "com.atproto.repo.putRecord": ("POST", "put_record"),
    "com.atproto.repo.createRecord": ("POST", "create_record"),
    "com.atproto.repo.deleteRecord": ("POST", "delete_record"),
    "com.atproto.repo.getRecord": ("GET", "get_record"),
}

PDS = None
API = None
PROXY_PAGE = ("<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n"
              "<center><h1>%d %s</h1></center>\r\n<hr><center>nginx</center>"
              "\r\n</body>\r\n</html>\r\n")


class Encoded:
    """A JSON answer encoded already."""

    def __init__(self, data):
        self.data = data


def encode(obj):
    """Encode a JSON answer as Express does: compact UTF-8."""
    if isinstance(obj, Encoded):
        return obj.data
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: escape it, as JS does
        return json.dumps(obj, separators=(",", ":")).encode()


def corrupt_utf8(data):
    """Put invalid UTF-8 into the first "text" string of a JSON body."""
    bad = b"\xff\xfe bad \xc3\x28 \xed\xa0\x80 \xc0\xaf"
    i = data.find(b'"text":"')
    if i >= 0:
        i += len(b'"text":"')
    else:
        i = data.find(b'":"')
        i = i + 3 if i >= 0 else 0
    return data[:i] + bad + data[i:]


class Handler(server.PlatformHandler):
    """The PDS over HTTP: XRPC methods and their faults."""
    log_name = "fake-bsky"
    # As Node's HTTP server does (noDelay): an answer's headers and body go
    # out at once, not held back for a delayed ACK.
    nodelay = True
    lead_headers = (("X-Powered-By", "Express"),
                    ("Access-Control-Allow-Origin", "*"))
    trail_headers = (("Keep-Alive", "timeout=90"),)
    proxy_page = PROXY_PAGE

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = \
        server.PlatformHandler.do_any

    def route(self, url, body):
        if url.path.startswith("/xrpc/"):
            self.xrpc(url.path[6:], body)
        else:
            self.send(404, b"not found\n", [], "text/plain")

    def etag(self, data):
        """A weak ETag as Express makes it: length and a hash."""
        tag = b64url(hashlib.sha1(data).digest())[:27]
        return 'W/"%x-%s"' % (len(data), tag)

    def corrupt(self, data):
        return corrupt_utf8(data)

    # --- XRPC --------------------------------------------------------

    def service_url(self):
        scheme = "https" if self.server.ssl_ctx is not None else "http"
        host = self.headers.get("Host") or "127.0.0.1:%d" % \
            self.server.server_address[1]
        return "%s://%s" % (scheme, host)

    def xrpc(self, nsid, body):
        m = re.match(r"(?i)^Bearer +(\S+) *$",
                     self.headers.get("Authorization") or "")
        token = m.group(1) if m else None
        self.sent = 0
        rec = {"t": time.time(), "t_end": None, "verb": self.command,
               "path": self.path, "nsid": nsid, "query": self.q,
               "auth": None, "status": None, "fault": None,
               "body": body[:2000].decode("utf-8", "replace"),
               "sent": 0, "issued": None,
               "tls": self.server.ssl_ctx is not None}
        with PDS.lock:
            PDS.log_n += 1
            rec["n"] = PDS.log_n
            PDS.log.append(rec)
            rec["auth"] = PDS.token_kind(token)
            fault = PDS.take_fault(nsid)
            rec["fault"] = fault["kind"] if fault else None
        try:
            self.xrpc_answer(nsid, body, token, rec, fault)
        finally:
            rec["sent"] = self.sent
            rec["t_end"] = time.time()

    def xrpc_answer(self, nsid, body, token, rec, fault):
        kind = fault["kind"] if fault else None
        if kind == "slow" and fault.get("when") == "before":
            time.sleep(float(fault.get("seconds", 5)))
        with PDS.lock:
            rl, wait = PDS.rate(nsid)
        if kind == "status":
            if fault.get("apply"):
                rec["applied_status"], _ = self.call(nsid, body, token, rec)
                rec["applied"] = time.time()
            return self.fault_status(fault, rl, rec)
        if kind == "ratelimit":
            secs = int(fault.get("seconds", 1))
            reset = int(time.time()) + secs
            rl = [(k, "0" if k == "RateLimit-Remaining" else
                   str(reset) if k == "RateLimit-Reset" else v)
                  for k, v in rl]
            wait = secs
        headers = list(rl) + [
            ("Access-Control-Expose-Headers", "RateLimit-Limit, "
             "RateLimit-Reset, RateLimit-Remaining, RateLimit-Policy")]
        if wait and kind == "ratelimit" and \
                fault.get("retry_after", True) is False:
            status, obj = 429, {"error": "RateLimitExceeded",
                                "message": "Rate Limit Exceeded"}
        elif wait:
            headers += [("Access-Control-Expose-Headers", "Retry-After"),
                        ("Retry-After", str(wait))]
            status, obj = 429, {"error": "RateLimitExceeded",
                                "message": "Rate Limit Exceeded"}
        elif kind == "empty_same" and nsid in EMPTY_LISTS:
            cur = (self.q.get("cursor") or [None])[0] or iso(now_ms() + 1000)
            status, obj = 200, {EMPTY_LISTS[nsid]: [], "cursor": cur}
        else:
            if kind == "expire" and token in PDS.access:
                PDS.access[token]["expired"] = True
            status, obj = self.call(nsid, body, token, rec)
        if token is not None:
            headers = [("Cache-Control", "private"),
                       ("Vary", "Authorization, Accept-Encoding")] + headers
        else:
            headers.append(("Vary", "Accept-Encoding"))
        rec["status"] = status
        data = encode(obj) if obj is not None else b""
        self.deliver(status, data, headers, fault)

    def call(self, nsid, body, token, rec):
        """Carry out an XRPC method; give (status, JSON value or None)."""
        entry = METHODS.get(nsid)
        if entry is None:
            return 501, {"error": "MethodNotImplemented",
                         "message": "Method Not Implemented"}
        verb, name = entry
        if self.command != verb:
            return 400, {"error": "InvalidRequest",
                         "message": "Incorrect HTTP method (%s) expected %s"
                         % (self.command, verb)}
        req = {"nsid": nsid, "query": self.q, "body": body, "token": token,
               "service": self.service_url(), "rec": rec}
        with PDS.lock:
            try:
                return 200, getattr(API, name)(req)
            except XrpcError as e:
                return e.status, e.body()

    def fault_status(self, fault, rl, rec):
        status = int(fault.get("status", 500))
        extra = []
        if fault.get("retry_after") is not None:
            extra.append(("Retry-After", str(fault["retry_after"])))
        rec["status"] = status
        if status == 500:
            data = encode({"error": "InternalServerError",
                           "message": "Internal Server Error"})
            return self.send(status, data, list(rl) + extra,
                             "application/json; charset=utf-8")
        return self.send_proxy_page(status, extra)

    # --- control -----------------------------------------------------

    def control_answer(self, args):
        with PDS.lock:
            return control_op(args)

    def encode_control(self, obj):
        return encode(obj)

    def state(self, url):
        with PDS.lock:
            out = state_of(self.q)
        self.send(200, encode(out), [], "application/json")


def control_op(a):
    """Carry out one control op; give its JSON answer."""
    p = PDS
    op = a.get("op")
    out = {"ok": True}
    if op == "seed":
        out.update(Seeder(p, a).run(a))
    elif op == "add":
        out.update(add_one(a))
    elif op == "post":
        t = p.clock()
        v = {"$type": POST, "text": str(a.get("text", "A new post")),
             "langs": ["en"], "createdAt": iso(t)}
        rec = p.write(p.shop, POST, p.new_rkey(p.shop, POST, t), v, t)
        out.update(uri=rec["uri"], cid=rec["cid"])
    elif op == "delete":
        rec = p.find(a["uri"])
        if rec is None:
            raise ValueError("no record at %s" % a["uri"])
        p.delete(rec)
    elif op in ("block", "unblock"):
        out.update(block_op(a))
    elif op == "status":
        who = p.resolve(a.get("who"))
        if who is None or who == p.shop:
            raise ValueError("no customer %r" % (a.get("who"),))
        if a.get("status", "active") == "active":
            p.status.pop(who, None)
        elif a["status"] in ("deactivated", "suspended", "takendown"):
            p.status[who] = a["status"]
        else:
            raise ValueError("status must be active, deactivated, "
                             "suspended or takendown")
        p.post_cache.clear()
    elif op == "like":
        rec = p.find(a.get("uri", ""))
        if rec is None or rec["collection"] != POST:
            raise ValueError("no post at %s" % a.get("uri"))
        t = p.clock()
        v = {"$type": LIKE, "subject": {"uri": rec["uri"],
                                        "cid": rec["cid"]},
             "createdAt": iso(t)}
        like = p.write(p.shop, LIKE, p.new_rkey(p.shop, LIKE, t), v, t)
        out.update(uri=like["uri"])
    elif op == "fault":
        kinds = ("status", "ratelimit", "expire", "malformed", "bad_utf8",
                 "oversized", "slow", "reset", "drop", "empty_same")
        if a.get("kind") not in kinds:
            raise ValueError("kind must be one of " + ", ".join(kinds))
        f = dict(a)
        del f["op"]
        f.setdefault("method", "*")
        f["count"] = int(f.get("count", 1))
        f["after"] = int(f.get("after", 0))
        p.faults.append(f)
        out["faults"] = len(p.faults)
    elif op == "clear_faults":
        p.faults.clear()
    elif op == "expire":
        what = a.get("what", "access")
        if what in ("access", "all"):
            for t in p.access.values():
                t["expired"] = True
        if what in ("refresh", "all"):
            for t in p.refresh.values():
                t["revoked"] = True
    elif op == "limits":
        p.limits = Bucket(int(a.get("limit", 3000)),
                          int(a.get("window", 300)))
        p.login_limits = Bucket(int(a.get("login_limit", 30)),
                                int(a.get("login_window", 300)))
    elif op == "config":
        if "access_ttl" in a:
            p.access_ttl = float(a["access_ttl"])
        if "password" in a:
            p.accounts[p.shop]["password"] = a["password"]
        if "service" in a:
            p.service = a["service"]
    elif op == "clear_log":
        p.log.clear()
    else:
        raise ValueError("unknown op %r" % (op,))
    return out


def block_op(a):
    """Block or unblock (control ops "block", "unblock"): "by" the shop
    (default) or by the customer "who"; the block is a record in the
    blocker's repository, as on Bluesky."""
    p = PDS
    who = p.resolve(a.get("who"))
    if who is None or who == p.shop:
        raise ValueError("no customer %r" % (a.get("who"),))
    by = a.get("by", "shop")
    if by not in ("shop", "them"):
        raise ValueError('by must be "shop" or "them"')
    blocker, subject = (p.shop, who) if by == "shop" else (who, p.shop)
    uri = p.blocks.get((blocker, subject))
    if a["op"] == "unblock":
        if uri is not None:
            p.delete(p.find(uri))
        return {"uri": uri}
    if uri is None:
        t = p.clock()
        v = {"$type": BLOCK, "subject": subject, "createdAt": iso(t)}
        uri = p.write(blocker, BLOCK, p.new_rkey(blocker, BLOCK, t), v,
                      t)["uri"]
    return {"uri": uri}


def add_one(a):
    """Make one notification for the shop now (control op "add")."""
    p = PDS
    reason = a.get("reason", "reply")
    seeder = Seeder(p, {"hostile": False, "mix": {reason: 1}})
    author = p.resolve(a["author"]) if a.get("author") else None
    if author is None:
        author = seeder.customers(1)[0]
    posts = seeder.shop_posts(1, now_ms() - 86400 * 1000)
    if a.get("root"):
        root = p.find(a["root"])
        if root is None:
            raise ValueError("no post at %s" % a["root"])
        posts = [root]
    parent = None
    if a.get("parent"):
        parent = p.find(a["parent"])
        if parent is None:
            raise ValueError("no post at %s" % a["parent"])
    seeder.replies[posts[0]["uri"]] = []
    t = p.clock()
    p.times.discard(t)
    rec = seeder.one(reason, author, posts, t, a.get("text"), parent)
    return {"uri": rec["uri"], "cid": rec["cid"],
            "indexedAt": iso(rec["indexed"]), "reason": reason}


def state_of(q):
    """Give what GET /_state shows."""
    p = PDS

    def arg(name, default=None):
        v = q.get(name)
        return v[0] if v else default
    out = {"shop": {"did": p.shop, "handle": p.accounts[p.shop]["handle"]}}
    if arg("records", "1") != "0":
        repo = arg("repo")
        dids = [p.resolve(repo)] if repo else list(p.repos)
        coll = arg("collection")
        recs = []
        for did in dids:
            for c, rs in p.repos.get(did, {}).items():
                if coll is None or c == coll:
                    recs.extend(rs.values())
        recs.sort(key=lambda r: r["indexed"])
        out["records"] = [{"uri": r["uri"], "cid": r["cid"],
                           "value": r["value"],
                           "indexedAt": iso(r["indexed"])} for r in recs]
    counts = {}
    for n in p.notes.get(p.shop, []):
        counts[n["reason"]] = counts.get(n["reason"], 0) + 1
    out["notifications"] = counts
    out["notified"] = sorted(set(n["uri"] for n in p.notes.get(p.shop, [])
                                 if n["reason"] in INBOX_REASONS))
    out["faults"] = p.faults
    out["limits"] = {"limit": p.limits.limit, "window": p.limits.window,
                     "login_limit": p.login_limits.limit,
                     "login_window": p.login_limits.window}
    if arg("log", "1") != "0":
        start = int(arg("log_from", "0"))
        out["log"] = [dict(r) for r in p.log if r["n"] >= start]
    out["log_next"] = p.log_n + 1
    return out


def main():
    global PDS, API
    ap = argparse.ArgumentParser()
    ap.add_argument("--password", default="abcd-efgh-ijkl-mnop")
    ap.add_argument("--handle", default="acmeshop.test")
    ap.add_argument("--access-ttl", type=float, default=7200)
    ap.add_argument("--seed", type=int, default=0,
                    help="seed this many notifications at start")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    a = ap.parse_args()
    sys.setrecursionlimit(10000)
    PDS = Pds(a.handle, a.password, a.access_ttl)
    API = Api(PDS)
    if a.seed > 0:
        Seeder(PDS, {}).run({"count": a.seed})
    server.serve(Handler, a.cert, a.key)


if __name__ == "__main__":
    main()
