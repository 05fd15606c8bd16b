"""thbdesk: an offline desk tool against human trafficking at Morocco's borders."""

__version__ = "0.1.0"  # the single source of the version: pyproject reads it from here
