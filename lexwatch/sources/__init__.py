"""Sources: where versions come from (the portal, a folder), behind one protocol and registry."""

from lexwatch.sources.base import (
    FetchContext,
    Fetched,
    Source,
    create_source,
    register_source,
    source_names,
)

__all__ = ["FetchContext", "Fetched", "Source", "create_source", "register_source", "source_names"]
