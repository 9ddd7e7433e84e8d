"""Small helpers shared by tests."""

from station_app.core.journal import Store


def head(store: Store) -> int:
    return store.head()[0]
