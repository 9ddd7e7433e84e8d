"""The pages after check-in and pickup, in F-key order (F3, F4, F5, F9)."""

EXTRA_PAGES: list = []
