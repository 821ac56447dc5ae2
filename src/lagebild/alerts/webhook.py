"""One webhook POST of an alert, bounded in time, and how long to wait before the next try."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

import lagebild

TIMEOUT_S = 5.0  # connect, write and wait for the answer's head: a hung receiver costs this much
MAX_ATTEMPTS = 6  # then the alert is 'failed' (kept, shown by `lagebild alerts`)
BACKOFF_S = 2.0  # 2, 4, 8, 16, 32 s between the tries: about a minute in all
MAX_BACKOFF_S = 300.0
# Answers worth trying again: the receiver is down, overloaded or asks us to wait. Any other 4xx
# says it refuses this request, and sending it again would be refused the same way.
_RETRY_STATUS = frozenset({408, 425, 429})


@dataclass(frozen=True, slots=True)
class Outcome:
    ok: bool
    retry: bool  # a failure that another try may mend
    error: str | None = None


def backoff(attempts: int) -> float:
    """Seconds to wait after the `attempts`-th failed try: doubling, capped."""
    return min(MAX_BACKOFF_S, BACKOFF_S * 2 ** max(0, attempts - 1))


def post(
    url: str, payload: dict[str, Any], *, alert_id: int, watchlist: str, timeout: float = TIMEOUT_S
) -> Outcome:
    """POST `payload` as JSON to `url`. The alert id goes along as Idempotency-Key: a receiver
    may see an alert twice (a process killed after the POST, before recording it), never lose one.
    Redirects are not followed (a POST turned into a GET elsewhere is no delivery); the answer's
    body is not read (only its status counts)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"lagebild/{lagebild.__version__} (alerts)",
        "Idempotency-Key": f"lagebild-alert-{alert_id}",
        "X-Lagebild-Alert": str(alert_id),
        "X-Lagebild-Watchlist": quote(watchlist, safe=" "),
    }
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            with client.stream("POST", url, content=body, headers=headers) as response:
                status = response.status_code
    except httpx.TimeoutException:
        return Outcome(False, True, f"no answer within {timeout:g} s")
    except httpx.HTTPError as exc:
        return Outcome(False, True, f"{type(exc).__name__}: {exc}"[:300])
    if 200 <= status < 300:
        return Outcome(True, False)
    retry = status >= 500 or status in _RETRY_STATUS
    return Outcome(False, retry, f"HTTP {status}")
