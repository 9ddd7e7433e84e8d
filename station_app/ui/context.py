"""What every page needs: the open station, the DB worker, who is logged in."""

from __future__ import annotations

from dataclasses import dataclass, field

from station_app.core.people import OperatorInfo
from station_app.core.station import Station
from station_app.ui.worker import DbWorker


@dataclass
class AppContext:
    station: Station
    worker: DbWorker
    lang: str = "zh_CN"
    operator: OperatorInfo | None = field(default=None)

    @property
    def store(self):
        return self.station.store

    @property
    def op_id(self) -> str:
        if self.operator is None:
            raise RuntimeError("nobody is logged in")
        return self.operator.id
