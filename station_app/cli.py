"""`station-app`: the GUI by default, and the sub-commands of DESIGN §8.

Sub-commands import only what they use, so `station-app journal` never loads Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from station_app import __version__
from station_app.core import runtime


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="station-app", description="村站助手 · Village Station Assistant")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="station data folder (default: the user data folder)")
    p.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="interface language")
    p.add_argument("--self-test", action="store_true",
                   help="boot offscreen on a temporary database, build the window, exit 0")
    p.add_argument("--version", action="version", version=__version__)
    sub = p.add_subparsers(dest="command")
    d = sub.add_parser("demo", help="fill the data folder with realistic demo activity")
    d.add_argument("--days", type=int, default=14)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--until", type=_demo_end, default=None, metavar="YYYY-MM-DD",
                   help="the demo's last day (default: today, by this computer's clock)")
    j = sub.add_parser("journal", help="print the journal as JSON lines")
    j.add_argument("--from-seq", type=int, default=1)
    sub.add_parser("verify", help="check the database and the whole hash chain")
    b = sub.add_parser("backup", help="write a consistent copy of the database")
    b.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("restore", help="replace the database with a checked backup")
    r.add_argument("file", type=Path)
    r.add_argument("--other-station", action="store_true",
                   help="the backup is of another station: restore it over this one anyway")
    led = sub.add_parser("ledger", help="the month's ledger (台账) as JSON, CSV, XLSX or PDF")
    led.add_argument("--month", required=True, help="YYYY-MM")
    led.add_argument("--format", choices=["json", "csv", "xlsx", "pdf"], default="json")
    led.add_argument("--out", type=Path, default=None,
                     help="file to write (default: stdout for json and csv, ledger-YYYY-MM.xlsx/pdf)")
    e = sub.add_parser("enroll", help="enroll this station with the county center")
    e.add_argument("--center", required=True, help="the center's address, e.g. http://host:8600")
    e.add_argument("--station-id", required=True)
    e.add_argument("--code", required=True, help="the one-time code from the county")
    e.add_argument("--center-key", default="",
                   help="the center key's fingerprint from the enrollment card: the center's "
                        "answer must be signed with that key")
    sub.add_parser("sync", help="one sync round with the county center; prints a summary")
    x = sub.add_parser("export-bundle", help="unsynced records in one file for a USB stick")
    x.add_argument("--out", type=Path, required=True)
    x.add_argument("--station-id", default=None, help="with --code: enroll by this file")
    x.add_argument("--code", default=None, help="one-time code (a station with no link at all)")
    x.add_argument("--center-key", default="",
                   help="with --code: the center key's fingerprint from the enrollment card; "
                        "the county's reply must be signed with that key")
    r = sub.add_parser("import-reply",
                       help="the county's reply to a bundle: what it holds, its configuration")
    r.add_argument("file", type=Path)
    return p


def _data_dir(args) -> Path:
    from station_app.core.datadir import default_data_dir

    return args.data_dir or default_data_dir()


def _open(args):
    """The station in --data-dir; a folder without one is refused (a mistyped --data-dir must
    not make a new, empty station that then "verifies" or syncs nothing)."""
    from station_app.core import messages as m
    from station_app.core.datadir import DB_NAME
    from station_app.core.errors import UserError
    from station_app.core.station import open_station

    folder = _data_dir(args)
    if not (Path(folder) / DB_NAME).is_file():
        raise UserError(m.NO_STATION_DATA, folder=str(folder))
    return open_station(folder)


def cmd_journal(args) -> int:
    station = _open(args)
    out = sys.stdout
    for event in station.store.events(args.from_seq):
        out.write(json.dumps(event.as_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
    return 0


def cmd_verify(args) -> int:
    from station_app.core.verify import verify
    from station_app.db.backup import check_copy

    station = _open(args)
    check_copy(station.db_path)
    report = verify(station.store)
    if report.ok:
        print(f"OK: {report.events} events, {report.rows} rows, chain and rows intact")
        return 0
    first = report.first_bad_seq
    print(f"FAILED: first bad seq {first if first is not None else '(none: a row with no event)'}",
          file=sys.stderr)
    for problem in report.problems[:20]:
        print("  " + problem.text, file=sys.stderr)
    return 1


def cmd_backup(args) -> int:
    from station_app.db.backup import backup_to

    station = _open(args)
    path = backup_to(station.store.engine, args.out)
    print(f"backup written: {path}")
    return 0


def cmd_restore(args) -> int:
    """Check the copy completely (integrity, schema, chain, rows) before touching anything."""
    from station_app.core.errors import IntegrityError
    from station_app.core.datadir import DB_NAME
    from station_app.core.station import open_station
    from station_app.core.verify import verify
    from station_app.db.backup import backup_to, check_copy, replace_database, timestamped_name

    check_copy(args.file)
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / DB_NAME
        trial.write_bytes(Path(args.file).read_bytes())
        candidate = open_station(Path(tmp))
        report = verify(candidate.store)
        theirs = _identity(candidate)
        candidate.close()
        if not report.ok:
            raise IntegrityError(f"{args.file} does not verify (first bad seq "
                                 f"{report.first_bad_seq}); nothing was changed")
        if report.events == 0:
            raise IntegrityError(f"{args.file} holds no records: it is not a backup of a working "
                                 "station; nothing was changed")
        data_dir = _data_dir(args)
        target = data_dir / DB_NAME
        if target.exists():
            current = open_station(data_dir)
            ours = _identity(current)
            if ours[0] is not None and ours[0] != theirs[0]:
                if not args.other_station:
                    current.close()
                    raise IntegrityError(
                        f"{args.file} is a backup of another station ({theirs[1]}), not of this "
                        f"one ({ours[1]}); nothing was changed. To replace this station's records "
                        "with it anyway, add --other-station.")
                print(f"restoring the records of {theirs[1]} over those of {ours[1]}")
            saved = backup_to(current.store.engine, data_dir / "backups" / timestamped_name("before-restore", current.store.clock.now()))
            current.close()
            print(f"current database saved as {saved}")
        data_dir.mkdir(parents=True, exist_ok=True)
        replace_database(trial, target)
    print(f"restored {args.file}: {report.events} events verified")
    return 0


def _identity(station) -> tuple[str | None, str]:
    """Who a station's records are: the hash of its journal's first event (a backup of the
    same station shares it), and a name to tell the keeper."""
    from station_app.core.settings import station_settings

    with station.store.read() as conn:
        first = conn.exec_driver_sql("SELECT hash FROM journal WHERE seq = 1").first()
    s = station_settings(station.store)
    return (first[0] if first else None,
            " ".join(filter(None, [s.station_name, f"[{s.station_id}]" if s.station_id else ""])))


def _translate(args):
    """Printed words in the station's language, from the same .qm the GUI loads (QtCore only)."""
    from station_app.core.datadir import peek_language

    lang = args.lang or peek_language(_data_dir(args)) or "zh_CN"
    if lang == "en":
        return (lambda _context, text: text), "en"
    from PySide6.QtCore import QTranslator

    from station_app.resources import resources_dir

    translator = QTranslator()
    if not translator.load(str(resources_dir() / "i18n" / f"{lang}.qm")):
        raise FileNotFoundError(f"translation {lang}.qm is missing: run `make translations`")
    return (lambda context, text: translator.translate(context, text) or text), "zh"


