#!/usr/bin/env python3
"""fake HTTP and HTTPS server for tests/test-http.c (standard library only).

    python3 tests/fake/server.py [--cert server.pem --key server.key]

Listens on 127.0.0.1 only, on ports the kernel picks, and prints one line
"http=PORT https=PORT" (https=0 without a certificate). It exits when its
standard input reaches end of file, so it cannot outlive the test that
started it, or on SIGTERM.

Every request is recorded; add ?tag=NAME to find it again with
GET /_log?tag=NAME, which answers a JSON list of
{method, path, headers, body, body_len, sent, finished}: "sent" counts the
body bytes the fake managed to write, "finished" says its handler is done.

Fault switches, by path (any method; query parameters as shown):

  /echo                  200, JSON {method, path, headers, body, body_len}
                         of the request as received (header names lower
                         case, repeats joined with ", ")
  /respond?status=N&h=Name:Value&h=...&body=TEXT|hex=HEX&retry_date=S
                         status N with those headers and that body (hex
                         for exact bytes); retry_date adds a Retry-After
                         HTTP date S seconds from now
  /gzip?body=TEXT        the body gzip-compressed (Content-Encoding: gzip)
  /gzip?zeros=N          N zero bytes, gzip-compressed (a small "bomb")
  /sleep?ms=N            wait N ms, then 200 "slept"
  /trickle?bytes=N&every_ms=M
                         promise N bytes, send one every M ms
  /reset?bytes=N         promise 2N bytes, send N, then reset (RST)
  /drop                  read the whole request, record it, close with no
                         answer at all
  /big?bytes=N[&chunked=1]
                         N bytes in 64 KiB writes, counting what was sent;
                         chunked hides the size from the client
  /headers?count=N       N extra response headers
  /redirect?to=URL&code=C
                         redirect (302 by default) to URL; without "to",
                         to itself (a redirect loop)
"""

import argparse
import email.utils
import gzip
import json
import os
import socket
import socketserver
import ssl
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

