#!/usr/bin/env python3
"""The chaos run: heed sync against the fake Graph API and the fake
Bluesky PDS (tests/fake/) on loopback, with faults chosen at random, while
replies, likes and hides are queued from a script; then a look at what
came of it, on the fakes and in the cache.

    python3 tests/chaos/chaos.py --heed build/heed [--runs N] [--seed S]
        [--jobs J] [--keep]

Each run has a seed, from which everything it does is chosen: the fakes'
comments, what is queued and when, the faults, how many heed processes
run and which is killed with SIGKILL. With --seed S only that run is
made, and it says what it does step by step (replay). Without it, the
runs take the seeds BASE+0 .. BASE+N-1 (BASE from the clock, printed).

A run:

 1. starts both fakes, seeds a few comments (a Facebook Page and the
    Instagram account linked to it, a Bluesky account), and runs heed
    sync once with no fault, so that the cache knows them;
 2. plans actions: replies to distinct comments with unique texts on all
    three accounts, likes (Facebook, Bluesky) and hides (Facebook,
    Instagram); each is queued (a row in heed's outbox, written as
    store_outbox_add writes it) before or during one of the phases;
 3. runs one to three phases: faults are set on the fakes, then one heed
    sync, or two at once on the same cache, runs; sometimes one of them is
    killed (kill -9, by its pid) at a random moment;
 4. settles: the faults are cleared and heed sync is run again (waiting
    for the outbox's next attempt in between) until the outbox holds
    nothing queued, sending or checking; a run that does not settle
    within SETTLE_SECS is a counterexample;
 5. checks, on the fakes: every queued reply exists exactly once, under
    the comment it answers, and was carried out by exactly one write (the
    fakes' request logs); every like and hide is in effect (and a
    Bluesky like exists once); in the cache: every comment the fakes have
    is there once, on its own post and under its own parent, and none of
    them is marked deleted; nothing in the cache claims a comment the
    fakes do not have; the outbox holds only sent entries, each with the
    id of what the platform made.

The faults keep within what heed(1) SENDING ONCE promises, so that any
duplicate is heed's fault: heed looks for a reply at each of check_delays
after its answer was lost, so a write the platform carries out late lands
before the last of them: within request_timeout and the last delay after
it came, or the last delay alone in a phase where a heed is killed (its
answer is lost when it dies, which may be as soon as it was sent). Every
fault is transient: nothing is refused for good, so a failed entry is a
counterexample too.

The summary line is "N runs, N replies, L lost, D duplicated"; the lines
after it count the other counterexamples. The exit status is 1 when any
run found one.
"""

import argparse
import concurrent.futures
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
FAKES = os.path.join(ROOT, "tests", "fake")

PAGE_TOKEN = "EAAPAGE-acme-0001"
BSKY_PW = "chs1-chs2-chs3-chs4"
IG_ID = "17841400000000001"
# Seconds a heed sync may take: it stays for a look or a rate limit due
# within two minutes (SYNC_ONESHOT_WAIT_MS), and a refusal for Meta's
# limits holds the account a minute at least (graph_pace).
SYNC_LIMIT = 200
SETTLE_SECS = 150               # the final phase gives up after this
SETTLE_RUNS = 20                # heed sync runs at most in the final phase

# heed's outbox: kinds (enum action_kind) and states (enum outbox_state).
REPLY, LIKE, HIDE, PRIVATE = 0, 1, 3, 6
QUEUED, SENDING, SENT, FAILED, CHECKING = 0, 1, 2, 3, 4
STATE_NAMES = {0: "queued", 1: "sending", 2: "sent", 3: "failed",
               4: "checking"}
KIND_NAMES = {REPLY: "reply", LIKE: "like", HIDE: "hide",
              PRIVATE: "private reply"}

# The requests a fault may aim at, by fake: (name, method, path or nsid).
GRAPH_WRITES = [
    ("facebook reply", "POST", r"^/[0-9_]+/comments$"),
    ("instagram reply", "POST", r"^/[0-9]+/replies$"),
    ("facebook like", "POST", r"/likes$"),
    ("private reply", "POST", r"/messages$"),
    ("hide", "POST", r"^/[0-9_]+$"),
]
GRAPH_READS = [
    ("comment list", "GET", r"/comments$"),
    ("reply list", "GET", r"/replies$"),
    ("feed", "GET", r"/(feed|published_posts)$"),
    ("media list", "GET", r"/media$"),
    ("one object", "GET", r"^/[0-9_]+$"),
    ("anything", "*", "*"),
]
BSKY_WRITES = [("putRecord", "com.atproto.repo.putRecord")]
BSKY_READS = [
    ("getRecord", "com.atproto.repo.getRecord"),
    ("getPosts", "app.bsky.feed.getPosts"),
    ("listNotifications", "app.bsky.notification.listNotifications"),
    ("getPostThread", "app.bsky.feed.getPostThread"),
    ("createSession", "com.atproto.server.createSession"),
    ("anything", "*"),
]

# How long before heed's last look a late write lands at the latest: heed
# counts in whole seconds, so a look may come up to a second sooner than
# the loss and the delay add up to.
LATE_MARGIN = 1.2

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def same_parent(have, want):
    """Whether a parent is the one expected (or one of a tuple of them)."""
    return have in want if isinstance(want, tuple) else have == want


class HarnessError(Exception):
    """Something the harness itself could not do (not heed's fault)."""


# --- the fakes -------------------------------------------------------

