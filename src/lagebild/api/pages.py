"""The HTML the server writes itself: the offline API reference and the "map not built" page.

Both are plain HTML without scripts, so the strict Content-Security-Policy holds for them too,
and nothing is loaded from another host (the usual Swagger UI comes from a CDN).
"""

from __future__ import annotations

from html import escape
from typing import Any

_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "code{background:#8882;padding:0 .2em}dt{margin-top:1em;font-weight:600}"
    "table{border-collapse:collapse}td,th{border-bottom:1px solid #8884;padding:.2em .6em;text-align:left;"
    "vertical-align:top}@media (prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8cf}}"
)


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def api_reference(openapi: dict[str, Any]) -> str:
    """Every endpoint of the OpenAPI document with its parameters, as one readable page."""
    info = openapi.get("info", {})
    parts = [
        f"<h1>{escape(info.get('title', 'API'))} {escape(str(info.get('version', '')))}</h1>",
        f"<p>{escape(info.get('description', ''))}</p>",
        '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI '
        f"{escape(str(openapi.get('openapi', '')))}).</p>",
    ]
    for path, operations in openapi.get("paths", {}).items():
        for method, op in operations.items():
            parts.append(f"<h2><code>{escape(method.upper())} {escape(path)}</code></h2>")
            if op.get("summary"):
                parts.append(f"<p><strong>{escape(op['summary'])}</strong></p>")
            if op.get("description"):
                parts.append("".join(f"<p>{escape(p)}</p>" for p in op["description"].split("\n\n")))
            params = op.get("parameters", [])
            if params:
                rows = "".join(
                    f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p.get('in', ''))}</td>"
                    f"<td>{escape(p.get('description', ''))}</td></tr>"
                    for p in params
                )
                parts.append(f"<table><tr><th>parameter</th><th>in</th><th>meaning</th></tr>{rows}</table>")
            codes = ", ".join(
                f"{escape(code)} {escape(r.get('description', ''))}"
                for code, r in op.get("responses", {}).items()
            )
            parts.append(f"<p>Responses: {codes}</p>")
    return _page(f"{info.get('title', 'API')} reference", "".join(parts))


def map_not_built() -> str:
    return _page(
        "lagebild: map not built",
        "<h1>lagebild</h1><p>The map page's assets are not built in this installation.</p>"
        "<p>Build them with <code>make install</code> in a source checkout (it installs the map's npm "
        "packages and bundles them into <code>src/lagebild/web/static/</code>), then restart "
        "<code>lagebild serve</code>.</p>"
        '<p>The API works without them: see <a href="/docs">/docs</a>, '
        '<a href="/api/events">/api/events</a>, <a href="/api/status">/api/status</a>.</p>',
    )
