"""The json format: the stable, documented schema of a diff."""

from __future__ import annotations

import json

from lexwatch.diff.model import DocumentDiff
from lexwatch.diff.render import RenderOptions, to_json


def render(diff: DocumentDiff, options: RenderOptions) -> str:
    return json.dumps(to_json(diff), ensure_ascii=False, indent=2) + "\n"
