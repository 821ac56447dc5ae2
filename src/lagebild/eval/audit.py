"""The precision audit: our own analyst verdicts on what lagebild extracts from real articles.

Gold sets say what annotators looked for, not whether each event we give is one an analyst would
sign. So we draw a fixed sample of real articles of every kind from the gold folders (GVC, LGL,
TR-News, GeoWebNews, GLOCON, India police documents: many not about political events at all),
judge each event lagebild gives as right or wrong (type, actors, place, date), and keep only the
verdicts, keyed by dataset, record id and event (the texts stay in ../shared). Re-scoring changed
output against them gives event precision and the share of non-event articles with any event;
events nobody has judged yet are listed so that they can be.

Verdict file (JSON lines), two kinds of line:

- {"dataset", "record", "article": "event" | "none"}: is the article news about events at all;
- {"dataset", "record", "event": "<TYPE>@<sentence start>", "verdict": "right" | "wrong", "why"};
- {"dataset", "record", "main": ["<TYPE>", ...], "country": "<ISO2>" | null}: the article's main
  happening, judged from the text alone (the types an analyst would accept, its country). It needs
  no re-judging when output changes: the most confident event is right when its type is one of
  these and its place in that country (the measure of the held-out set), and the main event is
  found when any event of the article is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.eval.data import read_jsonl
from lagebild.model import Event

# (dataset name, file under the gold folder): real news of every kind.
SOURCES: tuple[tuple[str, str], ...] = (
    ("gvc", "gvc/docs.jsonl"),
    ("lgl", "lgl/articles.jsonl"),
    ("trnews", "trnews/articles.jsonl"),
    ("geowebnews", "geowebnews/articles.jsonl"),
    ("glocon", "glocon_sample/docs.jsonl"),
    ("india_police", "india_police_events/docs.jsonl"),
)
PER_SOURCE = 25
VERDICTS = Path(__file__).parent / "audit_verdicts.jsonl"


@dataclass(frozen=True, slots=True)
class Article:
    dataset: str
    record: str
    text: str
    title: str | None
    lang: str | None
    published: str | None


def _rank(dataset: str, record: str) -> str:
    # A hash, not the file order: the sample is spread over each file and the same on every machine.
    return hashlib.sha256(f"{dataset}:{record}".encode()).hexdigest()


def draw(gold_dir: Path, per_source: int = PER_SOURCE) -> list[Article]:
    """The audit sample: `per_source` articles of each source, chosen by hash of their id."""
    out: list[Article] = []
    for dataset, rel in SOURCES:
        records = [r for r in read_jsonl(gold_dir / rel) if str(r.get("text") or "").strip()]
        records.sort(key=lambda r: _rank(dataset, str(r["id"])))
        for r in records[:per_source]:
            published = r.get("published") or r.get("date") or r.get("dltime") or r.get("dct")
            out.append(
                Article(
                    dataset=dataset,
                    record=str(r["id"]),
                    text=str(r["text"]),
                    title=r.get("title"),
                    lang=r.get("lang"),
                    published=str(published)[:10] if published else None,
                )
            )
    return out


def event_key(event: Event) -> str:
    """How a verdict names an event: its type and the offset of its first evidence sentence."""
    start = min(ev.start for ev in event.evidence) if event.evidence else -1
    return f"{event.type}@{start}"


MainEvent = tuple[frozenset[str], str | None]


def read_verdicts(path: Path) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str, str], str]]:
    """(article judgements, event verdicts) from a verdict file."""
    articles: dict[tuple[str, str], str] = {}
    events: dict[tuple[str, str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        v = json.loads(line)
        if "article" in v:
            articles[(v["dataset"], str(v["record"]))] = v["article"]
        if "event" in v:
            events[(v["dataset"], str(v["record"]), v["event"])] = v["verdict"]
    return articles, events


def read_main_events(path: Path) -> dict[tuple[str, str], MainEvent]:
    """The main-event judgements of a verdict file: (dataset, record) -> (types, country)."""
    out: dict[tuple[str, str], MainEvent] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        v = json.loads(line) if line.strip() else {}
        if "main" in v:
            out[(v["dataset"], str(v["record"]))] = (frozenset(v["main"]), v.get("country"))
    return out


def is_main(event: Event, main: MainEvent) -> bool:
    """Whether `event` is the judged main happening: an accepted type, in its country."""
    types, country = main
    if event.type not in types:
        return False
    return country is None or (event.location is not None and event.location.country == country)


def _default_extract(a: Article) -> list[Event]:
    from lagebild.model import Document
    from lagebild.pipeline import extract

    return extract(Document.create(a.text, lang=a.lang, published=a.published, title=a.title))


def score(
    articles: Iterable[Article],
    verdicts: Path = VERDICTS,
    extract: Callable[[Article], list[Event]] = _default_extract,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Event precision over judged events, the share of non-event articles with any asserted
    event, events per article, and the events not judged yet."""
    sample = list(articles)
    judged_articles, judged = read_verdicts(verdicts) if verdicts.exists() else ({}, {})
    mains = read_main_events(verdicts) if verdicts.exists() else {}
    main_top = main_found = main_articles = main_type = 0
    right = wrong = total = 0
    asserted_total = 0
    non_event = non_event_with = 0
    main_right = main_judged = 0  # the most confident event of an article: is it right?
    pending: list[dict[str, Any]] = []
    for n, a in enumerate(sample, 1):
        events = extract(a)
        total += len(events)
        asserted = [e for e in events if e.modality == "asserted"]
        asserted_total += len(asserted)
        if judged_articles.get((a.dataset, a.record)) == "none":
            non_event += 1
            non_event_with += bool(asserted)
        main = mains.get((a.dataset, a.record))
        if main is not None:
            main_articles += 1
            if events:
                top = max(events, key=lambda e: e.confidence)
                main_top += is_main(top, main)
                main_type += top.type in main[0]  # the type alone: places are judged on their own
            main_found += any(is_main(e, main) for e in events)
        if events:
            top = max(events, key=lambda e: e.confidence)
            v = judged.get((a.dataset, a.record, event_key(top)))
            main_judged += v in ("right", "wrong")
            main_right += v == "right"
        for e in events:
            v = judged.get((a.dataset, a.record, event_key(e)))
            if v == "right":
                right += 1
            elif v == "wrong":
                wrong += 1
            else:
                pending.append(
                    {
                        "dataset": a.dataset,
                        "record": a.record,
                        "event": event_key(e),
                        "mode": e.mode,
                        "modality": e.modality,
                        "actors": [x.name for x in e.actors],
                        "place": e.location.name if e.location else None,
                        "date": e.date,
                        "sentence": e.evidence[0].sentence if e.evidence else "",
                    }
                )
        if progress:
            progress(n, len(sample))
    return {
        "articles": len(sample),
        "articles_judged": sum((a.dataset, a.record) in judged_articles for a in sample),
        "events": total,
        "asserted_events": asserted_total,
        "events_per_article": round(total / len(sample), 2) if sample else None,
        "judged": right + wrong,
        "right": right,
        "wrong": wrong,
        "precision": round(right / (right + wrong), 4) if right + wrong else None,
        "main_event_judged": main_judged,
        "main_event_right": main_right,
        "main_event_precision": round(main_right / main_judged, 4) if main_judged else None,
        # Against the main-event judgements (type and country, as the held-out set is measured).
        "main_judged_articles": main_articles,
        "most_confident_is_main": round(main_top / main_articles, 4) if main_articles else None,
        "main_event_found": round(main_found / main_articles, 4) if main_articles else None,
        "most_confident_type_is_main": round(main_type / main_articles, 4) if main_articles else None,
        "non_event_articles": non_event,
        "non_event_articles_with_event": non_event_with,
        "non_event_share_with_event": round(non_event_with / non_event, 4) if non_event else None,
        "unjudged": len(pending),
        "pending": pending,
    }
