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

It is also the HTTP half of the platform fakes (bsky.py, graph.py), which
import it: PlatformHandler reads requests (chunked or not), sends answers
(whole, spoiled by a fault, or padded to a huge size), resets connections
and serves the control endpoints (POST /_control, GET /_state); serve()
listens on loopback, over TLS too, and runs until standard input ends. A
fake keeps only its platform's routes, data and faults.
"""

import argparse
import email.utils
import gzip
import json
import os
import signal
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


class PlatformHandler(BaseHTTPRequestHandler):
    """The HTTP of a platform fake. A fake subclasses it and gives:

      route(url, body)     answer a request that is not a control one
      control_answer(args) carry out a control op (under its lock); give
                           the JSON value to answer
      state(url)           answer GET /_state
      encode_control(obj)  the bytes of a control answer
      corrupt(data)        data with invalid UTF-8 put in (fault bad_utf8)

    and, as class attributes, how its platform's answers look: the headers
    before and after its own (lead_headers, trail_headers), the type of a
    JSON and of an HTML answer, the page of its proxy for a bare error
    status, the byte that pads an oversized answer, and the name in its
    log lines. A fake lists the methods it accepts (do_GET = ... = do_any).
    """
    protocol_version = "HTTP/1.1"
    timeout = 90
    log_name = "fake"
    nodelay = False
    lead_headers = ()
    trail_headers = ()
    json_type = "application/json; charset=utf-8"
    json_always = False
    html_type = "text/html"
    proxy_page = ""
    pad = b"a"
    control_any_method = True
    control_errors = (ValueError, KeyError, TypeError)

    def setup(self):
        if self.nodelay:
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY,
                                    1)
        ctx = self.server.ssl_ctx
        if ctx is not None:
            self.request.settimeout(10)
            self.request = ctx.wrap_socket(self.request, server_side=True)
        super().setup()

    def log_message(self, fmt, *args):
        if os.environ.get("HEED_FAKE_VERBOSE"):
            sys.stderr.write(self.log_name + ": " + (fmt % args) + "\n")

    def read_body(self):
        """Read the request's body, chunked or of a Content-Length."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            out = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def do_any(self):
        """Read a request and send it where it goes."""
        url = urllib.parse.urlsplit(self.path)
        self.q = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        self.sent = 0
        try:
            body = self.read_body()
            if url.path == "/_control" and (self.control_any_method or
                                            self.command == "POST"):
                self.control(body)
            elif url.path == "/_state":
                self.state(url)
            else:
                self.route(url, body)
        except OSError:  # hang-ups, resets, TLS failures, time-outs
            self.close_connection = True

    # --- answers -----------------------------------------------------

    def send_head(self, status, headers, ctype, length, etag=None):
        """Send the status line and headers (no Server header); a length
        of None sends the body chunked."""
        self.log_request(status)
        self.send_response_only(status)
        for k, v in list(self.lead_headers) + list(headers):
            self.send_header(k, v)
        if ctype:
            self.send_header("Content-Type", ctype)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Date", self.date_time_string())
        self.send_header("Connection", "keep-alive")
        for k, v in self.trail_headers:
            self.send_header(k, v)
        self.end_headers()

    def etag(self, data):
        """The ETag of an answer's body (None: no ETag header)."""
        return None

    def send(self, status, data, headers, ctype):
        """Send a whole answer."""
        self.send_head(status, headers, ctype, len(data), self.etag(data))
        if self.command != "HEAD":
            self.wfile.write(data)
            self.sent = len(data)

    def abort(self):
        """Close the connection with a reset rather than an orderly FIN."""
        abort(self)

    def send_proxy_page(self, status, headers):
        """Send the HTML page the platform's proxy gives a bare status."""
        phrase = self.responses.get(status, ("Error",))[0]
        data = (self.proxy_page % (status, phrase, status, phrase)).encode()
        return self.send(status, data, headers, self.html_type)

    def deliver(self, status, data, headers, fault):
        """Send an answer, spoiled as the fault says: drop, slow,
        malformed, bad_utf8, oversized, reset."""
        ctype = self.json_type if data or self.json_always else None
        kind = fault["kind"] if fault else None
        if kind == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if kind == "slow" and fault.get("when", "after") == "after":
            time.sleep(float(fault.get("seconds", 5)))
        if kind == "malformed":
            data = fault["body"].encode() if "body" in fault else \
                data[:max(2, len(data) // 2)]
            ctype = self.json_type
        elif kind == "bad_utf8":
            data = self.corrupt(data)
        elif kind == "oversized":
            return self.send_big(status, data, headers, fault)
        elif kind == "reset":
            self.send_head(status, headers, ctype, len(data))
            self.wfile.write(data[:len(data) // 2])
            self.wfile.flush()
            self.sent = len(data) // 2
            time.sleep(0.1)
            return self.abort()
        self.send(status, data, headers, ctype)

    def send_big(self, status, data, headers, fault):
        """Send the answer padded with a huge string (still valid JSON)."""
        n = int(fault.get("bytes", 20 << 20))
        if data.endswith(b"}") and len(data) > 2:
            head = data[:-1] + b',"padding":"'
        else:
            head = b'{"padding":"'
        tail = b'"}'
        chunked = bool(fault.get("chunked"))
        self.send_head(status, headers, self.json_type,
                       None if chunked else len(head) + n + len(tail))
        block = self.pad * 65536

        def put(part):
            if chunked:
                self.wfile.write(b"%x\r\n" % len(part) + part + b"\r\n")
            else:
                self.wfile.write(part)
            self.sent += len(part)
        put(head)
        left = n
        while left > 0:
            put(block[:min(left, len(block))])
            left -= min(left, len(block))
        put(tail)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    # --- control -----------------------------------------------------

    def control(self, body):
        """Answer POST /_control: one op, a JSON object, carried out."""
        try:
            args = json.loads(body.decode("utf-8") or "{}")
            if not isinstance(args, dict):
                raise ValueError("the body must be a JSON object")
            out = self.control_answer(args)
            status = 200
        except self.control_errors as e:
            status, out = 400, {"ok": False, "error": str(e)}
        self.send(status, self.encode_control(out), [], "application/json")


class Handler(PlatformHandler):
    """The fake of tests/test-http.c (the routes above)."""
    timeout = 30
    server_version = "heed-fake/1"

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
    """A threaded server of a fake on a port of 127.0.0.1 the kernel
    picks, over TLS with ssl_ctx."""
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, ssl_ctx, handler=Handler):
        self.ssl_ctx = ssl_ctx
        super().__init__(("127.0.0.1", 0), handler)

    def handle_error(self, request, client_address):
        # Clients that hang up mid-answer or refuse our certificate are
        # the point of several tests: stay quiet about them.
        if os.environ.get("HEED_FAKE_VERBOSE"):
            super().handle_error(request, client_address)


def serve(handler, cert=None, key=None, exit_on_sigterm=False):
    """Serve HTTP (and HTTPS with a certificate), print the ports, and
    run until standard input ends; never returns."""
    servers = [Server(None, handler)]
    if cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        servers.append(Server(ctx, handler))
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    if exit_on_sigterm:
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    ports = [s.server_address[1] for s in servers] + [0]
    sys.stdout.write("http=%d https=%d\n" % (ports[0], ports[1]))
    sys.stdout.flush()
    # Run until the test closes our standard input (or dies).
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cert")
    p.add_argument("--key")
    a = p.parse_args()
    serve(Handler, a.cert, a.key)


if __name__ == "__main__":
    main()
