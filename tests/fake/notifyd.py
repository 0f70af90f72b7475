"""tests/fake/notifyd.py -- a desktop notification server for tests.

Run with Debian's python3 (python3-dbus, python3-gi) on a private session
bus: it owns org.freedesktop.Notifications, answers GetCapabilities with
"body" and "body-markup" (so that clients must escape markup), and writes
each Notify call to the file named by its first argument as one JSON line:
{"app": ..., "summary": ..., "body": ..., "icon": ..., "urgency": N}.
It prints "ready" on standard output once it owns the name, and ends when
its standard input closes.
"""
import json
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Server(dbus.service.Object):
    """The parts of the Notifications interface clients call."""

    def __init__(self, bus, out):
        super().__init__(bus, PATH)
        self.out = out
        self.next_id = 1

    @dbus.service.method(NAME, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["body", "body-markup"]

    @dbus.service.method(NAME, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("heed-test-notifyd", "heed", "1", "1.2")

    @dbus.service.method(NAME, in_signature="susssasa{sv}i",
                         out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints,
               timeout):
        rec = {"app": str(app), "summary": str(summary), "body": str(body),
               "icon": str(icon),
               "urgency": int(hints.get("urgency", -1)),
               "category": str(hints.get("category", ""))}
        with open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.next_id += 1
        return self.next_id - 1

    @dbus.service.method(NAME, in_signature="u", out_signature="")
    def CloseNotification(self, nid):
        pass


def main():
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    keep = dbus.service.BusName(NAME, bus, do_not_queue=True)
    Server(bus, sys.argv[1])
    loop = GLib.MainLoop()
    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP,
                      lambda *a: loop.quit() or False)
    print("ready", flush=True)
    loop.run()
    del keep


if __name__ == "__main__":
    main()
