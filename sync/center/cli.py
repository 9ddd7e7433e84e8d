"""`county-center` (also `python -m sync.center`): the county's service and its staff commands
(DESIGN §8). Every command takes --db: a SQLite file (the default) or a PostgreSQL URL."""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from pathlib import Path

from station_app.core import runtime
from sync.center.storage import DEFAULT_DB

LEDGER_FORMATS = ("json", "csv", "xlsx", "pdf")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="county-center",
                                description="County e-commerce center · 县级电商服务中心")
    p.add_argument("--db", default=os.environ.get("COUNTY_CENTER_DB", DEFAULT_DB),
                   help="SQLite file or postgresql://user@host/db (default: %(default)s)")
    p.add_argument("--key-file", type=Path, default=os.environ.get("COUNTY_CENTER_KEY_FILE"),
                   help="the center's signing key (default: beside a SQLite file; for "
                        "PostgreSQL under $COUNTY_CENTER_HOME or ~/.local/share/county-center)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create a new county center: its database and its key file")
    s = sub.add_parser("serve", help="run the HTTP service stations sync with")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8600)
    s.add_argument("--workers", type=int, default=1,
                   help="server processes sharing the port (PostgreSQL only; default 1)")
    a = sub.add_parser("add-station", help="register a station; prints its one-time code")
    a.add_argument("--station-id", required=True)
    a.add_argument("--name", required=True)
    a.add_argument("--village", default="")
    a.add_argument("--township", default="", help="乡镇: the workspace groups stations by it")
    a.add_argument("--url", default=os.environ.get("COUNTY_CENTER_URL", ""),
                   help="this center's address, put in the QR code for the station to scan")
    a.add_argument("--qr-out", type=Path, default=None, help="also save the QR code as PNG")
    k = sub.add_parser("rekey-station", help="a station's new PC: drop its key, void its codes, "
                                             "print a new one-time code")
    k.add_argument("--station-id", required=True)
    k.add_argument("--url", default=os.environ.get("COUNTY_CENTER_URL", ""),
                   help="this center's address, put in the QR code for the station to scan")
    k.add_argument("--qr-out", type=Path, default=None, help="also save the QR code as PNG")
    r = sub.add_parser("revoke-station", help="refuse a station's uploads from now on")
    r.add_argument("--station-id", required=True)
    i = sub.add_parser("import-bundle", help="import a station's USB bundle")
    i.add_argument("file", type=Path)
    i.add_argument("--reply", type=Path, default=None,
                   help="also write the station's reply file (its mark here and the newest "
                        "configuration) to carry back on the stick")
    led = sub.add_parser("ledger", help="a station's month ledger: totals and every entry "
                                        "(json and csv byte for byte what the station prints)")
    led.add_argument("--station-id", required=True)
    led.add_argument("--month", required=True, help="YYYY-MM")
    led.add_argument("--format", choices=LEDGER_FORMATS, default="json")
    led.add_argument("--out", type=Path, default=None)
    led.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN",
                     help="words in the PDF, CSV and XLSX (JSON has none)")
    c = sub.add_parser("publish-config", help="sign and publish a configuration (JSON file)")
    c.add_argument("file", type=Path)
    sub.add_parser("config-template",
                   help="print the built-in rules as a configuration to edit and publish")
    u = sub.add_parser("add-user", help="a staff account for the workspace; the password is "
                                        "read from stdin or asked for, never taken as an argument")
    u.add_argument("--username", required=True)
    u.add_argument("--role", choices=["admin", "viewer"], required=True)
    w = sub.add_parser("passwd", help="a staff account's new password (from stdin or asked for); "
                                      "signs its browsers out")
    w.add_argument("--username", required=True)
    d = sub.add_parser("disable-user", help="a staff account may no longer sign in; its "
                                            "browsers are signed out")
    d.add_argument("--username", required=True)
    sub.add_parser("users", help="the staff accounts")
    v = sub.add_parser("import-villages", help="the county's administrative villages (行政村) "
                                               "from a CSV of township,village lines (UTF-8 or "
                                               "GBK); replaces the list, all or nothing")
    v.add_argument("file", type=Path)
    sub.add_parser("stations", help="every station, its mark and when it was last heard from")
    sub.add_parser("flags", help="conflicts and content the center could not interpret")
    return p


