"""The interpreter, set for a long-running process that does bulk work (the station's sync, the
county center) once it has started up.

Reading a journal page or decoding a sync batch makes tens of thousands of small dicts and lists.
With the default thresholds every 700 of them start a collection, and the oldest generation,
which holds everything imported at start-up (Qt, SQLAlchemy, FastAPI), is walked again and
again for nothing: a fifth to a third of the center's time per batch went there. Objects made
before the work starts are frozen out of collection, and a collection waits for more garbage.
Reference counting still frees nearly everything at once; only cycles wait a little longer.

The interpreter's switch interval stays at its 5 ms: 1 ms helped one station's upload a little
(a median of 8,623 against 7,905 events/s) but cost the center with 50 stations at once a third.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000  # allocations between collections of the youngest generation


def tune() -> None:
    """Call once the process has started up (modules imported, window or server built)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
