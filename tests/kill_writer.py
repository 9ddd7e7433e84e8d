"""Child process for the kill test: checks parcels in forever, printing each number once its
transaction has committed (the service has returned)."""

import sys
from pathlib import Path

from station_app.core import parcels, people, shelves
from station_app.core.station import open_station

data_dir, start = Path(sys.argv[1]), int(sys.argv[2])
station = open_station(data_dir)
store = station.store
ops = people.operators(store)
if ops:
    keeper = ops[0]
else:
    keeper = people.create_operator(store, people.SYSTEM, "王站长", people.KEEPER, "1234")
    shelves.add_shelf(store, keeper.id, "A", 9, 500)
print("ready", flush=True)
n = start
while True:
    number = f"SF{n:013d}"
    parcels.check_in(store, keeper.id, number, phone="13812345678", name="张三")
    print(number, flush=True)
    n += 1
