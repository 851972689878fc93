#!/usr/bin/env python3
"""An integrator's backend talking to the lock simulator server, with Python's standard library only.

It does what a backend test would: creates a lock, receives the virtual phones' uploads on a
webhook (checking their HMAC signature), issues a credential, unlocks through a virtual staff
phone, watches the fleet's events over the /events WebSocket, talks raw BLE fragments over the
/locks/{id}/ble WebSocket, opens a building's port unit (kind "port") with the same staff member,
and shows the two kinds of "no": a lock that refuses (HTTP 200, result not "Ok") and a request
that is wrong (4xx application/problem+json).

    python3 integrator.py [--server http://127.0.0.1:8471] [--token TOKEN]

Exit 0 when every step behaved as documented, 1 otherwise (with the step that did not).
"""

import argparse
import base64
import hashlib
import hmac
import http.server
import json
import os
import queue
import socket
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


class Problem(Exception):
    """A 4xx/5xx answer: the server's application/problem+json."""

    def __init__(self, status, problem):
        super().__init__(f"{status} {problem.get('title')}: {problem.get('detail')}")
        self.status = status
        self.problem = problem


class Simulator:
    """The HTTP JSON API: every body is JSON, every error a problem+json."""

    def __init__(self, base, token=None):
        self.base = base.rstrip("/")
        self.token = token

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            if error.headers.get_content_type() != "application/problem+json":
                raise AssertionError(f"{method} {path}: {error.code} without problem+json")
            raise Problem(error.code, json.loads(error.read())) from None