LOG = []
LOG_LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30
    server_version = "heed-fake/1"

    def setup(self):
        ctx = self.server.ssl_ctx
        if ctx is not None:
            self.request.settimeout(10)
            self.request = ctx.wrap_socket(self.request, server_side=True)
        super().setup()

    def log_message(self, fmt, *args):
        if os.environ.get("HEED_FAKE_VERBOSE"):
            sys.stderr.write("fake: " + (fmt % args) + "\n")

    def do_any(self):
        url = urllib.parse.urlsplit(self.path)
        self.q = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n > 0 else b""
        headers = {}
        for k, v in self.headers.items():
            k = k.lower()
            headers[k] = headers[k] + ", " + v if k in headers else v
        self.rec = {
            "tag": self.arg("tag"),
            "method": self.command,
            "path": self.path,
            "headers": headers,
            "body": body.decode("utf-8", "replace"),
            "body_len": len(body),
            "sent": 0,
            "finished": False,
        }
        if url.path != "/_log":
            with LOG_LOCK:
                LOG.append(self.rec)
        route = ROUTES.get(url.path)
        try:
            if route is None:
                self.reply(404, b"no such fake\n")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError,
                socket.timeout):
            self.close_connection = True
        finally:
            self.rec["finished"] = True

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_any

    def arg(self, name, default=None):
        v = self.q.get(name)
        return v[0] if v else default

    def reply(self, status, body, ctype="text/plain", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.write(body)

    def write(self, data):
        self.wfile.write(data)
        self.rec["sent"] += len(data)


def r_echo(h):
    r = dict(h.rec)
    del r["sent"], r["finished"], r["tag"]
    h.reply(200, json.dumps(r).encode(), "application/json")


def r_respond(h):
    extra = []
    ctype = None
    for hv in h.q.get("h", []):
        k, _, v = hv.partition(":")
        if k.lower() == "content-type":
            ctype = v.strip()
        else:
            extra.append((k, v.strip()))
    if h.arg("retry_date"):
        when = time.time() + int(h.arg("retry_date"))
        extra.append(("Retry-After", email.utils.formatdate(when,
                                                            usegmt=True)))
    if h.arg("hex") is not None:
        body = bytes.fromhex(h.arg("hex"))
    else:
        body = h.arg("body", "").encode()
    h.reply(int(h.arg("status", "200")), body, ctype or "text/plain", extra)


def r_gzip(h):
    if h.arg("zeros"):
        raw = bytes(int(h.arg("zeros")))
    else:
        raw = h.arg("body", "").encode()
    h.reply(200, gzip.compress(raw), "text/plain",
            [("Content-Encoding", "gzip")])


def r_sleep(h):
    time.sleep(int(h.arg("ms", "1000")) / 1000)
    h.reply(200, b"slept")


def r_trickle(h):
    n = int(h.arg("bytes", "100"))
    every = int(h.arg("every_ms", "500")) / 1000
    h.send_response(200)
    h.send_header("Content-Length", str(n))
    h.end_headers()
    for _ in range(n):
        h.write(b"x")
        time.sleep(every)


def r_reset(h):
    n = int(h.arg("bytes", "1000"))
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(2 * n))
    h.end_headers()
    h.write(b"[" + b"1," * ((n - 1) // 2) + b"1" * ((n - 1) % 2))
    time.sleep(0.1)
    abort(h)


def abort(h):
    """Close the connection with a reset rather than an orderly FIN."""
    sock = h.connection
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                    struct.pack("ii", 1, 0))
    h.close_connection = True
    sock.close()


def r_drop(h):
    # The request (with its body) has been read and recorded by now.
    h.close_connection = True
    h.connection.shutdown(socket.SHUT_RDWR)


def r_big(h):
    n = int(h.arg("bytes", str(1 << 20)))
    chunk = b"a" * 65536
    h.send_response(200)
    h.send_header("Content-Type", "application/octet-stream")
    chunked = h.arg("chunked") == "1"
    if chunked:
        h.send_header("Transfer-Encoding", "chunked")
    else:
        h.send_header("Content-Length", str(n))
    h.end_headers()
    left = n
    while left > 0:
        part = chunk[:min(left, len(chunk))]
        if chunked:
            h.wfile.write(b"%x\r\n" % len(part))
        h.write(part)
        if chunked:
            h.wfile.write(b"\r\n")
        left -= len(part)
    if chunked:
        h.wfile.write(b"0\r\n\r\n")


def r_headers(h):
    n = int(h.arg("count", "10"))
    h.reply(200, b"ok", "text/plain",
            [("X-Fake-%d" % i, "v" * 20) for i in range(n)])


def r_redirect(h):
    h.send_response(int(h.arg("code", "302")))
    h.send_header("Location", h.arg("to", h.path))
    h.send_header("Content-Length", "0")
    h.end_headers()


def r_log(h):
    tag = h.arg("tag")
    with LOG_LOCK:
        recs = [dict(r) for r in LOG if tag is None or r["tag"] == tag]
    h.reply(200, json.dumps(recs).encode(), "application/json")


ROUTES = {
    "/echo": r_echo,
    "/respond": r_respond,
    "/gzip": r_gzip,
    "/sleep": r_sleep,
    "/trickle": r_trickle,
    "/reset": r_reset,
    "/drop": r_drop,
    "/big": r_big,
    "/headers": r_headers,
    "/redirect": r_redirect,
    "/_log": r_log,
}


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, ssl_ctx):
        self.ssl_ctx = ssl_ctx
        super().__init__(("127.0.0.1", 0), Handler)

    def handle_error(self, request, client_address):
        # Clients that hang up or refuse our certificate are the point of
        # several tests: stay quiet about them.
        if os.environ.get("HEED_FAKE_VERBOSE"):
            super().handle_error(request, client_address)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cert")
    p.add_argument("--key")
    a = p.parse_args()
    servers = [Server(None)]
    if a.cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.cert, a.key)
        servers.append(Server(ctx))
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    ports = [s.server_address[1] for s in servers] + [0]
    sys.stdout.write("http=%d https=%d\n" % (ports[0], ports[1]))
    sys.stdout.flush()
    # Run until the test closes our standard input (or dies).
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