def _user_text(args, exc) -> str:
    try:
        t, _lang = _translate(args)
    except (OSError, ValueError):  # no catalogue: the English words still say it
        return str(exc)
    return t("core", exc.template).format(**exc.params)


def cmd_ledger(args) -> int:
    from station_app.core import monthly
    from station_app.reports.ledger_docs import export_month, ledger_bytes

    try:
        monthly.check_month(args.month)
    except ValueError as exc:
        print(f"station-app: {exc}", file=sys.stderr)
        return 2
    station = _open(args)
    # JSON has no words to translate, and stays free of Qt.
    t, lang = _translate(args) if args.format != "json" else (lambda _c, text: text, "en")
    if args.out is None and args.format in ("json", "csv"):  # to stdout, for a pipe
        data = ledger_bytes(monthly.ledger_document(station.store, args.month), args.format, t)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    out = export_month(station.store, args.month, args.format,
                       args.out or Path(f"ledger-{args.month}.{args.format}"), t, lang)
    print(f"ledger written: {out}")
    return 0


def _demo_end(text: str):
    """A day given for the demo's end: its activity runs up to 18:00 local time that day."""
    from datetime import datetime

    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(hour=18).astimezone()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_demo(args) -> int:
    from station_app.demo import fill_demo

    summary = fill_demo(_data_dir(args), days=args.days, seed=args.seed, now=args.until)
    print(summary)
    return 0


