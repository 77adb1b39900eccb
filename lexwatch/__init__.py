"""lexwatch: track, diff and comment on Belarusian legislation."""

__version__ = "0.1.0"