class Fake:
    """One fake server (graph.py or bsky.py) in a process of its own; it
    ends when its standard input closes."""

    def __init__(self, script, args, errfile):
        self.err = open(errfile, "w")
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(FAKES, script)] + args,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err)
        line = self.proc.stdout.readline().decode()
        if not line.startswith("http="):
            self.stop()
            raise HarnessError("%s did not start (see %s)" %
                               (script, errfile))
        self.url = "http://127.0.0.1:%d" % int(line.split()[0][5:])

    def ctl(self, op):
        """POST a control op; give its answer."""
        req = urllib.request.Request(
            self.url + "/_control", data=json.dumps(op).encode(),
            headers={"Content-Type": "application/json"})
        try:
            with OPENER.open(req, timeout=30) as r:
                out = json.loads(r.read())
        except urllib.error.HTTPError as e:
            raise HarnessError("control op %s: %s" % (op, e.read()[:300]))
        if not out.get("ok"):
            raise HarnessError("control op %s: %s" % (op, out))
        return out

    def state(self, query=""):
        """GET /_state?query."""
        with OPENER.open(self.url + "/_state?" + query, timeout=30) as r:
            return json.loads(r.read())

    def stop(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.err.close()


# --- a run -----------------------------------------------------------

class Run:
    """One randomized run, chosen from its seed."""

    def __init__(self, heed, seed, base_dir, say=None, keep=False):
        self.heed = heed
        self.seed = seed
        self.rng = random.Random(seed)
        self.say = say or (lambda msg: None)
        self.keep = keep
        self.dir = tempfile.mkdtemp(prefix="run-%d-" % seed, dir=base_dir)
        self.db = os.path.join(self.dir, "cache.db")
        self.conf = os.path.join(self.dir, "heed.conf")
        self.problems = []      # (category, text)
        self.replies = 0
        self.lost = 0
        self.duplicated = 0
        self.repeated = 0       # likes and hides carried out again
        self.actions = []       # dicts: kind, platform, target, text...
        self.late = False       # whether a write may land late
        self.late_max = 0.0     # how late, at most, after it came
        self.removed = set()    # what customers deleted at the fakes
        self.last_start = 0     # when the last heed sync started
        self.procs = {}
        self.t0 = time.time()
        self.graph = self.bsky = None

    def problem(self, cat, text):
        text = " | ".join(l for l in text.splitlines() if l.strip())
        self.problems.append((cat, text))
        self.say("  COUNTEREXAMPLE (%s): %s" % (cat, text))

    def stamp(self):
        return "%6.2fs" % (time.time() - self.t0)

    # --- setting up --------------------------------------------------

    def start(self):
        rng = self.rng
        self.graph = Fake("graph.py", [], os.path.join(self.dir,
                                                       "graph.err"))
        self.bsky = Fake("bsky.py", ["--password", BSKY_PW],
                         os.path.join(self.dir, "bsky.err"))
        g = {"op": "seed", "posts": rng.randint(1, 2), "media": 1,
             "tags": 0, "comments": rng.randint(4, 8), "replies": 0.3,
             "visitor_posts": rng.randint(0, 1),
             "ig_comments": rng.randint(3, 6), "ig_replies": 0.3,
             "page_replies": rng.choice([0, 0.2]), "customers": 8,
             "hostile": False, "seed": rng.randint(1, 10 ** 6)}
        self.graph.ctl(g)
        b = {"op": "seed", "count": rng.randint(4, 8),
             "posts": rng.randint(1, 2), "customers": 6,
             "mix": {"reply": 70, "mention": 15, "quote": 15},
             "nested": 0.25, "hostile": False,
             "seed": rng.randint(1, 10 ** 6)}
        self.bsky.ctl(b)
        self.delays = rng.choice([[1, 3], [0, 2, 4], [2, 4], [1, 2, 3],
                                  [0, 3], [3], [0, 1, 2, 5]])
        self.timeout = rng.choice([1, 2, 2, 3])
        self.recheck = rng.choice(["0", "1h"])
        # Facebook's refusal of the same words twice within a minute
        # (506) stops a second copy at the platform: usually off, so that
        # a copy heed sends twice is there to be counted.
        self.dup_check = rng.random() < 0.25
        self.graph.ctl({"op": "config", "duplicate_check": self.dup_check})
        self.say("%s fakes: graph %s (%d comments, %d Instagram comments%s), "
                 "bsky %s (%d notifications); request_timeout %ds, "
                 "check_delays %s, recheck_interval %s" % (
                     self.stamp(), self.graph.url, g["comments"],
                     g["ig_comments"], ", 506 for a repeated reply"
                     if self.dup_check else "", self.bsky.url, b["count"],
                     self.timeout, " ".join("%ds" % d for d in self.delays),
                     self.recheck))
        old = os.umask(0o077)
        try:
            with open(self.conf, "w") as f:
                f.write(
                    "request_timeout = %ds\n"
                    "check_delays = %s\n\n"
                    "[account fb]\nplatform = facebook\nurl = %s\n"
                    "credential_command = printf '%%s\\n' %s\n"
                    "recheck_interval = %s\n\n"
                    "[account ig]\nplatform = instagram\nurl = %s\n"
                    "facebook_account = fb\nrecheck_interval = %s\n\n"
                    "[account bs]\nplatform = bluesky\n"
                    "handle = acmeshop.test\nurl = %s\n"
                    "credential_command = printf '%%s\\n' %s\n"
                    "recheck_interval = %s\n" % (
                        self.timeout,
                        " ".join("%ds" % d for d in self.delays),
                        self.graph.url, PAGE_TOKEN, self.recheck,
                        self.graph.url, self.recheck, self.bsky.url,
                        BSKY_PW, self.recheck))
        finally:
            os.umask(old)
        self.env = dict(os.environ)
        for k in ("NO_COLOR", "http_proxy", "https_proxy", "HTTP_PROXY",
                  "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
            self.env.pop(k, None)
        for k, d in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"),
                     ("XDG_CACHE_HOME", "cache"), ("TMPDIR", "tmp")):
            path = os.path.join(self.dir, d)
            os.makedirs(path, mode=0o700, exist_ok=True)
            self.env[k] = path
        self.env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8",
                        no_proxy="127.0.0.1,localhost",
                        NO_PROXY="127.0.0.1,localhost")

    def stop(self):
        for p in list(self.procs.values()):
            if p.poll() is None:
                os.kill(p.pid, signal.SIGKILL)
                p.wait()
        for f in (self.graph, self.bsky):
            if f is not None:
                f.stop()
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)

    # --- heed --------------------------------------------------------

    def heed_start(self, name):
        """Start heed sync as process name; its output goes to files."""
        out = open(os.path.join(self.dir, "%s.out" % name), "w")
        # A crash leaves its core in the run's directory (KEEP=1 keeps it).
        p = subprocess.Popen(
            [self.heed, "--config", self.conf, "--cache", self.db, "sync"],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            env=self.env, cwd=self.dir, preexec_fn=lambda: resource.setrlimit(
                resource.RLIMIT_CORE, (resource.RLIM_INFINITY,
                                       resource.RLIM_INFINITY)))
        out.close()
        p.name = name
        p.started = time.time()
        p.killed = False
        self.procs[name] = p
        self.say("%s heed sync %s started (pid %d)" % (self.stamp(), name,
                                                       p.pid))
        return p

    def heed_output(self, name):
        with open(os.path.join(self.dir, "%s.out" % name),
                  errors="replace") as f:
            return f.read()

    def heed_wait(self, p):
        """Wait for a heed process; its exit status, None if it hung."""
        left = p.started + SYNC_LIMIT - time.time()
        try:
            rc = p.wait(max(left, 0.1))
        except subprocess.TimeoutExpired:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            self.problem("hang", "heed sync %s still ran after %d s; "
                         "output: %s" % (p.name, SYNC_LIMIT,
                                         self.heed_output(p.name)[-400:]))
            return None
        out = self.heed_output(p.name).strip()
        if rc < 0 and not p.killed:
            self.problem("crash", "heed sync %s died of signal %d (%s); "
                         "output: %s" % (p.name, -rc, signal.Signals(-rc).name,
                                         out[-300:]))
        self.say("%s heed sync %s %s after %.1fs%s" % (
            self.stamp(), p.name,
            "was killed" if p.killed else "exited %d" % rc,
            time.time() - p.started,
            (":\n" + "\n".join("      | " + l for l in out.splitlines()))
            if out else ""))
        return rc

    def heed_sync(self, name):
        return self.heed_wait(self.heed_start(name))

    # --- the cache ---------------------------------------------------

    def ro(self):
        con = sqlite3.connect("file:%s?mode=ro" % self.db, uri=True,
                              timeout=30)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA busy_timeout = 30000")
        return con

    def items(self):
        con = self.ro()
        try:
            return [dict(r) for r in con.execute(
                "SELECT i.*, a.name AS account FROM items i JOIN accounts "
                "a ON a.id = i.account_id ORDER BY i.id")]
        finally:
            con.close()

    def outbox(self):
        con = self.ro()
        try:
            return [dict(r) for r in con.execute(
                "SELECT * FROM outbox ORDER BY id")]
        finally:
            con.close()

    def queue(self, act):
        """Queue an action as store_outbox_add does: state queued, due
        now, a unique idempotency key, no origin."""
        con = sqlite3.connect(self.db, timeout=30)
        try:
            con.execute("PRAGMA busy_timeout = 30000")
            now = int(time.time())
            cur = con.execute(
                "INSERT INTO outbox (account_id, item_id, kind, state, "
                "target_remote_id, body, idem_key, remote_id, last_error, "
                "attempts, created, next_attempt, updated, origin) "
                "VALUES (?, ?, ?, 0, ?, ?, ?, NULL, NULL, 0, ?, ?, ?, NULL)",
                (act["account_id"], act["item_id"], act["kind"],
                 act["target"], act.get("text"),
                 "chaos-%d-%d" % (self.seed, act["n"]), now, now, now))
            con.commit()
            act["entry"] = cur.lastrowid
        finally:
            con.close()
        self.say("%s queued %s" % (self.stamp(), self.describe(act)))

    def describe(self, act):
        s = "%s %s on %s" % (act["account"], KIND_NAMES[act["kind"]],
                             act["target"])
        if act.get("text"):
            s += " %r" % act["text"]
        return s

    # --- the plan ----------------------------------------------------

    def plan(self, phases):
        """Choose the actions (targets from the cache as the first sync
        left it) and the phase and moment at which each is queued."""
        rng = self.rng
        its = [i for i in self.items() if not i["own"] and
               not i["deleted"]]
        its.sort(key=lambda i: (i["account"], i["text"] or "",
                                i["remote_id"]))
        by = {a: [i for i in its if i["account"] == a]
              for a in ("fb", "ig", "bs")}
        # Facebook: comments can be answered, liked and hidden (a reply
        # to a hidden comment is fine there), a visitor's post answered.
        fb = [i for i in by["fb"] if i["parent_remote_id"] is not None or
              i["post_remote_id"] != i["remote_id"]]
        fb_replies = rng.sample(by["fb"], min(len(by["fb"]),
                                              rng.randint(1, 4)))
        fb_likes = rng.sample(fb, min(len(fb), rng.randint(0, 2)))
        fb_hides = rng.sample(fb, min(len(fb), rng.randint(0, 1)))
        fb_private = rng.sample(fb, min(len(fb), rng.choice([0, 0, 1])))
        # Instagram refuses a reply in a hidden thread: the hides and the
        # replies are in different threads.
        ig = by["ig"]
        ig_replies = rng.sample(ig, min(len(ig), rng.randint(1, 3)))
        busy = set(i["parent_remote_id"] or i["remote_id"]
                   for i in ig_replies)
        free = [i for i in ig if i["parent_remote_id"] is None and
                i["remote_id"] not in busy]
        ig_hides = rng.sample(free, min(len(free), rng.randint(0, 1)))
        bs = by["bs"]
        bs_replies = rng.sample(bs, min(len(bs), rng.randint(1, 3)))
        bs_likes = rng.sample(bs, min(len(bs), rng.randint(0, 2)))
        n = 0
        for kind, targets in ((REPLY, fb_replies), (LIKE, fb_likes),
                              (HIDE, fb_hides), (PRIVATE, fb_private),
                              (REPLY, ig_replies),
                              (HIDE, ig_hides), (REPLY, bs_replies),
                              (LIKE, bs_likes)):
            for t in targets:
                n += 1
                act = {"n": n, "kind": kind, "account": t["account"],
                       "account_id": t["account_id"], "item_id": t["id"],
                       "target": t["remote_id"],
                       "phase": rng.randrange(phases),
                       "at": rng.choice([0, 0, rng.uniform(0.05, 3)])}
                if kind in (REPLY, PRIVATE):
                    act["text"] = "Thank you, we are on it (chaos %d.%d %s)" \
                        % (self.seed, n, rng.choice(
                            ["ok", "soon", "today", "sorry", "yes"]))
                self.actions.append(act)
        self.replies = sum(1 for a in self.actions
                           if a["kind"] in (REPLY, PRIVATE))

    def late_limit(self, kill):
        """How late a write may land after it came (see the docstring):
        heed looks for it at each check delay after the answer was lost,
        which is when request_timeout ran out, or, in a phase where a heed
        is killed, as early as when it was sent."""
        late = max(self.delays) - LATE_MARGIN
        if not kill:
            late += self.timeout
        self.late_max = max(self.late_max, late)
        return late

    def choose_faults(self, kill):
        """Faults for one phase: (fake, op) pairs."""
        rng = self.rng
        out = []
        late = self.late_limit(kill)
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.55:
                out.append(("graph", self.graph_fault(late)))
            else:
                out.append(("bsky", self.bsky_fault(late)))
        return out

    def graph_fault(self, late):
        rng = self.rng
        write = rng.random() < 0.65
        name, method, path = rng.choice(GRAPH_WRITES if write else
                                        GRAPH_READS)
        f = {"op": "fault", "path": path, "method": method,
             "count": rng.choice([1, 1, 1, 2, 3]),
             "after": rng.choice([0, 0, 0, 1, 2])}
        # Weights: a refusal for Meta's limits costs a minute's wait at
        # least (graph_pace), so it is rarer.
        kinds = {"drop": 3, "apply_error": 3, "status": 3, "429": 0.4,
                 "slow_after": 2, "reset": 2, "malformed": 2,
                 "graph_error": 1.5, "rate_error": 0.3, "usage": 0.5,
                 "oversized": 0.5}
        if write and late > 0.3:
            kinds.update(late=3, slow_before=2)
        elif not write:
            kinds.update(empty_same=2)
        k = rng.choices(list(kinds), list(kinds.values()))[0]
        if k == "apply_error":
            f.update(kind="status", status=rng.choice([500, 502, 503]),
                     apply=True)
        elif k == "status":
            f.update(kind="status", status=rng.choice([500, 502, 503, 504]))
        elif k == "429":
            f.update(kind="status", status=429)
            if rng.random() < 0.5:
                f["retry_after"] = rng.randint(1, 2)
        elif k == "slow_after":
            f.update(kind="slow", when="after",
                     seconds=round(self.timeout + rng.uniform(0.3, 1.5),
                                   2))
        elif k == "slow_before":
            f.update(kind="slow", when="before",
                     seconds=round(rng.uniform(0.3, late), 2))
        elif k == "late":
            f.update(kind="late", seconds=round(rng.uniform(0.3, late), 2),
                     hold=self.timeout + 1)
        elif k == "graph_error":
            code = rng.choice([1, 2])
            f.update(kind="graph_error", code=code, is_transient=True)
        elif k == "rate_error":
            code = rng.choice([4, 17, 32, 613])
            f.update(kind="graph_error", code=code, is_transient=code == 4)
        elif k == "usage":
            # From 75% of the limit heed pauses (pct - 74) s between
            # requests.
            f.update(kind="usage", call_count=rng.randint(70, 78))
        elif k == "oversized":
            f.update(kind="oversized", bytes=17 << 20,
                     chunked=rng.random() < 0.5)
        else:
            f["kind"] = k
        if k in ("late", "slow_before"):
            self.late = True
        f["_what"] = name
        return f

    def bsky_fault(self, late):
        rng = self.rng
        write = rng.random() < 0.55
        name, nsid = rng.choice(BSKY_WRITES if write else BSKY_READS)
        f = {"op": "fault", "method": nsid,
             "count": rng.choice([1, 1, 1, 2, 3]),
             "after": rng.choice([0, 0, 0, 1, 2])}
        kinds = ["drop", "apply_error", "status", "429", "ratelimit",
                 "slow_after", "reset", "malformed", "expire", "oversized"]
        if write and late > 0.3:
            kinds.append("slow_before")
        if nsid in ("app.bsky.notification.listNotifications", "*"):
            kinds.append("empty_same")
        k = rng.choice(kinds)
        if k == "apply_error":
            f.update(kind="status", status=rng.choice([500, 502, 503]),
                     apply=True)
        elif k == "status":
            f.update(kind="status", status=rng.choice([500, 502, 503, 504]))
        elif k == "429":
            f.update(kind="status", status=429)
            if rng.random() < 0.5:
                f["retry_after"] = rng.randint(1, 2)
        elif k == "ratelimit":
            f.update(kind="ratelimit", seconds=rng.randint(1, 2))
            if rng.random() < 0.5:
                f["retry_after"] = False
        elif k == "slow_after":
            f.update(kind="slow", when="after",
                     seconds=round(self.timeout + rng.uniform(0.3, 1.5),
                                   2))
        elif k == "slow_before":
            f.update(kind="slow", when="before",
                     seconds=round(rng.uniform(0.3, late), 2))
            self.late = True
        elif k == "oversized":
            f.update(kind="oversized", bytes=17 << 20,
                     chunked=rng.random() < 0.5)
        else:
            f["kind"] = k
        f["_what"] = name
        return f

    # --- the phases --------------------------------------------------

    def set_faults(self, faults):
        for fake, f in faults:
            op = {k: v for k, v in f.items() if not k.startswith("_")}
            (self.graph if fake == "graph" else self.bsky).ctl(op)
            self.say("%s fault on %s %s: %s" % (
                self.stamp(), fake, f["_what"], json.dumps(
                    {k: v for k, v in op.items()
                     if k not in ("op", "path", "method")})))

    def clear_faults(self):
        self.graph.ctl({"op": "clear_faults"})
        self.bsky.ctl({"op": "clear_faults"})
        self.graph.ctl({"op": "config", "empty_pages": False})

    def phase(self, k):
        rng = self.rng
        self.say("%s phase %d" % (self.stamp(), k + 1))
        kill = rng.random() < 0.4
        faults = self.choose_faults(kill)
        empty_pages = rng.random() < 0.2
        two = rng.random() < 0.4
        second_at = rng.uniform(0, 1.5)
        victim = rng.choice(["A", "B"]) if two else "A"
        # A run without slow faults is over in half a second or so.
        kill_at, kill2_at = (rng.uniform(0.02, 0.8) if rng.random() < 0.7
                             else rng.uniform(0.8, 3.5) for _ in range(2))
        kill_both = two and kill and rng.random() < 0.3
        self.remove_some()
        arrivals = self.arrivals(k)
        mine = sorted((a for a in self.actions if a["phase"] == k),
                      key=lambda a: a["at"])
        for a in mine:
            if a["at"] == 0:
                self.queue(a)
        if empty_pages:
            self.graph.ctl({"op": "config", "empty_pages": True})
            self.say("%s graph: every next page is first an empty one" %
                     self.stamp())
        self.set_faults(faults)
        # What happens while heed runs, in time order.
        events = [(a["at"], "queue", a) for a in mine if a["at"] > 0]
        events += [(at, "arrive", op) for at, op in arrivals]
        if two:
            events.append((second_at, "start", "B"))
        if kill:
            events.append((kill_at, "kill", victim))
        if kill_both:
            events.append((kill2_at, "kill", "B" if victim == "A" else "A"))
        events.sort(key=lambda e: e[0])
        start = time.time()
        self.heed_start("A")
        for at, what, arg in events:
            delay = start + at - time.time()
            if delay > 0:
                time.sleep(delay)
            if what == "queue":
                self.queue(arg)
            elif what == "arrive":
                self.arrive(arg)
            elif what == "start":
                self.heed_start("B")
            else:
                p = self.procs.get(arg)
                if p is not None and p.poll() is None:
                    p.killed = True
                    os.kill(p.pid, signal.SIGKILL)
                    self.say("%s kill -9 heed sync %s (pid %d)" % (
                        self.stamp(), arg, p.pid))
                else:
                    self.say("%s heed sync %s was not running at the kill" %
                             (self.stamp(), arg))
        for name in ("A", "B"):
            p = self.procs.pop(name, None)
            if p is not None:
                self.heed_wait(p)
        self.clear_faults()
        self.say_outbox()
        self.check_midway(k)

    def check_midway(self, k):
        """Between phases, nothing the fakes still have may be marked
        deleted in the cache or sit on another post or parent (a full
        read broken by a fault proves nothing)."""
        want = self.fake_items(self.graph.state("log=0"),
                               self.bsky.state("log=0"))
        for i in self.items():
            w = want.get(i["remote_id"])
            if w is None:
                continue
            if i["deleted"]:
                self.problem("deleted", "after phase %d, %s %s is marked "
                             "deleted in the cache but the fake has it" %
                             (k + 1, w[0], i["remote_id"]))
            if i["post_remote_id"] != w[1] or \
                    not same_parent(i["parent_remote_id"], w[2]):
                self.problem("moved", "after phase %d, %s %s is on %s under "
                             "%s in the cache, on %s under %s at the fake" %
                             (k + 1, w[0], i["remote_id"],
                              i["post_remote_id"], i["parent_remote_id"],
                              w[1], w[2]))

    # --- the customers ------------------------------------------------

    def protected(self):
        """What must stay at the fakes: every action's target, and what
        it hangs on (a reply to a removed comment is refused for good)."""
        keep = set()
        rows = {i["remote_id"]: i for i in self.items()}
        for a in self.actions:
            keep.add(a["target"])
            i = rows.get(a["target"])
            if i is not None:
                keep.update(x for x in (i["parent_remote_id"],
                                        i["post_remote_id"]) if x)
        return keep

    def remove_some(self):
        """Sometimes a customer deletes a comment of theirs (one that no
        action needs), as the platform's own app would."""
        rng = self.rng
        if rng.random() >= 0.3:
            return
        keep = self.protected()
        # Not a visitor's post on Facebook (its comments would go too).
        # On Instagram only with recheck_interval 0: heed reads a media's
        # comments again when its comments_count changed, and a comment
        # deleted while another is written leaves the count as it was,
        # so that the new one waits unseen for the next recheck_interval
        # (a known gap: tests/chaos/README).
        pool = sorted((i for i in self.items() if not i["own"] and
                       not i["deleted"] and i["remote_id"] not in keep and
                       i["remote_id"] not in self.removed and
                       (i["account"] == "bs" or
                        (i["account"] == "ig" and self.recheck == "0") or
                        (i["account"] == "fb" and
                         i["remote_id"] != i["post_remote_id"]))),
                      key=lambda i: (i["account"], i["text"] or ""))
        if not pool:
            return
        i = rng.choice(pool)
        if i["account"] == "bs":
            self.bsky.ctl({"op": "delete", "uri": i["remote_id"]})
        else:
            self.graph.ctl({"op": "remove", "id": i["remote_id"]})
        self.removed.add(i["remote_id"])
        self.say("%s a customer deleted %s %s" % (self.stamp(), i["account"],
                                                  i["remote_id"]))

    def arrivals(self, k):
        """New comments from customers while heed runs: (when, op)."""
        rng = self.rng
        out = []
        n = rng.choice([0, 0, 1, 2, 3])
        if n == 0:
            return out
        gs = self.graph.state("log=0")
        bs = self.bsky.state("log=0")
        shop = bs["shop"]["did"]
        fb_on = sorted([p["id"] for p in gs["posts"] if not p["visitor"]] +
                       [c["id"] for c in gs["comments"]
                        if c["from"]["id"] != gs["page"]["id"]])
        ig_on = sorted([m["id"] for m in gs["media"]] +
                       [c["id"] for c in gs["ig_comments"]
                        if c["from"]["id"] != IG_ID])
        roots = sorted((r for r in bs["records"]
                        if r["uri"].startswith("at://%s/app.bsky.feed.post/"
                                               % shop) and
                        not r["value"].get("reply")),
                       key=lambda r: r["value"].get("text", ""))
        for j in range(n):
            text = "A new question (chaos %d.%d.%d)" % (self.seed, k + 1, j)
            where = rng.choice(["fb", "ig", "bs"])
            if where == "fb" and fb_on:
                op = {"op": "add", "platform": "facebook", "text": text,
                      "on": rng.choice(fb_on)}
            elif where == "ig" and ig_on:
                op = {"op": "add", "platform": "instagram", "text": text,
                      "on": rng.choice(ig_on)}
            elif roots:
                root = rng.choice(roots)["uri"]
                under = sorted((r for r in bs["records"]
                                if (r["value"].get("reply") or {})
                                .get("root", {}).get("uri") == root),
                               key=lambda r: r["value"].get("text", ""))
                op = {"op": "add", "reason": rng.choice(
                    ["reply", "reply", "mention", "quote"]), "text": text,
                    "root": root}
                if op["reason"] == "reply" and under and rng.random() < 0.5:
                    op["parent"] = rng.choice(under)["uri"]
            else:
                continue
            out.append((rng.uniform(0, 3), op))
        return out

    def arrive(self, op):
        fake = self.bsky if "platform" not in op else self.graph
        try:
            out = fake.ctl(op)
        except HarnessError as e:
            # What it answers was deleted meanwhile: no comment then.
            self.say("%s no new comment: %s" % (self.stamp(), e))
            return
        self.say("%s a customer wrote %s on %s" % (
            self.stamp(), out.get("id") or out.get("uri"),
            op.get("on") or op.get("parent") or op.get("root")))

    def say_outbox(self):
        for e in self.outbox():
            self.say("%s   outbox %d: %s %s, tries %d%s" % (
                self.stamp(), e["id"], STATE_NAMES.get(e["state"]),
                KIND_NAMES.get(e["kind"], e["kind"]), e["attempts"],
                ": " + e["last_error"] if e["last_error"] else ""))

    def pending(self):
        return [e for e in self.outbox() if e["state"] in
                (QUEUED, SENDING, CHECKING)]

    def settle(self):
        """Run heed sync with no fault until nothing is on its way."""
        self.say("%s settling: no faults" % self.stamp())
        end = time.time() + SETTLE_SECS
        for n in range(SETTLE_RUNS):
            rc = self.heed_sync("S%d" % (n + 1))
            if rc is None:
                return False
            left = self.pending()
            if not left:
                return True
            now = time.time()
            due = min(e["next_attempt"] if e["state"] != SENDING else now
                      for e in left)
            if now >= end:
                break
            time.sleep(min(max(due - now + 0.3, 0.3), 15, end - now))
        self.problem("unsettled", "the outbox still holds %s after %d "
                     "runs of heed sync without faults" % (
                         ", ".join("%s %s (%s)" % (
                             STATE_NAMES[e["state"]],
                             KIND_NAMES.get(e["kind"], e["kind"]),
                             e["last_error"]) for e in self.pending()),
                         SETTLE_RUNS))
        return False

    # --- checks ------------------------------------------------------

    def check(self):
        gs = self.graph.state()
        bs = self.bsky.state()
        self.say("%s checking" % self.stamp())
        self.check_replies(gs, bs)
        self.check_actions(gs, bs)
        self.check_outbox(gs, bs)
        self.check_cache(gs, bs)

    def graph_applied(self, rec):
        """Whether a logged Graph request was carried out, successfully."""
        if "applied_status" in rec:
            return rec["applied_status"] == 200
        if rec["fault"] in ("status", "graph_error", "late", "empty_same"):
            return False
        return rec["status"] == 200

    def bsky_applied(self, rec):
        if "applied_status" in rec:
            return rec["applied_status"] == 200
        if rec["fault"] in ("status", "ratelimit"):
            return False
        return rec["status"] == 200     # empty_same answers a write as usual

    def check_replies(self, gs, bs):
        fb = {c["id"]: c for c in gs["comments"]}
        ig = {c["id"]: c for c in gs["ig_comments"]}
        shop = bs["shop"]["did"]
        posts = [r for r in bs["records"]
                 if r["uri"].startswith("at://%s/app.bsky.feed.post/" % shop)]
        for a in self.actions:
            if a["kind"] != REPLY:
                continue
            t = a["target"]
            if a["account"] == "fb":
                made = [c for c in gs["comments"]
                        if c["message"] == a["text"] and
                        c["from"]["id"] == gs["page"]["id"]]
                top = (fb[t]["parent"] or t) if t in fb else None
                where = [c for c in made if c["parent"] != top]
                writes = [r for r in gs["log"] if r["method"] == "POST" and
                          r["path"].endswith("/comments") and
                          (r["form"] or {}).get("message") == [a["text"]] and
                          self.graph_applied(r)]
                a["made"] = [c["id"] for c in made]
            elif a["account"] == "ig":
                made = [c for c in gs["ig_comments"]
                        if c["text"] == a["text"] and
                        c["from"]["id"] == IG_ID]
                top = (ig[t]["parent"] or t) if t in ig else None
                where = [c for c in made if c["parent"] != top]
                writes = [r for r in gs["log"] if r["method"] == "POST" and
                          r["path"].endswith("/replies") and
                          (r["form"] or {}).get("message") == [a["text"]] and
                          self.graph_applied(r)]
                a["made"] = [c["id"] for c in made]
            else:
                made = [r for r in posts
                        if r["value"].get("text") == a["text"]]
                where = [r for r in made if (r["value"].get("reply") or {})
                         .get("parent", {}).get("uri") != t]
                writes = [r for r in bs["log"]
                          if r["nsid"] == "com.atproto.repo.putRecord" and
                          self.bsky_applied(r) and
                          a["text"] in r.get("body", "")]
                a["made"] = [r["uri"] for r in made]
            what = self.describe(a)
            if not made:
                self.lost += 1
                self.problem("lost", "%s: not at the fake" % what)
            elif len(made) > 1:
                self.duplicated += 1
                self.problem("duplicated", "%s: %d copies at the fake (%s)"
                             % (what, len(made), ", ".join(a["made"])))
            if where:
                self.problem("misplaced", "%s: under %s at the fake" % (
                    what, ", ".join(str(w.get("parent") or w.get("value", {})
                                        .get("reply")) for w in where)))
            if len(writes) != len(made) and len(made) <= 1:
                self.problem("writes", "%s: %d successful writes in the "
                             "fake's log for %d reply" % (
                                 what, len(writes), len(made)))

    def check_actions(self, gs, bs):
        fb = {c["id"]: c for c in gs["comments"]}
        ig = {c["id"]: c for c in gs["ig_comments"]}
        shop = bs["shop"]["did"]
        likes = [r for r in bs["records"] if r["uri"].startswith(
            "at://%s/app.bsky.feed.like/" % shop)]
        for a in self.actions:
            what = self.describe(a)
            if a["kind"] in (LIKE, HIDE) and a["account"] != "bs":
                path = "/" + a["target"] + ("/likes" if a["kind"] == LIKE
                                            else "")
                n = sum(1 for r in gs["log"] if r["method"] == "POST" and
                        r["path"].endswith(path) and self.graph_applied(r))
                if n > 1:
                    self.repeated += 1
                    self.say("  %s: carried out %d times (harmless: it "
                             "is idempotent)" % (what, n))
            if a["kind"] == LIKE and a["account"] == "fb":
                if not fb.get(a["target"], {}).get("liked_by_page"):
                    self.problem("not applied", "%s: not liked at the fake"
                                 % what)
            elif a["kind"] == LIKE:
                n = sum(1 for r in likes if r["value"].get("subject", {})
                        .get("uri") == a["target"])
                if n != 1:
                    self.problem("not applied" if n == 0 else "duplicated",
                                 "%s: %d like records at the fake" %
                                 (what, n))
            elif a["kind"] == HIDE:
                c = (fb if a["account"] == "fb" else ig).get(a["target"], {})
                if not c.get("is_hidden", c.get("hidden")):
                    self.problem("not applied", "%s: not hidden at the fake"
                                 % what)
            elif a["kind"] == PRIVATE:
                self.check_private(a, gs, fb)

    def check_private(self, a, gs, fb):
        """A private reply: once in the comment's conversation, sent by
        one write."""
        what = self.describe(a)
        n = fb.get(a["target"], {}).get("private_replies", []).count(
            a["text"])
        writes = [r for r in gs["log"] if r["method"] == "POST" and
                  r["path"].endswith("/messages") and
                  a["text"] in json.dumps(r["form"]) and
                  self.graph_applied(r)]
        if n == 0:
            self.lost += 1
            self.problem("lost", "%s: not at the fake" % what)
        elif n > 1:
            self.duplicated += 1
            self.problem("duplicated", "%s: %d copies at the fake" %
                         (what, n))
        if len(writes) != min(n, 1):
            self.problem("writes", "%s: %d successful writes in the fake's "
                         "log" % (what, len(writes)))

    def check_outbox(self, gs, bs):
        ob = {e["id"]: e for e in self.outbox()}
        for a in self.actions:
            e = ob.get(a.get("entry"))
            what = self.describe(a)
            if e is None:
                self.problem("outbox", "%s: its outbox entry is gone" % what)
                continue
            if e["state"] != SENT:
                self.problem("outbox", "%s: %s in the outbox (%d tries): %s"
                             % (what, STATE_NAMES.get(e["state"]),
                                e["attempts"], e["last_error"]))
                continue
            if a["kind"] == REPLY and len(a.get("made", [])) == 1 and \
                    e["remote_id"] != a["made"][0]:
                self.problem("outbox", "%s: sent as %s, but the fake made "
                             "%s" % (what, e["remote_id"], a["made"][0]))

    def fake_items(self, gs, bs):
        """What the cache should hold: remote id -> (account, post,
        parent, whose), whose being "shop" for what heed wrote."""
        want = {}
        visitor = set()
        for p in gs["posts"]:
            if p["visitor"]:
                want[p["id"]] = ("fb", p["id"], None, "customer")
                visitor.add(p["id"])
        for c in gs["comments"]:
            shop = c["from"]["id"] == gs["page"]["id"]
            parent = c["parent"]
            if shop and parent is None and c["post"] in visitor:
                # heed records its answer to a visitor's post under that
                # post, which is an item of its own (as on Bluesky); read
                # from the post's comments before that, it has none.
                parent = (None, c["post"])
            want[c["id"]] = ("fb", c["post"], parent,
                             "shop" if shop else "customer")
        for c in gs["ig_comments"]:
            want[c["id"]] = ("ig", c["media"], c["parent"],
                             "shop" if c["from"]["id"] == IG_ID
                             else "customer")
        shop = bs["shop"]["did"]
        notified = set(bs["notified"])
        for r in bs["records"]:
            if "/app.bsky.feed.post/" not in r["uri"]:
                continue
            reply = r["value"].get("reply")
            mine = r["uri"].startswith("at://%s/" % shop)
            if mine and not reply:
                continue        # the shop's own posts are not items
            # A post the shop was not notified of (a reply under a post
            # deleted since) need not be in the cache, but if it is, it
            # is checked like the others.
            whose = "shop" if mine else "customer" \
                if r["uri"] in notified else "unnotified"
            if reply:
                # A reply straight under one of the shop's posts has no
                # parent item: the post is its thread.
                root = reply["root"]["uri"]
                parent = reply["parent"]["uri"]
                top = parent == root and root.startswith("at://%s/" % shop)
                want[r["uri"]] = ("bs", root, None if top else parent, whose)
            else:
                want[r["uri"]] = ("bs", r["uri"], None, whose)
        return want

    def check_cache(self, gs, bs):
        want = self.fake_items(gs, bs)
        have = {}
        for i in self.items():
            have.setdefault(i["remote_id"], []).append(i)
        for rid, (acct, post, parent, whose) in sorted(want.items()):
            rows = have.get(rid, [])
            if not rows:
                if whose != "unnotified":
                    self.problem("cache", "%s %s (%s) is not in the cache"
                                 % (acct, rid, whose))
                continue
            if len(rows) > 1:
                self.problem("cache", "%s %s is in the cache %d times" %
                             (acct, rid, len(rows)))
            i = rows[0]
            if i["account"] != acct:
                self.problem("cache", "%s %s is in the cache under account "
                             "%s" % (acct, rid, i["account"]))
            if i["deleted"]:
                self.problem("deleted", "%s %s is marked deleted in the "
                             "cache but the fake has it" % (acct, rid))
            if i["post_remote_id"] != post:
                self.problem("moved", "%s %s is on post %s in the cache, on "
                             "%s at the fake" % (acct, rid,
                                                 i["post_remote_id"], post))
            if not same_parent(i["parent_remote_id"], parent):
                self.problem("moved", "%s %s is under %s in the cache, "
                             "under %s at the fake" % (
                                 acct, rid, i["parent_remote_id"], parent))
        gone = self.removed | set(gs["removed"])
        # A sweep of Facebook or Instagram marks only customers' comments
        # that are not hidden, and spares what was made in the five
        # minutes before it (SYNC_SWEEP_MARGIN): a comment so young may
        # still be on its way into the lists.
        old = self.last_start - 300 - 2
        # Bluesky is asked again after the customer's items that still
        # wait (status new, read or snoozed); one the shop's answer has
        # settled, with the rest of its conversation, has left the inbox
        # and is not looked for again.
        for rid, rows in sorted(have.items()):
            for i in rows:
                swept = (i["account"] == "bs" and i["status"] != 2) or (
                    i["account"] != "bs" and not i["own"] and
                    not i["hidden"] and i["created"] < old)
                if rid in gone and self.recheck == "0" and swept and \
                        not i["deleted"]:
                    self.problem("undeleted", "%s %s was deleted at the "
                                 "fake, but not in the cache, with "
                                 "recheck_interval 0" % (i["account"], rid))
                if rid not in want and rid not in gone and \
                        not i["deleted"]:
                    self.problem("phantom", "%s %s (%r) is in the cache but "
                                 "not at the fake" % (
                                     i["account"], rid,
                                     (i["text"] or "")[:60]))
        for a in self.actions:
            if a["kind"] != REPLY:
                continue
            n = sum(1 for rows in have.values() for i in rows
                    if i["own"] and i["text"] == a["text"])
            if n != 1:
                self.problem("cache", "%s: %d items in the cache" %
                             (self.describe(a), n))

    # --- all of it ---------------------------------------------------

    def run(self):
        try:
            self.start()
            rc = self.heed_sync("first")
            if rc != 0:
                raise HarnessError("the first heed sync, with no fault, "
                                   "exited %s: %s" % (
                                       rc, self.heed_output("first")[-500:]))
            phases = self.rng.randint(1, 3)
            self.plan(phases)
            self.say("%s plan: %d phases, %d actions (%d replies)" % (
                self.stamp(), phases, len(self.actions), self.replies))
            for k in range(phases):
                self.phase(k)
            if self.settle():
                if self.late:
                    # A write held back by a fault lands at the latest
                    # this long after the last heed process ended.
                    time.sleep(self.late_max)
                self.last_start = time.time()
                rc = self.heed_sync("last")
                if rc not in (0, None):
                    self.problem("final sync", "heed sync without faults "
                                 "exited %d: %s" % (
                                     rc, self.heed_output("last")[-400:]))
                self.say_outbox()
            self.check()
        finally:
            self.stop()
        return self


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--heed", default=os.environ.get("HEED", "build/heed"))
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--keep", action="store_true",
                    help="keep each run's directory (under build/chaos)")
    a = ap.parse_args()
    heed = os.path.abspath(a.heed)
    if not os.access(heed, os.X_OK):
        print("chaos: no heed at %s (make builds it)" % heed,
              file=sys.stderr)
        return 2
    base_dir = os.path.abspath(os.path.join(
        os.environ.get("BUILD", os.path.join(ROOT, "build")), "chaos"))
    os.makedirs(base_dir, exist_ok=True)
    t0 = time.time()
    if a.seed is not None:
        seeds = [a.seed]
        say = lambda msg: print(msg, flush=True)
        jobs = 1
    else:
        base = int(time.time() * 1000) % 10 ** 9
        seeds = [base + i for i in range(a.runs)]
        say = None
        jobs = max(1, a.jobs)
        print("chaos: %d runs, seeds %d to %d, %d at a time" % (
            a.runs, seeds[0], seeds[-1], jobs), flush=True)
    totals = {"runs": 0, "replies": 0, "lost": 0, "duplicated": 0,
              "repeated": 0}
    cats = {}
    failed = []
    lock = threading.Lock()

    def one(seed):
        r = Run(heed, seed, base_dir, say, a.keep)
        try:
            r.run()
        except HarnessError as e:
            r.problem("harness", str(e))
        return r

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for r in ex.map(one, seeds):
            with lock:
                totals["runs"] += 1
                totals["replies"] += r.replies
                totals["lost"] += r.lost
                totals["duplicated"] += r.duplicated
                totals["repeated"] += r.repeated
                if r.problems:
                    failed.append(r.seed)
                    for cat, text in r.problems:
                        cats[cat] = cats.get(cat, 0) + 1
                        if a.seed is None:
                            print("seed %d: %s: %s" % (r.seed, cat, text),
                                  flush=True)
                elif a.seed is None and totals["runs"] % 10 == 0:
                    print("chaos: %d runs done (%.0f s)" % (
                        totals["runs"], time.time() - t0), flush=True)
    print("%d runs, %d replies, %d lost, %d duplicated" % (
        totals["runs"], totals["replies"], totals["lost"],
        totals["duplicated"]))
    for cat in sorted(cats):
        print("%d %s" % (cats[cat], cat))
    print("%d likes and hides carried out more than once (harmless: "
          "they are idempotent, and heed tries them again after a lost "
          "answer)" % totals["repeated"])
    if failed:
        print("counterexamples in %d runs: replay one with make chaos "
              "SEED=%d" % (len(failed), failed[0]))
    print("%.0f s, %.1f runs per minute" % (
        time.time() - t0, totals["runs"] * 60 / max(time.time() - t0, 1)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