class WebSocket:
    """A minimal RFC 6455 client: masked frames out, text/binary/close in, pings answered."""

    def __init__(self, base, path, token=None):
        url = urllib.parse.urlsplit(base)
        self.sock = socket.create_connection((url.hostname, url.port or 80), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        headers = [f"GET {path} HTTP/1.1", f"Host: {url.netloc}", "Upgrade: websocket", "Connection: Upgrade",
                   f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        if token:
            headers.append("Authorization: Bearer " + token)
        self.sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += self._recv(1)
        accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
        if not answer.startswith(b"HTTP/1.1 101") or accept.encode() not in answer:
            raise AssertionError(f"{path}: no WebSocket upgrade: {answer.splitlines()[0]!r}")
        self.close_code = None

    def _recv(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise ConnectionError("the server closed the connection")
            data += chunk
        return data

    def _send(self, opcode, payload):
        mask = os.urandom(4)
        length = len(payload)
        header = bytes([0x80 | opcode])
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def send_text(self, obj):
        self._send(0x1, json.dumps(obj).encode())

    def send_binary(self, data):
        self._send(0x2, bytes(data))

    def receive(self):
        """The next message as ("text", obj) or ("binary", bytes), or ("close", code)."""
        while True:
            first, second = self._recv(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv(8))[0]
            payload = self._recv(length)
            opcode = first & 0x0F
            if opcode == 0x1:
                return "text", json.loads(payload)
            if opcode == 0x2:
                return "binary", payload
            if opcode == 0x8:
                self.close_code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else 1005
                return "close", self.close_code
            if opcode == 0x9:
                self._send(0xA, payload)

    def close(self):
        try:
            self._send(0x8, struct.pack(">H", 1000))
            while self.receive()[0] != "close":
                pass
        finally:
            self.sock.close()


class WebhookReceiver:
    """The backend's webhook endpoint: checks each upload's signature and queues the payloads."""

    def __init__(self, secret):
        uploads = self.uploads = queue.Queue()
        key = secret.encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                expected = "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, self.headers.get("X-Lock-Simulator-Signature", "")):
                    self.send_response(401)
                    self.end_headers()
                    return
                uploads.put(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next(self):
        return self.uploads.get(timeout=30)

    def stop(self):
        self.server.shutdown()


def step(text):
    print(f"- {text}", flush=True)


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("LOCK_SIMULATOR_URL", "http://127.0.0.1:8471"))
    parser.add_argument("--token", default=os.environ.get("LOCK_SIMULATOR_TOKEN"))
    args = parser.parse_args()
    sim = Simulator(args.server, args.token)
    lock_id = 4242

    info = sim.call("GET", "/")
    step(f"server seed {info['seed']}, virtual time {info['time']['timeMs']} ms ({info['time']['mode']})")

    created = sim.call("POST", "/locks", {"lockId": lock_id, "serial": "PY004242"})
    check(created["paired"] and created["secret"], "a new lock is paired and has a secret")
    step(f"lock {lock_id} created: state {created['state']}, battery {created['batteryLevel']}")

    secret = "python-example-webhook-secret"
    receiver = WebhookReceiver(secret)
    hook = sim.call("PUT", "/webhook", {"url": receiver.url, "secret": secret})
    step(f"webhook at {hook['url']}, signed in {hook['signatureHeader']}")

    events = WebSocket(args.server, f"/events?lockId={lock_id}", args.token)
    credential = sim.call("POST", "/backend/credentials", {"lockId": lock_id, "keyId": 7, "userId": 42})
    phone = {"credential": credential["credential"], "key": credential["key"]}

    unlocked = sim.call("POST", f"/locks/{lock_id}/phone/unlock", phone)
    check(unlocked["result"] == "Ok" and unlocked["lock"]["state"] == "Unlocked", f"unlock: {unlocked['result']}")
    check(any(e["kind"] == "stateChanged" and e["state"] == "Unlocked" for e in unlocked["events"]), "the phone heard the state event")
    step(f"unlocked by a virtual phone in {unlocked['finishedMs'] - unlocked['startedMs']} ms of virtual time")

    while True:
        kind, event = events.receive()
        check(kind == "text", f"/events sent {kind}")
        if event["kind"] == "state" and event["value"] == "Unlocked":
            step(f"/events: #{event['seq']} at {event['timeMs']} ms lock {event['lockId']} state Unlocked")
            break

    status = sim.call("POST", f"/locks/{lock_id}/phone/status", phone)
    upload = receiver.next()
    check(upload["kind"] == "status" and upload["lockId"] == lock_id, "the status upload reached the webhook")
    step(f"webhook: signed status upload, warnings {upload['status']['warnings']['names']} (phone result {status['result']})")

    ble = WebSocket(args.server, f"/locks/{lock_id}/ble", args.token)
    ble.send_text({"type": "connect"})
    kind, connected = ble.receive()
    check(kind == "text" and connected["type"] == "connected", f"BLE connect: {connected}")
    ble.send_binary([0x41, 0x03])  # a continuation without its first fragment
    kind, notification = ble.receive()
    check(kind == "binary" and notification[-1] == 0x10, f"the lock answers BadFrame (0x10): {notification!r}")
    step(f"BLE: a stray fragment is answered {notification.hex()} (BadFrame); MTU {connected['mtu']}")
    ble.send_text({"type": "disconnect"})
    check(ble.receive()[1]["type"] == "disconnected", "BLE disconnect")
    ble.close()

    # The building's entrance: a port unit, one lock with its own secret; the same staff member gets a credential for it.
    port_id = 4300
    port = sim.call("POST", "/locks", {"lockId": port_id, "kind": "port"})
    check(port["kind"] == "port" and port["strike"] == "engaged", f"a new port unit's strike is engaged: {port.get('strike')}")
    port_credential = sim.call("POST", "/backend/credentials", {"lockId": port_id, "keyId": 31, "userId": 42})
    entrance = sim.call("POST", f"/locks/{port_id}/phone/unlock", {"credential": port_credential["credential"], "key": port_credential["key"]})
    check(entrance["result"] == "Ok" and entrance["lock"]["strike"] == "released", f"port unlock: {entrance['result']}")
    step(f"port unit {port_id}: user 42 releases the strike (state {entrance['lock']['state']}, last user {entrance['lock']['lastUser']})")
    sim.call("DELETE", f"/locks/{port_id}")

    now = sim.call("GET", "/time")["wallTime"]
    expired = sim.call("POST", "/backend/credentials", {"lockId": lock_id, "keyId": 8, "userId": 43,
                                                        "validFrom": "2020-01-01T00:00:00Z", "validUntil": "2020-01-02T00:00:00Z"})
    refused = sim.call("POST", f"/locks/{lock_id}/phone/lock", {"credential": expired["credential"], "key": expired["key"]})
    check(refused["result"] == "OutsideWindow", f"an expired credential is refused by the lock: {refused['result']}")
    step(f"the lock refuses an expired credential at {now}: HTTP 200, result {refused['result']}")

    try:
        sim.call("POST", "/locks", {"lockId": "77"})
        raise AssertionError("a lock id as a string was accepted")
    except Problem as problem:
        check(problem.status == 400, "a bad request is a 400")
        step(f"a wrong request is a problem+json: {problem.status} {problem.problem['detail']}")

    sim.call("DELETE", f"/locks/{lock_id}")
    kind, removed = events.receive()
    while kind == "text" and removed["kind"] != "removed":
        kind, removed = events.receive()
    step(f"lock {lock_id} removed")
    events.close()
    sim.call("DELETE", "/webhook")
    receiver.stop()
    print("integrator example: every step behaved as documented")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, Problem, OSError, queue.Empty) as failure:
        print(f"integrator example FAILED: {failure!r}", file=sys.stderr)
        sys.exit(1)