def _open(args):
    from sync.center.storage import open_center

    return open_center(args.db, args.key_file)


def cmd_init(args) -> int:
    from sync.center.keyfile import default_key_file
    from sync.center.storage import init_center

    center = init_center(args.db, args.key_file)
    print(f"county center created: {args.db}\n"
          f"its signing key: {args.key_file or default_key_file(args.db)} (owner-only; back it "
          f"up with the database)\n"
          f"key fingerprint (on every enrollment card): {center.fingerprint}")
    return 0


def cmd_serve(args) -> int:
    import uvicorn

    from sync.center.storage import is_postgresql

    if args.workers < 1:
        raise ValueError("--workers must be 1 or more")
    if args.workers > 1 and not is_postgresql(args.db):
        raise ValueError("a SQLite center is served by one process (it has one writer): "
                         "drop --workers, or move the center to PostgreSQL")
    center = _open(args)  # checked (and migrated) once, before any worker starts
    # Bound here, before uvicorn starts: the line below is printed once connections can queue,
    # and --port 0 takes a free port (tests and benchmarks read it from that line).
    sock = socket.create_server((args.host, args.port), backlog=2048)
    # Accepted connections inherit this. Without it a station's request (headers, then body)
    # meets the kernel's delayed ACK: every batch waited ~40 ms for nothing.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    host, port = sock.getsockname()[:2]
    options = {"log_level": "warning", "timeout_keep_alive": 30}
    if args.workers == 1:
        from sync.center.api import create_app

        config = uvicorn.Config(create_app(center), **options)
        print(f"county-center: serving {args.db} at http://{host}:{port}", flush=True)
        runtime.tune()
        uvicorn.Server(config).run(sockets=[sock])
        return 0
    from uvicorn.supervisors import Multiprocess

    center.close()
    os.environ["COUNTY_CENTER_DB"] = args.db  # each worker opens its own center on it
    config = uvicorn.Config("sync.center.api:app_from_environment", factory=True,
                            workers=args.workers, **options)
    print(f"county-center: {args.workers} processes serving {args.db} at http://{host}:{port}",
          flush=True)
    Multiprocess(config, sockets=[sock]).run()  # restarts a worker that dies
    return 0


def cmd_add_station(args) -> int:
    center = _open(args)
    return _print_code(args, center.add_station(args.station_id, args.name, args.village,
                                                args.township), center.fingerprint)


def cmd_rekey_station(args) -> int:
    center = _open(args)
    return _print_code(args, center.rekey_station(args.station_id), center.fingerprint)


def _print_code(args, code: str, fingerprint: str) -> int:
    """The one-time code and the center key's fingerprint, and the QR code carrying both for
    the station to scan (also as PNG, if asked)."""
    import qrcode

    from sync.protocol import enrollment_text

    if not args.url.startswith(("http://", "https://")):
        print("county-center: note: the QR code carries no center address (give --url "
              "http://HOST:PORT, or set COUNTY_CENTER_URL); the keeper must type it",
              file=sys.stderr)

    qr = qrcode.QRCode(border=1)
    qr.add_data(enrollment_text(args.url, args.station_id.strip(), code, fingerprint))
    if args.qr_out:  # first: a closed stdout must not lose the only copy of a new code's QR
        qr.make_image().save(args.qr_out)
    print(f"station {args.station_id}: one-time enrollment code {code} "
          f"(valid 7 days, for one enrollment; any older code of this station is void now)\n"
          f"county center key fingerprint {fingerprint} (the station checks the center's first "
          f"answer against it: station-app enroll --center-key {fingerprint})")
    qr.print_ascii(out=sys.stdout, invert=True)
    if args.qr_out:
        print(f"QR code saved: {args.qr_out}")
    return 0


def cmd_revoke_station(args) -> int:
    _open(args).revoke_station(args.station_id)
    print(f"station {args.station_id} revoked")
    return 0


