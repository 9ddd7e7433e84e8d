"""The county's time: the center stores UTC, and counts days and shows times as China does."""

from __future__ import annotations

from datetime import timedelta, timezone

from station_app.core.clock import from_utc_text


def _zone():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Shanghai")
    except Exception:  # noqa: BLE001 - no tz database: China has had one offset since 1991
        return timezone(timedelta(hours=8))


ZONE = _zone()


def local_day(utc_text: str) -> str:
    """The county's date (YYYY-MM-DD) of a stored UTC time."""
    return from_utc_text(utc_text).astimezone(ZONE).date().isoformat()
