"""What both backends write alike, without SQL: an event's row values, the merge signature, an
event's summary when a report joins it, what folding keeps, and which tables a copy moves row by
row. Each backend keeps its own SQL and calls these, so that SQLite and PostgreSQL store the
same decision in the same way."""

from __future__ import annotations

import json

from lagebild.model import Event

# The analysts' tables, in the order a copy fills them (alerts refer to their watch-list).
ANALYST_TABLES = ("watchlists", "alerts", "corrections")


def correction_json(event: Event) -> str | None:
    """The `correction` column of an event: what analysts changed, as JSON, or NULL."""
    return None if event.correction is None else json.dumps(event.correction, ensure_ascii=False)
