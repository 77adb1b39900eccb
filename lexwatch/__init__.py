"""lexwatch: track, diff and flag Belarusian legislation."""

__version__ = "0.1.0"
