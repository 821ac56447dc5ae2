"""TIMEX3 values: building them from dates and shifts, and reading a value back as a date.

Values follow TIMEX3: 2022-01-13, 2022-W02, 2022-01, 2022, 2022-Q1, 2022-SU, 199 (a decade),
19 (a century), 2022-01-13TMO, P10D, PRESENT_REF, and X for what the text leaves open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point at a precision: what relative expressions are counted from."""

    day: date
    precision: str  # day | week | month | quarter | year

    def value(self) -> str:
        return format_value(self.day, self.precision)


def format_value(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    return f"{d.year:04d}"


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    return date(y, m % 12 + 1, 1)


def shift(anchor: Point, unit: str, n: int) -> tuple[str, str | None]:
    """The value `n` units from `anchor` (n may be negative or 0), and its precision."""
    d = anchor.day
    if unit == "D":
        if anchor.precision != "day":
            return anchor.value(), anchor.precision
        return (d + timedelta(days=n)).isoformat(), "day"
    if unit in ("W", "WE"):
        if anchor.precision not in ("day", "week"):
            return anchor.value(), anchor.precision
        v = format_value(d + timedelta(weeks=n), "week")
        return (v + "-WE", "week") if unit == "WE" else (v, "week")
    if unit == "M":
        if anchor.precision in ("year", "quarter"):
            return anchor.value(), anchor.precision
        return format_value(add_months(d, n), "month"), "month"
    if unit == "Q":
        q = (d.month - 1) // 3 + n
        return f"{d.year + q // 4:04d}-Q{q % 4 + 1}", "year"
    if unit == "H1":
        h = (d.month - 1) // 6 + n
        return f"{d.year + h // 2:04d}-H{h % 2 + 1}", "year"
    if unit == "DE":
        return f"{d.year // 10 + n:03d}", None
    if unit == "CE":
        return f"{d.year // 100 + n:02d}", None
    if unit in ("H", "MIN"):
        return d.isoformat(), "day"
    if anchor.precision == "quarter":
        # "a year earlier" after a quarter is that quarter a year before (financial news).
        return format_value(date(d.year + n, d.month, 1), "quarter"), "quarter"
    return f"{d.year + n:04d}", "year"


def duration(n: float | None, unit: str) -> str:
    """P10D, PT3H, P1DE; PXY where the count is vague."""
    count = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if unit in ("H", "MIN"):
        return f"PT{count}{'H' if unit == 'H' else 'M'}"
    code = {"DE": "DE", "CE": "CE", "Q": "Q", "WE": "WE", "H1": "M"}.get(unit, unit)
    if unit == "H1" and n is not None:
        count = str(int(n * 6))
    return f"P{count}{code}"


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
)
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def value_start(value: str) -> tuple[date, str] | None:
    """First day of the period a DATE value names, and its precision; None for REFs, durations, X."""
    m = _VALUE.match(value or "")
    if not m:
        return None
    y = int(m["y"])
    try:
        if m["d"]:
            return date(y, int(m["m"]), int(m["d"])), "day"
        if m["m"]:
            return date(y, int(m["m"]), 1), "month"
        if m["w"]:
            return date.fromisocalendar(y, int(m["w"]), 1), "week"
        if m["q"]:
            return date(y, 3 * int(m["q"]) - 2, 1), "year"
        if m["h"]:
            return date(y, 1 if m["h"] == "1" else 7, 1), "year"
        if m["s"]:
            return date(y, _SEASON_MONTH[m["s"]], 1), "year"
        return date(y, 1, 1), "year"
    except ValueError:
        return None


def date_span(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """First and last day a stored date can mean at its precision ("2022-01" is all January)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        first = date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
    precision = precision or "day"
    if precision == "day":
        return first, first
    if precision == "week":
        return first, first + timedelta(days=6)
    if precision == "month":
        return first.replace(day=1), add_months(first.replace(day=1), 1) - timedelta(days=1)
    return date(first.year, 1, 1), date(first.year, 12, 31)


def parse_iso_date(s: str | None) -> date | None:
    """The date at the start of an ISO date or datetime string; None when it has none."""
    if not s:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# Solar Hijri (Jalali) calendar: the years in which the 33-year leap cycle is re-based. Written
# from the published arithmetic of the calendar (Borkowski's method).
_JALALI_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
                  2394, 2456, 3178)  # fmt: skip


def nowruz(jy: int) -> date:
    """Gregorian date of 1 Farvardin of Jalali year `jy` (the Iranian new year)."""
    gy = jy + 621
    leap_j, jp, jump = -14, _JALALI_BREAKS[0], 0
    for jm in _JALALI_BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += (jump // 33) * 8 + (jump % 33) // 4
        jp = jm
    n = jy - jp
    leap_j += (n // 33) * 8 + ((n % 33) + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gy // 4 - ((gy // 100 + 1) * 3) // 4 - 150
    return date(gy, 3, 20 + leap_j - leap_g)


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> date:
    """The Gregorian date of a Jalali date (months 1-6 have 31 days, 7-11 have 30)."""
    days = (jm - 1) * 31 if jm <= 7 else 186 + (jm - 7) * 30
    return nowruz(jy) + timedelta(days=days + jd - 1)


def jalali_year(d: date) -> int:
    """The Jalali year a Gregorian date falls in."""
    return d.year - 621 if d >= nowruz(d.year - 621) else d.year - 622
