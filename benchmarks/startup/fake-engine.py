#!/usr/bin/env python3
"""A stand-in Docker engine on a unix socket for the start-up benchmark: answers the three read-only
Engine API calls the status paths make (version, the project's container list, inspect) for four
running edge containers, the way dockerd does (HTTP/1.1, JSON). Usage: fake-engine.py SOCKET"""
import http.server
import json
import os
import socketserver
import sys

SERVICES = ["caddy", "xray-client", "hysteria2", "naive"]
CONTAINERS = {
    "%064x" % (i + 1): {
        "Id": "%064x" % (i + 1),
        "Name": "/oxpulse-partner-" + s,
        "RestartCount": 0,
        "State": {"Status": "running", "Running": True, "Restarting": False, "Pid": 100 + i,
                  "Health": {"Status": "healthy", "FailingStreak": 0, "Log": []}},
        "Config": {"Image": "ghcr.io/oxpulse/partner-edge-" + s + ":stable",
                   "Labels": {"com.docker.compose.project": "oxpulse-partner-edge",
                              "com.docker.compose.service": s}},
    }
    for i, s in enumerate(SERVICES)
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def address_string(self):
        return "unix"

    def log_message(self, *args):
        pass

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.startswith("/v1."):
            path = path[path.index("/", 1):]
        if path == "/version":
            self.reply(200, {"Version": "28.2.2", "ApiVersion": "1.50"})
        elif path == "/_ping":
            self.reply(200, "OK")
        elif path == "/containers/json":
            self.reply(200, [{"Id": c["Id"], "Names": [c["Name"]]} for c in CONTAINERS.values()])
        elif path.startswith("/containers/") and path.endswith("/json"):
            ref = path[len("/containers/"):-len("/json")]
            c = CONTAINERS.get(ref) or next((c for c in CONTAINERS.values() if c["Name"] == "/" + ref), None)
            self.reply(200, c) if c else self.reply(404, {"message": "No such container: " + ref})
        else:
            self.reply(404, {"message": "page not found"})


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


if __name__ == "__main__":
    sock = sys.argv[1]
    if os.path.exists(sock):
        os.unlink(sock)
    Server(sock, Handler).serve_forever()