def cmd_import_bundle(args) -> int:
    from sync.center.bundles import import_bundle, reply
    from sync.files import write_atomically

    center = _open(args)
    runtime.tune()
    result = import_bundle(center, args.file.read_bytes())
    print(f"bundle of station {result.station_id}: {result.batches} batches, "
          f"{result.new_events} new events, now at seq {result.hw_seq}")
    if args.reply:
        write_atomically(args.reply, reply(center, result.station_id))
        print(f"reply for the station written: {args.reply}")
    return 0


def cmd_ledger(args) -> int:
    from station_app.core.monthly import check_month
    from station_app.reports.catalog import ts_translator
    from station_app.reports.ledger_docs import ledger_bytes, write_ledger_pdf

    check_month(args.month)
    center = _open(args)
    doc = center.ledger(args.station_id, args.month)
    t = ts_translator(args.lang if args.format != "json" else "en")
    if args.format == "pdf":
        info = center.station(args.station_id)
        out = write_ledger_pdf(doc, args.out or Path(f"ledger-{args.station_id}-{args.month}.pdf"),
                               f"{info.name}  {info.station_id}", t)
        print(f"ledger written: {out}")
        return 0
    data = ledger_bytes(doc, args.format, t)
    if args.out is None and args.format != "xlsx":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    out = args.out or Path(f"ledger-{args.station_id}-{args.month}.{args.format}")
    out.write_bytes(data)
    print(f"ledger written: {out}")
    return 0


def cmd_publish_config(args) -> int:
    body = json.loads(args.file.read_text(encoding="utf-8"))
    version = _open(args).publish_config(body)
    print(f"configuration version {version} published")
    return 0


def cmd_config_template(args) -> int:
    from station_app.core.county_config import template

    print(json.dumps(template(), ensure_ascii=False, indent=2))
    return 0


def _read_password() -> str:
    """From a terminal: asked twice, not echoed. Piped: the first line of stdin."""
    import getpass

    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_add_user(args) -> int:
    from sync.center.web import accounts

    center = _open(args)
    accounts.add_user(center, args.username, args.role, _read_password())
    print(f"user {args.username} added ({args.role})")
    return 0


def cmd_passwd(args) -> int:
    from sync.center.web import accounts

    center = _open(args)
    accounts.set_password(center, args.username, _read_password())
    print(f"password of {args.username} changed; its browsers are signed out")
    return 0


def cmd_disable_user(args) -> int:
    from sync.center.web import accounts

    accounts.disable_user(_open(args), args.username)
    print(f"user {args.username} disabled")
    return 0


def cmd_users(args) -> int:
    from sync.center.web import accounts

    for u in accounts.users(_open(args)):
        print(f"{u['username']}\t{u['role']}\t{'disabled' if u['disabled'] else 'active'}\t"
              f"since {u['created_at']}")
    return 0


def cmd_import_villages(args) -> int:
    from sync.center.coverage import VillageFileError, import_villages

    center = _open(args)
    try:
        count = import_villages(center, args.file.read_bytes())
    except VillageFileError as exc:
        print(f"county-center: {args.file} was not imported (nothing changed):", file=sys.stderr)
        for number, what in exc.problems[:50]:
            print(f"  line {number}: {what}" if number else f"  {what}", file=sys.stderr)
        return 2
    print(f"{count} villages imported from {args.file}")
    return 0


def cmd_stations(args) -> int:
    for s in _open(args).stations():
        print(f"{s.station_id}\t{s.status}\t{s.name}\tseq {s.hw_seq}\t"
              f"last seen {s.last_seen_at or 'never'}")
    return 0


def cmd_flags(args) -> int:
    for f in _open(args).flags():
        print(f"{f['created_at']}\t{f['station_id']}\tseq {f['seq']}\t{f['kind']}\t{f['detail']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from sqlalchemy.exc import DBAPIError

    from sync.protocol import ProtocolError

    args = _parser().parse_args(argv)
    command = globals()["cmd_" + args.command.replace("-", "_")]
    try:
        return command(args)
    except ProtocolError as exc:
        print(f"county-center: refused ({exc.status} {exc.code}): {exc.detail}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as exc:
        print(f"county-center: {exc}", file=sys.stderr)
        return 2
    except DBAPIError as exc:  # a database that does not answer, or refuses us
        print(f"county-center: the database refused or did not answer: {exc.orig}",
              file=sys.stderr)
        return 2
