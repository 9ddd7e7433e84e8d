"""Small helpers shared by tests."""

from station_app.core.journal import Store


def head(store: Store) -> int:
    return store.head()[0]


def next_day(store: Store, operator_id: str, clock, days: int = 1) -> None:
    """Close today's drawer as counted, move the clock on, open the new day's drawer."""
    from station_app.core import drawer

    open_now = drawer.current(store)
    drawer.close_drawer(store, operator_id, open_now.expected_fen)
    clock.advance(days=days)
    drawer.open_drawer(store, operator_id, 20000)
