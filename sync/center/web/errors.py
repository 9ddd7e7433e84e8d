"""A refusal the workspace shows as a page (pages.py renders it; views.py raises it too)."""

from __future__ import annotations


class WebError(Exception):
    """``code`` picks the page's words (templates/error.html); ``params`` fill them."""

    def __init__(self, status: int, code: str, **params):
        super().__init__(code)
        self.status, self.code, self.params = status, code, params
