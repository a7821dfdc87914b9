"""Probe a running Rancang (e.g. `make run`, with the demo) from outside, the way issue 18's probe did.
Each check prints a count per category; nothing here needs more than the standard library.

    RANCANG_DATA_DIR=... .venv/bin/python scripts/attack/probe.py http://127.0.0.1:8000 [--mail-log server.log]

The ids of the demo's masterplan and quick wins are read from the portal's own database (same
RANCANG_DATA_DIR / DATABASE_URL as the server), URLs with reverse(). Checks: case-variant lockout, reset
flood, content-type swap, huge numbers, long text, pixel flood, CSV read with ';' and ','. A check changes
demo data (a photo, a refused quick win); run it on a demo, never on a real portal.
"""

import argparse
import csv
import http.cookiejar
import io
import os
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rancang-demo-2022"


class Browser:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect(), urllib.request.HTTPSHandler()
        )

    def csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, method, path, data=None, files=None, headers=None):
        url = path if path.startswith("http") else self.base + path
        headers = {"Referer": self.base + "/", **(headers or {})}
        body = None
        if method == "POST":
            headers["X-CSRFToken"] = self.csrf()
            if files:
                body, content_type = multipart(data or {}, files)
                headers["Content-Type"] = content_type
            else:
                body = urllib.parse.urlencode(data or {}, doseq=True).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=300) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def get(self, path, **query):
        return self.request("GET", path + ("?" + urllib.parse.urlencode(query) if query else ""))

    def post(self, path, data=None, files=None):
        if not self.csrf():
            self.get(path)
        return self.request("POST", path, data, files)

    def login(self, email, password=PASSWORD):
        login = reverse("accounts:login")
        self.get(login)
        status, headers, _body = self.post(login, {"username": email, "password": password})
        return status == 302 and "masuk" not in headers.get("Location", "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode())
    for name, filename, content in files:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        out.write(content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def png(width, height, tail=b""):
    """A real PNG of one colour (rows of zeros compress to almost nothing, so 39.7 MP is a small file)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = zlib.compress((b"\x00" + b"\x00" * width * 3) * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"") + tail


def reverse(name, *args):
    from django.urls import reverse as django_reverse

    return django_reverse(name, args=args)


def report(title, counts):
    print(f"{title}: " + ", ".join(f"{key}={value}" for key, value in sorted(counts.items())))


def status_class(status):
    return f"{status // 100}xx"


# Checks ------------------------------------------------------------------------------------------


def check_case_variant_lockout(base, email):
    variants = [email, email.upper(), email.capitalize(), email.swapcase(), f" {email} "]
    counts = Counter()
    for i in range(10):
        variant = variants[i % len(variants)]
        counts["wrong password accepted" if Browser(base).login(variant, "salah-salah-salah") else "refused"] += 1
    locked = not Browser(base).login(email.upper())  # the right password, after ten failures in any case
    counts["locked after failures" if locked else "NOT locked"] += 1
    report("case-variant lockout", counts)


def check_reset_flood(base, email, mail_log):
    before = mail_log.read_text(errors="replace").count("Subject:") if mail_log else None
    counts = Counter()
    for _ in range(30):
        status, headers, _body = Browser(base).post(reverse("accounts:password_reset"), {"email": email})
        counts[f"{status} {headers.get('Location', '')}"] += 1
    status, headers, _body = Browser(base).post(reverse("accounts:password_reset"), {"email": "tidak-ada@ppu.demo"})
    counts[f"unknown: {status} {headers.get('Location', '')}"] += 1
    if mail_log:
        time.sleep(1)
        counts["mails sent"] = mail_log.read_text(errors="replace").count("Subject:") - before
    report("reset flood (30 for one address)", counts)


def check_content_type_swap(browser, mp, quickwin):
    counts = Counter()
    url = reverse("quickwins:photo_add", mp, quickwin)
    evil = png(16, 16, tail=b"<html><script>alert(document.domain)</script></html>")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for name, content in (("evil.html", evil), ("gambar.svg", svg)):
        status, headers, body = browser.post(url, {"caption": f"probe {name}"}, files=[("image", name, content)])
        if status == 302:  # the message is on the page it sends us to
            status, _h, body = browser.get(headers["Location"])
        refused = "bukan jenis yang diizinkan" in body.decode(errors="replace")
        counts[f"upload {name}: {'refused' if refused else 'accepted'}"] += 1
    photo_prefix = reverse("quickwins:photo", mp, 1).rsplit("1/", 1)[0]
    status, _h, body = browser.get(reverse("quickwins:profile", mp, quickwin))
    for photo_url in sorted(set(re.findall(rf"{photo_prefix}\d+/", body.decode(errors="replace")))):
        status, headers, content = browser.get(photo_url)
        kind = headers.get("Content-Type", "?")
        counts[f"served {kind}"] += 1
        counts["served with nosniff" if headers.get("X-Content-Type-Options") == "nosniff" else "NO nosniff"] += 1
        if b"<script" in content:
            counts["served WITH a script tail"] += 1
    report("content-type swap", counts)


def check_huge_numbers(browser, mp, rpjmd_program):
    counts = Counter()
    values = ["99999999999999999999", str(2**63), "-1", "abc", "²", "9" * 5000]
    lists = [
        reverse("review:activity", mp),
        reverse("review:page", mp),
        reverse("rpjmd:mapping", mp),
        reverse("books:index", mp),
        reverse("review:notifications"),
        reverse("masterplan:home"),
        reverse("plan:programmes", mp),
    ]
    for path in lists:
        for value in values:
            status, _h, _b = browser.get(path, page=value, opd=value, person=value, section=value)
            counts[status_class(status)] += 1
    for value in values:
        data = {"programs": [rpjmd_program, value], "primary_element": "1"}
        status, _h, _b = browser.post(reverse("rpjmd:bulk_map", mp), data)
        counts[f"bulk {status_class(status)}"] += 1
        status, _h, _b = browser.post(
            reverse("review:comment_add", mp), {"section": "rpjmd.programs", "body": "x", "mentions": value}
        )
        counts[f"multiple choice {status_class(status)}"] += 1
    report("huge numbers", counts)


def check_long_text(browser, mp, opd):
    counts = Counter()
    data = {"short_name": "Probe", "full_name": "Probe panjang", "owner_opd": opd, "problem": "a" * (2 * 2**20)}
    status, _h, body = browser.post(reverse("quickwins:create", mp), data)
    counts[f"2 MB problem: {status}"] += 1
    counts["refused with a message" if "terlalu panjang" in body.decode(errors="replace") else "NOT refused"] += 1
    report("long text", counts)


def check_pixel_flood(browser, mp, quickwin):
    counts = Counter()
    big = png(7280, 5456)  # 39.7 MP
    files = [("files", f"besar{i}.png", big) for i in range(10)]
    data = {"date": time.strftime("%Y-%m-%d"), "percent": "10", "status": "build", "note": "probe"}
    start = time.perf_counter()
    status, _h, body = browser.post(reverse("quickwins:progress", mp, quickwin), data, files=files)
    counts[f"ten 39.7 MP PNGs: {status}"] += 1
    page = body.decode(errors="replace")
    counts["refused with a message" if "megapiksel" in page else "accepted"] += 1
    counts["seconds"] = round(time.perf_counter() - start, 1)
    report("pixel flood", counts)


def check_csv(browser, mp):
    status, headers, body = browser.get(reverse("rpjmd:export", mp, "csv"))
    counts = Counter({f"download {status}": 1})
    text = body.decode("utf-8-sig", errors="replace")
    for delimiter in (";", ","):
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        widths = Counter(len(r) for r in rows)
        counts[f"'{delimiter}' rows"] = len(rows)
        counts[f"'{delimiter}' column counts"] = len(widths)  # 1: every row has the same number of columns
        counts[f"'{delimiter}' formula cells"] = sum(1 for r in rows for c in r if c[:1] in ("=", "+", "-", "@"))
    report("CSV read with ';' and ','", counts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--mail-log", type=Path, help="the server's output (console mail backend) to count mails")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from masterplan.models import Membership
    from quickwins.models import QuickWin
    from rpjmd.models import Program

    member = Membership.objects.select_related("masterplan", "opd").get(user__email="dlh@ppu.demo")
    mp = member.masterplan.pk
    quickwin = next(q for q in QuickWin.objects.filter(masterplan_id=mp) if q.owner_opd_id == member.opd_id)
    program = Program.objects.filter(rpjmd__region=member.masterplan.region, opd=member.opd).first()

    check_case_variant_lockout(args.base, "dispar@ppu.demo")
    check_reset_flood(args.base, "pembaca@ppu.demo", args.mail_log)
    opd = Browser(args.base)
    assert opd.login("dlh@ppu.demo"), "cannot sign in as the demo's OPD member"
    check_content_type_swap(opd, mp, quickwin.pk)
    check_huge_numbers(opd, mp, program.pk if program else 1)
    check_long_text(opd, mp, member.opd_id)
    check_pixel_flood(opd, mp, quickwin.pk)
    coordinator = Browser(args.base)
    assert coordinator.login("koordinator@ppu.demo"), "cannot sign in as the demo's coordinator"
    check_csv(coordinator, mp)


if __name__ == "__main__":
    main()
