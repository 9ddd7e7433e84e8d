"""The core's services, imported on first use rather than with the window.

They bring SQLAlchemy (most of a cold start), and the keeper should see the counter before it
has loaded. Their first use is a job on the DB worker, so the import happens there, off the GUI
thread; ``svc.parcels.check_in(...)`` reads as a plain module call. Light core modules (messages,
validation, carriers) are imported directly.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

SERVICES = ("bills", "drawer", "history", "ledger_lines", "monthly", "other_services", "parcels", "people", "produce",
            "purchases", "receipts", "sends", "settings", "shelves", "station", "voids")

if TYPE_CHECKING:
    from station_app.core import (bills, drawer, history, ledger_lines, monthly, other_services, parcels,  # noqa: F401
                                  people, produce, purchases, receipts, sends, settings, shelves, station,
                                  voids)


def __getattr__(name: str) -> ModuleType:
    if name not in SERVICES:
        raise AttributeError(f"{__name__} has no service {name!r}")
    module = importlib.import_module(f"station_app.core.{name}")  # thread-safe: the import lock
    globals()[name] = module
    return module
