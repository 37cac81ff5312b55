#!/usr/bin/env python3
"""Stands in for ../shared/bench/signed_requests.py in bench/side-by-side-call: for twilio-voice it
writes whole calls instead of first webhooks, signed as Twilio signs them; any other mode goes to
the yardstick's own writer, unchanged.

A whole call is the first webhook, then one gather per digit in WHOLE_CALL_DIGITS (default "1 1":
the language, then the topic), each posted to the action URL the gateway's own TwiML gave. The
writer learns those URLs by walking one probe call through the gateway before it writes (a
different CallSid from every call in the file). The floor serves the first webhook's path only
(its gather URL answers 404): against it every step goes there, its GET and SET of the call's key.
Steps are written in blocks: the first webhooks of BLOCK calls, then their first gathers, and so
on, so a call's next step is sent thousands of requests after the one before it has been answered,
whatever the load's concurrency. The signature is computed as the yardstick's writer computes it
(that writer runs as a script on import, so it is not imported).

usage: whole-call-requests.py twilio-voice BASE_URL TOKEN N > FILE   (N requests, N / steps calls)"""
import base64
import hashlib
import hmac
import html
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BLOCK = 2000
HERE = os.path.dirname(os.path.abspath(__file__))


def signature(token, url, params):
    data = url + "".join(k + params[k] for k in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def call_params(call_sid, number, status, digits=None):
    p = {"AccountSid": "AC" + "0" * 32, "CallSid": call_sid, "From": number, "To": "+35929394777",
         "CallStatus": status, "Direction": "inbound", "ApiVersion": "2010-04-01"}
    if digits is not None:
        p["Digits"] = digits
    return p


def post(base, token, path, params):
    url = base + path
    request = urllib.request.Request(url, data=urllib.parse.urlencode(params).encode(), headers={
        "X-Twilio-Signature": signature(token, url, params), "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read().decode()


def learn_paths(base, token, digits):
    """The paths a call takes, from the gateway's TwiML; None for the floor, which serves one path."""
    probe = "CA" + "f" * 32
    answer = post(base, token, "/webhooks/twilio/voice", call_params(probe, "+359880999999", "ringing"))
    paths = ["/webhooks/twilio/voice"]
    for d in digits:
        action = re.search(r'<Gather[^>]*action="([^"]+)"', answer)
        if not action:
            return None if len(paths) == 1 else (paths, answer)
        url = urllib.parse.urlsplit(html.unescape(action.group(1)))
        path = url.path + ("?" + url.query if url.query else "")
        paths.append(path)
        try:
            answer = post(base, token, path, call_params(probe, "+359880999999", "in-progress", d))
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return None  # the floor: it serves the first webhook's path only
            raise
    return paths, answer


def main():
    mode, base, token, n = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3], int(sys.argv[4])
    if mode != "twilio-voice":
        os.execvp(sys.executable, [sys.executable, os.path.join(HERE, "signed_requests_yardstick.py")] + sys.argv[1:])
    digits = os.environ.get("WHOLE_CALL_DIGITS", "1 1").split()
    learned = learn_paths(base, token, digits)
    if learned is None:
        # every step to the one path the floor serves: its GET and SET of the call's key, per step
        paths = ["/webhooks/twilio/voice"] * (len(digits) + 1)
    else:
        paths, last = learned
        if len(paths) != len(digits) + 1:
            sys.exit("the gateway's call ended before %d gathers: %s" % (len(digits), last[:300]))
        verb = re.search(r"<(Enqueue|Record|Dial|Hangup|Gather|Redirect)\b", last)
        print("whole call: " + " -> ".join(paths) + " -> " + (verb.group(1) if verb else "?"), file=sys.stderr)
    steps = len(paths)
    seed = int(time.time())
    out = sys.stdout
    calls = n // steps
    for first in range(0, calls, BLOCK):
        block = range(first, min(calls, first + BLOCK))
        for step, path in enumerate(paths):
            for i in block:
                call_sid = "CA%032d" % (seed * 1_000_000 + i)
                number = "+35988%07d" % (i % 10**7)
                p = call_params(call_sid, number, "ringing") if step == 0 else call_params(call_sid, number, "in-progress", digits[step - 1])
                out.write("%s\tX-Twilio-Signature\t%s\tapplication/x-www-form-urlencoded\t%s\n" % (
                    path, signature(token, base + path, p), urllib.parse.urlencode(p)))


if __name__ == "__main__":
    main()
