"""Readable tables of a scoring result (the same dict that --json prints)."""

from __future__ import annotations

from typing import Any

_PRF = ("precision", "recall", "f1")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 10 else f"{value:.1f}"
    return "-" if value is None else str(value)


def flatten(result: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted key, value) rows of the scalar values, skipping per-label breakdowns."""
    rows: list[tuple[str, Any]] = []
    for key, value in result.items():
        if key in ("per_label", "labels", "per_type"):
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(flatten(value, name + "."))
        elif not isinstance(value, list):
            rows.append((name, value))
    return rows


def print_result(title: str, result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console()
    table = Table(title=title, header_style="bold")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in flatten(result):
        table.add_row(name, _fmt(value))
    out.print(table)
    labels = result.get("per_label") or result.get("labels") or result.get("per_type")
    if isinstance(labels, dict) and labels:
        per = Table(title="per label", header_style="bold")
        per.add_column("label")
        for col in (*_PRF, "support"):
            per.add_column(col, justify="right")
        for label, scores in sorted(labels.items()):
            if isinstance(scores, dict):
                per.add_row(label, *(_fmt(scores.get(c)) for c in (*_PRF, "support")))
        out.print(per)
