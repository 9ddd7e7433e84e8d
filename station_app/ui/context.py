"""What every page needs: the open station, the DB worker, who is logged in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from station_app.core.clock import SystemClock
from station_app.ui.worker import DbWorker

if TYPE_CHECKING:
    from station_app.core.people import OperatorInfo
    from station_app.core.station import Station


@dataclass
class AppContext:
    """``station`` is None until the worker has opened it (the window is shown before that); it
    is set by the opening job itself, so every job queued after that one finds it open.
    ``clock`` is the station's one clock: every date a page shows or defaults to comes from it
    (the station opened later is given the same one)."""

    station: Station | None
    worker: DbWorker
    lang: str = "zh_CN"
    operator: OperatorInfo | None = field(default=None)
    clock: Any = field(default_factory=SystemClock)
    files_dir: str = ""  # this computer's folder for the keeper's files (ui/files.py), from prefs

    def __post_init__(self) -> None:
        if self.station is not None:
            self.clock = self.station.store.clock

    @property
    def store(self):
        if self.station is None:
            raise RuntimeError("the station is not open yet")
        return self.station.store

    @property
    def op_id(self) -> str:
        if self.operator is None:
            raise RuntimeError("nobody is logged in")
        return self.operator.id
