"""What matters now: the most important current events, and where violence is rising.

The map's "Now" column and `/api/now`, `/api/escalation` are thin layers over this. The stores
count in SQL (`now_events`, `country_counts` in store/sqlite.py and store/postgres.py); the
windows and the arithmetic of the signal live here, once.

- **Now**: events dated in the last `days` days up to `at`, ranked by
  `num_sources * confidence / (1 + age_days / 2)`: more sources and more confidence count, and an
  event loses half its weight in two days.
- **Escalation**: per country, events in the recent window (the last `days` days up to `at`,
  e.g. 1 for "the last 24 hours", 7 for "the last week") against the `BASELINE_DAYS` days before
  it. `expected` is what the baseline's daily rate predicts for the recent window; `z` is the
  excess in Poisson standard deviations, `(recent - expected) / sqrt(max(expected, 1))`, so a
  country going from 0 to 1 event is not the top story. Event dates are days, not times: "24
  hours" means the day `at`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

BASELINE_DAYS = 30
HALF_LIFE_DAYS = 2.0  # in the SQL as "/ 2.0": keep them equal
RISING_Z = 2.0
RISING_MIN = 3  # recent events needed to call a country rising at all


@dataclass(frozen=True, slots=True)
class Window:
    """Day strings (YYYY-MM-DD) of a recent window and the baseline before it, ends inclusive."""

    at: str
    recent_start: str
    baseline_start: str
    days: int

    @classmethod
    def ending(cls, at: str, days: int, baseline_days: int = BASELINE_DAYS) -> Window:
        end = date.fromisoformat(at)
        recent = end - timedelta(days=days - 1)
        return cls(at, recent.isoformat(), (recent - timedelta(days=baseline_days)).isoformat(), days)


def escalation(
    rows: list[tuple[str, int, int]], window: Window, baseline_days: int = BASELINE_DAYS
) -> list[dict[str, Any]]:
    """Countries from `(country, recent, before)` counts, most escalating first, with the numbers."""
    out = []
    for country, recent, before in rows:
        expected = before * window.days / baseline_days
        z = (recent - expected) / math.sqrt(max(expected, 1.0))
        ratio = (recent / window.days) / (before / baseline_days) if before else None
        if recent >= RISING_MIN and z >= RISING_Z:
            trend = "rising"
        elif before and recent < expected and z <= -RISING_Z:
            trend = "falling"
        else:
            trend = "steady"
        out.append(
            {
                "country": country,
                "recent": recent,
                "before": before,
                "recent_per_day": round(recent / window.days, 3),
                "before_per_day": round(before / baseline_days, 3),
                "expected": round(expected, 2),
                "ratio": round(ratio, 2) if ratio is not None else None,
                "z": round(z, 2),
                "trend": trend,
            }
        )
    out.sort(key=lambda r: (-r["z"], -r["recent"], r["country"]))
    return out
