"""Time source. Services take a clock so the demo can write a fortnight of history and tests can
pin time; the counter uses the system clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone


def to_utc_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def utc_now_text() -> str:
    """This machine's time now, as stored (the center's clock; a station's is ``Store.clock``)."""
    return to_utc_text(datetime.now(timezone.utc))


def from_utc_text(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


class SystemClock:
    def now(self) -> datetime:
        """Aware local time; its offset is what the keeper saw on the wall."""
        return datetime.now().astimezone()


class FixedClock:
    """A clock that only moves when told (demo, tests)."""

    def __init__(self, start: datetime):
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta) -> None:
        self.current = self.current + timedelta(**delta)

    def set(self, moment: datetime) -> None:
        self.current = moment


def local_date(utc_text: str, offset_min: int) -> date:
    return (from_utc_text(utc_text) + timedelta(minutes=offset_min)).date()


def utc_offset_min(moment: datetime) -> int:
    return int(moment.utcoffset().total_seconds() // 60)


def today_text(moment: datetime) -> str:
    """The local business date of an aware moment, as stored (YYYY-MM-DD)."""
    return moment.date().isoformat()
