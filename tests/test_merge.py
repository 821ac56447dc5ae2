"""The merge stage: one event per real happening, within and across documents and languages.

The reports here are our own words: several languages telling one happening, and different
happenings that look alike (same day, same city; same city, other days).
"""

from __future__ import annotations

import json
import random

import pytest

from lagebild.demo import EVENT_GROUPS, corpus_path
from lagebild.eval.metrics import bcubed
from lagebild.ingest import ingest, store_document
from lagebild.merge import embedder, rebuild, summarise
from lagebild.merge.features import place_relation
from lagebild.model import Document, Event, Evidence, Place
from lagebild.pipeline import extract, extract_mentions
from lagebild.sources.base import Defaults
from lagebild.sources.jsonl import read_jsonl
from lagebild.store.sqlite import SQLiteStore

# One car bombing in Mosul, told in four languages by four outlets.
MOSUL = [
    (
        "en",
        "Car bomb kills 12 at Mosul market",
        "A car bomb exploded at a crowded market in Mosul on Tuesday, killing 12 people and wounding "
        "30, police said. The blast hit the Bab al-Tob market in the old city during the morning rush.",
    ),
    (
        "de",
        "Autobombe in Mossul: zwölf Tote",
        "Bei der Explosion einer Autobombe auf einem belebten Markt in Mossul sind am Dienstag zwölf "
        "Menschen getötet worden. Nach Angaben der Polizei wurden 30 weitere verletzt.",
    ),
    (
        "fr",
        "Attentat à la voiture piégée à Mossoul",
        "Une voiture piégée a explosé mardi sur un marché bondé de Mossoul, tuant douze personnes et en "
        "blessant trente, selon la police.",
    ),
    (
        "es",
        "Coche bomba en un mercado de Mosul",
        "Un coche bomba estalló el martes en un mercado abarrotado de Mosul y mató a doce personas, "
        "según la policía. Otras treinta resultaron heridas.",
    ),
]


def _ingest_texts(
    store: SQLiteStore, items: list[tuple[str, str, str]], published: str, embed=None
) -> list[str]:
    ids = []
    for n, (lang, title, text) in enumerate(items):
        doc = Document.create(
            title + "\n\n" + text,
            lang=lang,
            published=published,
            title=title,
            source=f"outlet-{lang}-{n}",
            url=f"https://example.invalid/{lang}/{n}",
        )
        store_document(store, doc, embed)
        ids.append(doc.id)
    return ids


def _main_cluster(store: SQLiteStore, doc_id: str) -> str | None:
    """The stored event of the document's most confident asserted reading."""
    best: tuple[float, str] | None = None
    mentions, _ = store.mentions_of_document(doc_id)
    for m in mentions:
        event = store.event_of_mention(m.id)  # readings the document does not report have none
        if event and m.modality == "asserted" and (best is None or m.confidence > best[0]):
            best = (m.confidence, event)
    return best[1] if best else None


@pytest.fixture(scope="module")
def embed():
    return embedder()


def test_one_happening_in_four_languages_is_one_event(embed) -> None:
    store = SQLiteStore(":memory:")
    ids = _ingest_texts(store, MOSUL, "2024-05-14", embed)
    clusters = {_main_cluster(store, i) for i in ids}
    assert len(clusters) == 1, clusters
    event = store.get_event(clusters.pop())
    assert event.type == "ASSAULT"
    assert event.num_articles == 4 and event.num_sources == 4
    assert set(event.languages) == {"en", "de", "fr", "es"}
    assert event.location is not None and event.location.country == "IQ"


def test_two_happenings_on_one_day_in_one_city_stay_apart(embed) -> None:
    store = SQLiteStore(":memory:")
    items = [
        (
            "en",
            "Gunman kills two at a Chicago gas station",
            "A gunman shot and killed two men at a gas station on Pulaski Road in Chicago on Saturday "
            "night, police said. The victims, Marcus Hill and Dante Reyes, were pronounced dead at the scene.",
        ),
        (
            "en",
            "Teenager wounded in Chicago drive-by",
            "A 16-year-old girl was shot and wounded in a drive-by shooting outside Lincoln Park High "
            "School in Chicago on Saturday, police said. Officer Karen Walsh said the shooter fled.",
        ),
        (
            "en",
            "Two men shot dead at Pulaski Road gas station",
            "Marcus Hill and Dante Reyes were shot dead at a gas station on Pulaski Road in Chicago "
            "on Saturday night. Police are looking for the gunman.",
        ),
    ]
    ids = _ingest_texts(store, items, "2024-06-09", embed)
    first, other, again = (_main_cluster(store, i) for i in ids)
    assert first == again, "two reports of the gas station shooting are one event"
    assert first != other, "the drive-by the same day in the same city is another event"


def test_a_town_report_joins_a_country_report_but_two_towns_do_not_merge() -> None:
    syria = Place("Syria", 35.0, 38.0, "SY", precision="country")
    aleppo = Place("Aleppo", 36.2, 37.16, "SY", geonameid=170063, precision="city")
    idlib = Place("Idlib", 35.93, 36.63, "SY", geonameid=169389, precision="city")
    homs = Place("Homs", 34.73, 36.72, "SY", geonameid=169577, precision="city")
    assert place_relation(syria, aleppo)[0] == "contains"
    assert place_relation(aleppo, idlib)[0] == "apart"
    assert place_relation(aleppo, homs)[0] == "apart"
    assert place_relation(aleppo, aleppo)[0] == "same"