def cmd_enroll(args) -> int:
    from station_app.core.people import SYSTEM
    from sync.client import enroll

    station = _open(args)
    state = enroll(station.store, args.center, args.station_id, args.code, SYSTEM,
                   center_key=args.center_key)
    from sync.protocol import key_fingerprint

    print(f"enrolled as {state.station_id} with {state.center_url}; "
          f"center key {key_fingerprint(state.center_key)} pinned")
    return 0


def cmd_sync(args) -> int:
    from sync.client import sync_round

    station = _open(args)
    result = sync_round(station.store)
    print(f"sent {result.sent_events} events in {result.batches} batches "
          f"({result.bytes_sent} bytes); center holds up to seq {result.acked_seq}; "
          f"{result.pending} pending")
    for note in result.notes:
        print("  " + note)
    return 0


def cmd_export_bundle(args) -> int:
    from sync.client import write_bundle

    if bool(args.station_id) != bool(args.code):
        print("station-app: --station-id and --code go together", file=sys.stderr)
        return 2
    station = _open(args)
    count = write_bundle(station.store, args.out, args.station_id, args.code,
                         center_key=args.center_key)
    print(f"bundle written: {args.out} ({count} events, {args.out.stat().st_size} bytes)")
    return 0


def cmd_import_reply(args) -> int:
    from sync.client import import_reply

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"station-app: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    station = _open(args)
    result = import_reply(station.store, data)
    print(f"county holds records up to {result.acked_seq} ({result.newly_acked} newly synced), "
          f"{result.pending} pending, county rules version {result.config_version}")
    for note in result.notes:
        print(f"  {note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from station_app.core.errors import IntegrityError, UserError
    from sync.protocol import SyncError

    args = _parser().parse_args(argv)
    if args.self_test:
        from station_app.ui.selftest import run_self_test

        return run_self_test(lang=args.lang)
    commands = {"journal": cmd_journal, "verify": cmd_verify, "backup": cmd_backup,
                "restore": cmd_restore, "demo": cmd_demo, "ledger": cmd_ledger,
                "enroll": cmd_enroll, "sync": cmd_sync, "export-bundle": cmd_export_bundle,
                "import-reply": cmd_import_reply}
    if args.command is None:
        from station_app.ui.app import run_gui

        return run_gui(_data_dir(args), lang=args.lang)
    runtime.tune()  # sync and export read the whole journal
    try:
        return commands[args.command](args)
    except UserError as exc:  # in the station's language, as the GUI says it
        print(f"station-app: {_user_text(args, exc)}", file=sys.stderr)
        return 2
    except IntegrityError as exc:
        print(f"station-app: {exc}", file=sys.stderr)
        return 2
    except SyncError as exc:
        print(f"station-app: {type(exc).__name__}: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `station-app journal | head`
        sys.stderr.close()
        return 0
