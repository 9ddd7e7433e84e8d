"""What every page needs: the open station, the DB worker, who is logged in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from station_app.ui.worker import DbWorker

if TYPE_CHECKING:
    from station_app.core.people import OperatorInfo
    from station_app.core.station import Station


@dataclass
class AppContext:
    """``station`` is None until the worker has opened it (the window is shown before that); it
    is set by the opening job itself, so every job queued after that one finds it open."""

    station: Station | None
    worker: DbWorker
    lang: str = "zh_CN"
    operator: OperatorInfo | None = field(default=None)

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
