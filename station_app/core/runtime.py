"""The interpreter, set for a long-running process that does bulk work on threads (the station's
sync, the county center) once it has started up.

Reading a journal page or decoding a sync batch makes tens of thousands of small dicts and lists.
With the default thresholds every 700 of them start a collection, and the oldest generation,
which holds everything imported at start-up (Qt, SQLAlchemy, FastAPI), is walked again and
again for nothing: a fifth to a third of the center's time per batch went there. Objects made
before the work starts are frozen out of collection, and a collection waits for more garbage.
Reference counting still frees nearly everything at once; only cycles wait a little longer.

A thread that has work to hand on (an answer read off a socket, the next batch to send) waits
for the one decoding to let go of the interpreter: 5 ms by default, several times per batch.
At 1 ms those hand-overs stop idling the pipeline (measured in alternating runs of
bench/sync.py's single station: a median of 8,623 against 7,905 events/s).
"""

from __future__ import annotations

import gc
import sys

YOUNG_THRESHOLD = 10_000  # allocations between collections of the youngest generation
SWITCH_INTERVAL_S = 0.001


def tune() -> None:
    """Call once the process has started up (modules imported, window or server built)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
    sys.setswitchinterval(SWITCH_INTERVAL_S)
