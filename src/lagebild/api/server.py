"""`lagebild serve`: run the app with uvicorn on a local address."""

from __future__ import annotations

import os
import secrets
import sys
import threading
from collections.abc import Iterable

from lagebild.api.guard import HostRule
from lagebild.bounded import time_limit_from_env


def host_rule(host: str, allowed_hosts: Iterable[str] = ()) -> HostRule:
    """The Host names a server bound to `host` answers to: its address, the loopback names, and
    `allowed_hosts` with LAGEBILD_ALLOWED_HOSTS (comma-separated), for a reverse proxy's name."""
    extra = [h.strip() for h in os.environ.get("LAGEBILD_ALLOWED_HOSTS", "").split(",") if h.strip()]
    return HostRule.serving(host, [*allowed_hosts, *extra])


def run(
    db_url: str,
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str | None = None,
    tile_style: str | None = None,
    allowed_hosts: Iterable[str] = (),
) -> None:
    """Serve the store at `db_url` until interrupted.

    The write token is `token`, else LAGEBILD_TOKEN, else a new random one that is printed:
    only who started the server (or set the variable) can add documents. Requests whose Host
    header names another host than those of `host_rule` get a 400 (DNS rebinding).
    """
    import uvicorn

    from lagebild.api.app import create_app

    generated = not (token or os.environ.get("LAGEBILD_TOKEN"))
    token = token or os.environ.get("LAGEBILD_TOKEN") or secrets.token_urlsafe(24)
    tile_style = tile_style or os.environ.get("LAGEBILD_TILE_STYLE") or None
    rule = host_rule(host, allowed_hosts)
    app = create_app(
        db_url, token=token, tile_style=tile_style, allowed_hosts=rule, time_limit=time_limit_from_env()
    )
    shown = f"[{host}]" if ":" in host else host
    print(f"lagebild: serving {db_url} at http://{shown}:{port}/ (API reference: /docs)", file=sys.stderr)
    if generated:
        print(f"lagebild: write token for POST /api/documents: {token}", file=sys.stderr)
    else:
        print("lagebild: write token taken from LAGEBILD_TOKEN", file=sys.stderr)
    # Watch-lists are matched and their webhooks delivered beside the server, never in a request.
    from lagebild.alerts.dispatch import run_in_background

    stop_alerts = threading.Event()
    run_in_background(db_url, stop_alerts)
    # Open live streams would hold a shutdown forever; give them a moment, then close.
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=2)
    finally:
        stop_alerts.set()