def test_within_a_document_a_happening_told_again_is_one_event() -> None:
    text = (
        "Protests spread across Kazakhstan\n\n"
        "Thousands of people protested in Almaty on 4 January 2022 against the rise in fuel prices. "
        "The government resigned the next day.\n\n"
        "The protests in Almaty, which began over fuel prices, were the largest since independence, "
        "witnesses said."
    )
    doc = Document.create(text, lang="en", published="2022-01-06")
    mentions = [m for m in extract_mentions(doc) if m.type == "PROTEST"]
    events = [e for e in extract(doc) if e.type == "PROTEST"]
    assert len(mentions) >= 2
    assert len(events) == 1
    assert len(events[0].evidence) == len(mentions)


def test_disagreeing_reports_keep_the_range() -> None:
    def report(doc: str, killed: int, date: str) -> Event:
        ev = Evidence(doc, "A bomb killed people.", 0, 21, "en", source=doc)
        return Event(
            id=doc, type="ASSAULT", date=date, date_precision="day", fatalities=killed, evidence=[ev]
        )

    merged = summarise(
        [report("a", 12, "2024-05-14"), report("b", 14, "2024-05-14"), report("c", 12, "2024-05-15")]
    )
    assert merged.fatalities == 12
    assert merged.disagreement["fatalities"] == [12, 14]
    assert merged.disagreement["date"] == ["2024-05-14", "2024-05-15"]
    assert merged.date == "2024-05-14"
    assert merged.num_articles == 3


def _demo_clusters(store: SQLiteStore) -> tuple[dict[str, str], dict[str, str]]:
    gold, pred = {}, {}
    url_to_id = {
        d.url: d.id
        for d in read_jsonl(corpus_path(), Defaults(), max_bytes=10_000_000)
        if isinstance(d, Document)
    }
    for name, urls in EVENT_GROUPS.items():
        for url in urls:
            doc_id = url_to_id[url]
            gold[doc_id] = name
            pred[doc_id] = _main_cluster(store, doc_id) or doc_id
    return gold, pred


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, embed) -> SQLiteStore:
    store = SQLiteStore(tmp_path_factory.mktemp("demo") / "demo.db")
    ingest([str(corpus_path())], store)
    return store


def test_the_demo_stories_merge_across_languages(demo_store: SQLiteStore) -> None:
    gold, pred = _demo_clusters(demo_store)
    score = bcubed(gold, pred)
    assert score["f1"] >= 0.8, score
    merged = [e for e in demo_store.iter_events(_query()) if e.num_articles > 1]
    assert merged and max(len(e.languages) for e in merged) >= 2


def _query():
    from lagebild.store import EventQuery

    return EventQuery(modality=None)


def test_rebuild_gives_the_same_events_as_ingesting(demo_store: SQLiteStore, tmp_path, embed) -> None:
    before = sorted((e.id, e.num_mentions, e.num_articles) for e in demo_store.iter_events(_query()))
    copy = SQLiteStore(tmp_path / "copy.db")
    ingest([str(corpus_path())], copy)
    rebuild(copy, embed)
    after = sorted((e.id, e.num_mentions, e.num_articles) for e in copy.iter_events(_query()))
    assert after == before


def test_shuffled_orders_give_nearly_the_same_clusters(demo_store: SQLiteStore, embed) -> None:
    gold, first = _demo_clusters(demo_store)
    docs = [d for d in read_jsonl(corpus_path(), Defaults(), max_bytes=10_000_000) if isinstance(d, Document)]
    reference = bcubed(gold, first)["f1"]
    for seed in (1, 2, 3):
        random.Random(seed).shuffle(docs)
        store = SQLiteStore(":memory:")
        for d in docs:
            store_document(
                store,
                Document.create(
                    d.text, **{k: getattr(d, k) for k in ("url", "source", "title", "published", "lang")}
                ),
                embed,
            )
        _, pred = _demo_clusters(store)
        assert abs(bcubed(gold, pred)["f1"] - reference) <= 0.02 + 1e-9, seed


def test_syndicated_copies_are_one_article_with_several_sources(tmp_path) -> None:
    body = (
        MOSUL[0][2]
        + " "
        + " ".join(
            f"Witnesses described scenes of panic as stalls collapsed in street number {k}." for k in range(6)
        )
    )
    files = []
    for k in range(10):
        path = tmp_path / f"copy{k}.jsonl"
        # Each site adds its own byline: near-identical texts, not identical ones.
        text = f"{MOSUL[0][1]}\n\n{body}\n\nBy staff of site {k}."
        record = {
            "text": text,
            "source": f"site{k}",
            "url": f"https://site{k}.invalid/a",
            "published": "2024-05-14",
        }
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        files.append(str(path))
    store = SQLiteStore(tmp_path / "copies.db")
    summary = ingest(files, store)
    assert summary.new == 1 and summary.copies == 9
    bombing = [e for e in store.iter_events(_query()) if e.type == "ASSAULT"]
    assert len(bombing) == 1
    assert bombing[0].num_articles == 1 and bombing[0].num_sources == 10
    rebuild(store, None)
    again = [e for e in store.iter_events(_query()) if e.type == "ASSAULT"]
    assert [(e.id, e.num_sources) for e in again] == [(bombing[0].id, 10)]


def test_two_workers_store_exactly_what_one_does(demo_store: SQLiteStore, tmp_path) -> None:
    parallel = SQLiteStore(tmp_path / "parallel.db")
    summary = ingest([str(corpus_path())], parallel, workers=2)
    assert summary.ok and summary.new > 0

    def content(store: SQLiteStore) -> list[tuple]:
        return sorted(
            (e.id, e.type, e.date, e.num_mentions, e.num_articles, tuple(ev.start for ev in e.evidence))
            for e in store.iter_events(_query())
        )

    assert content(parallel) == content(demo_store)
