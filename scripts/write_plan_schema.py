"""Write schema/plan.schema.json from the kinds table: `python scripts/write_plan_schema.py`."""

from __future__ import annotations

from pathlib import Path

from afterword.rules.plan_schema import schema_text

TARGET = Path(__file__).resolve().parents[1] / "schema" / "plan.schema.json"

if __name__ == "__main__":
    TARGET.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {TARGET}")
