"""村站助手 · Village Station Assistant."""

__version__ = "0.1.0"
