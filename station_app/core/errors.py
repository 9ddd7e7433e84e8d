"""Errors the keeper is meant to read.

A :class:`UserError` carries an English template from :mod:`station_app.core.messages` and its
parameters. The GUI translates the template (Qt context "core") before formatting, the CLI prints
it as is. Raising one inside a write transaction rolls it back, so bad input changes nothing.
"""

from __future__ import annotations


class UserError(Exception):
    def __init__(self, template: str, **params):
        super().__init__(template)
        self.template = template
        self.params = params

    def __str__(self) -> str:
        return self.template.format(**self.params)


class IntegrityError(Exception):
    """The database or its journal is not what was recorded (verify, restore, start-up)."""
