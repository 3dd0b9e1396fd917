"""Write schema/level.schema.json from the level fields (run after changing game/level_fields.py).

A test fails when the committed file and the fields disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.level_fields import level_schema  # noqa: E402

SCHEMA_PATH = ROOT / "schema" / "level.schema.json"


def schema_text() -> str:
    return json.dumps(level_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(ROOT)}")
