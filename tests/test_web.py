"""The map page in a real browser: Debian's Chromium driven by Playwright, against the real
server (uvicorn on a free loopback port) over a SQLite store of hand-built events.

Skipped, with the reason, where Chromium, Playwright or the built page is missing: `make
install` builds the page (npm), `apt-get install chromium` brings the browser.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import factories
from lagebild.merge.link import Decision
from lagebild.model import Actor, Document, Event, Evidence, Place, event_id
from lagebild.store.sqlite import SQLiteStore
from lagebild.web import is_built, static_dir

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
uvicorn = pytest.importorskip("uvicorn")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)
if not is_built():
    pytest.skip(
        "the map page is not built (make install runs npm ci && npm run build)", allow_module_level=True
    )

from lagebild.api.app import create_app  # noqa: E402  (after the skips: the API needs the page only here)

SCRIPT_TEXT = 'Rebels fired <script>window.__pwned = 1</script> shells at "Kramatorsk" & fled.'


def make_event(
    text: str,
    type_: str,
    date: str,
    place: Place | None,
    *,
    url: str,
    lang: str = "en",
    actors: tuple[str, ...] = ("Rebels",),
    confidence: float = 0.8,
) -> tuple[Document, Event]:
    """One document whose whole text is one evidence sentence, and the event read from it."""
    doc = Document.create(text, url=url, source=url.split("/")[2], title=f"Report: {text[:30]}", lang=lang)
    ev = Event(
        id=event_id(doc.id, 0, type_),
        type=type_,
        actors=[Actor(name=a) for a in actors],
        location=place,
        date=date,
        date_precision="day",
        confidence=confidence,
        evidence=[Evidence(doc.id, text, 0, len(text), lang=lang, url=url, source=doc.source)],
    )
    return doc, ev


KYIV = Place("Kyiv", 50.45, 30.52, country="UA", precision="city")
KHARKIV = Place("Kharkiv", 49.99, 36.23, country="UA", precision="city")
PARIS = Place("Paris", 48.86, 2.35, country="FR", precision="city")
NIGER = Place("Niger", 17.6, 8.08, country="NE", precision="country")
KRAMATORSK = Place("Kramatorsk", 48.72, 37.56, country="UA", precision="city")

STORED = [
    (
        "Artillery struck a depot near Kyiv on Monday.",
        "ASSAULT",
        "2024-03-04",
        KYIV,
        "https://news.example/a",
    ),
    ("Drones hit a power plant in Kharkiv.", "ASSAULT", "2024-03-20", KHARKIV, "https://news.example/b"),
    (
        "Farmers blocked the ring road around Paris.",
        "PROTEST",
        "2024-01-15",
        PARIS,
        "https://presse.example/c",
    ),
    (
        "The junta in Niger expelled the French ambassador.",
        "SANCTION",
        "2024-02-10",
        NIGER,
        "https://news.example/d",
    ),
    (SCRIPT_TEXT, "ASSAULT", "2024-02-20", KRAMATORSK, "https://news.example/e"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_store(db: Path) -> Iterator[dict]:
    """A store of the STORED events at `db`, served by the real app on a free loopback port."""
    store = SQLiteStore(db)
    ids = {}
    for text, type_, date, place, url in STORED:
        doc, ev = make_event(text, type_, date, place, url=url)
        store.add_document(doc, [ev])
        ids[text] = ev.id
    store.close()
    app = create_app(f"sqlite:///{db}", static_dir=static_dir(), stream_poll_s=0.2)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=1)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield {"url": f"http://127.0.0.1:{port}/", "db": db, "ids": ids}
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """Shared by the tests that only read."""
    with serve_store(tmp_path_factory.mktemp("web") / "events.db") as s:
        yield s


@pytest.fixture
def own_site(tmp_path: Path) -> Iterator[dict]:
    """For a test that writes: a store and server of its own."""
    with serve_store(tmp_path / "events.db") as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    foreign: list[str] = []
    page.foreign = foreign  # type: ignore[attr-defined]
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if not r.url.startswith("http://127.0.0.1:") and not r.url.startswith(("blob:", "data:"))
            else None
        ),
    )
    yield page
    context.close()


def wait_until(page, expression: str, timeout: float = 20.0) -> None:
    """Poll a JS expression from here: Playwright's wait_for_function evaluates its predicate
    with eval(), which the server's Content-Security-Policy (rightly) forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"!!({expression})"):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {expression}")
        time.sleep(0.05)


def open_map(page, url: str) -> None:
    page.goto(url)
    wait_until(page, "window.__lagebild && window.__lagebild.map")
    page.evaluate("window.__lagebild.ready")
    wait_idle(page)


def wait_idle(page) -> None:
    """Until MapLibre has drawn everything it was given (its `idle` event)."""
    page.evaluate(
        """() => new Promise((resolve) => {
            const map = window.__lagebild.map;
            if (map.loaded() && !map.isMoving()) { map.once('idle', () => resolve()); map.triggerRepaint(); }
            else map.once('idle', () => resolve());
        })"""
    )


def drawn_ids(page) -> set[str]:
    """Ids of the events the map draws now: single pins and rings, and those inside clusters."""
    return set(
        page.evaluate(
            """async () => {
                const map = window.__lagebild.map;
                const ids = new Set();
                for (const f of map.queryRenderedFeatures({layers: ['points', 'areas']})) ids.add(f.properties.id);
                for (const c of map.queryRenderedFeatures({layers: ['clusters', 'area-clusters']})) {
                    const src = map.getSource(c.layer.source);
                    const leaves = await src.getClusterLeaves(c.properties.cluster_id, 100000, 0);
                    for (const l of leaves) ids.add(l.properties.id);
                }
                return [...ids];
            }"""
        )
    )


def test_page_shows_the_stored_events_with_honest_precision(page, site) -> None:
    open_map(page, site["url"])
    assert drawn_ids(page) == set(site["ids"].values())
    # Niger is known only to the country: a ring in the area layer, never a clustered pin.
    niger = site["ids"][STORED[3][0]]
    rings = page.evaluate(
        "window.__lagebild.map.queryRenderedFeatures({layers: ['areas']}).map(f => f.properties.id)"
    )
    assert rings == [niger]
    items = page.locator("#event-list button[data-id]")
    assert items.count() == len(STORED)
    assert page.foreign == [], f"the page asked other hosts: {page.foreign}"
    assert page.errors == []


def test_clicking_an_event_shows_its_evidence_and_source(page, site) -> None:
    open_map(page, site["url"])
    text, *_, url = STORED[1]
    page.locator(f'#event-list button[data-id="{site["ids"][text]}"]').click()
    panel = page.locator("#panel")
    panel.locator("mark").wait_for()
    assert panel.locator("mark").inner_text() == text
    link = panel.locator(f'a[href="{url}"]')
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert "Kharkiv" in panel.inner_text()
    assert "event=" in page.url  # the open event is part of the link
    page.keyboard.press("Escape")
    assert panel.is_hidden()


def test_clicking_a_pin_on_the_map_opens_it(page, site) -> None:
    # Paris lies far from the other events: at zoom 6 it is a single pin, not a cluster.
    open_map(page, site["url"] + "?z=6&c=48.86,2.35")
    xy = page.evaluate(
        "(() => { const p = window.__lagebild.map.project([2.35, 48.86]); return [p.x, p.y]; })()"
    )
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
    page.locator("#panel mark").wait_for()
    assert page.locator("#panel mark").inner_text() == STORED[2][0]
    assert f"event={site['ids'][STORED[2][0]]}" in page.url


def test_a_time_filter_changes_what_is_shown(page, site) -> None:
    open_map(page, site["url"])
    page.fill("#f-since", "2024-03-01")
    page.dispatch_event("#f-since", "change")
    wait_until(page, "new URLSearchParams(location.search).get('since') === '2024-03-01'")
    wait_until(page, "window.__lagebild.records.size === 2 && !window.__lagebild.loading")
    wait_idle(page)
    march = {site["ids"][t] for t, _, d, _, _ in STORED if d >= "2024-03-01"}
    assert drawn_ids(page) == march
    # The link reproduces the view: a fresh page from the same URL shows the same events.
    url = page.url
    open_map(page, url)
    assert page.locator("#f-since").input_value() == "2024-03-01"
    assert drawn_ids(page) == march


def test_type_and_text_filters_narrow_the_map_and_live_in_the_url(page, site) -> None:
    open_map(page, site["url"])
    legend = page.locator(".legend")
    assert legend.get_attribute("open") is None  # collapsed to a button: it hides no events
    legend.locator("summary").click()
    page.locator('.legend-item[data-type="PROTEST"]').click()
    wait_until(page, "new URLSearchParams(location.search).get('type') === 'PROTEST'")
    wait_until(page, "window.__lagebild.records.size === 1 && !window.__lagebild.loading")
    wait_idle(page)
    assert drawn_ids(page) == {site["ids"][t] for t, type_, *_ in STORED if type_ == "PROTEST"}
    page.locator('.legend-item[data-type="PROTEST"]').click()  # again: all types
    page.fill("#f-q", "drones")
    wait_until(page, "new URLSearchParams(location.search).get('q') === 'drones'")
    wait_until(page, "!new URLSearchParams(location.search).has('type')")
    wait_until(page, "window.__lagebild.records.size === 1 && !window.__lagebild.loading")
    wait_idle(page)
    assert drawn_ids(page) == {site["ids"][STORED[1][0]]}


def test_brushing_the_timeline_selects_a_time_range(page, site) -> None:
    open_map(page, site["url"])
    wait_until(page, "document.querySelectorAll('.tl-svg rect').length > 0")
    box = page.locator(".tl-svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.6, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=4)
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=4)
    page.mouse.up()
    wait_until(page, "new URLSearchParams(location.search).has('since') && !window.__lagebild.loading")
    params = page.evaluate("Object.fromEntries(new URLSearchParams(location.search))")
    inside = {site["ids"][t] for t, _, d, _, _ in STORED if params["since"] <= d <= params["until"]}
    assert 0 < len(inside) < len(STORED)
    wait_until(page, f"window.__lagebild.records.size === {len(inside)}")
    wait_idle(page)
    assert drawn_ids(page) == inside
    assert page.locator("#f-since").input_value() == params["since"]


def test_an_event_stored_while_the_page_is_open_appears_live(page, own_site) -> None:
    site = own_site
    open_map(page, site["url"])
    before = drawn_ids(page)
    text = "Police dispersed a rally in Lviv with tear gas."
    doc, ev = make_event(
        text, "COERCE", "2024-03-22", Place("Lviv", 49.84, 24.03, "UA"), url="https://x.example/l"
    )
    writer = SQLiteStore(site["db"])  # a second connection, as `lagebild ingest` would be
    try:
        writer.add_document(doc, [ev])
    finally:
        writer.close()
    wait_until(page, f"window.__lagebild.records.has('{ev.id}')")
    deadline = time.monotonic() + 20
    while ev.id not in drawn_ids(page) and time.monotonic() < deadline:
        wait_idle(page)
    assert drawn_ids(page) == before | {ev.id}
    item = page.locator(f'#event-list button[data-id="{ev.id}"]')
    assert item.locator(".badge-new").inner_text() == "new"


def _report(store: SQLiteStore, text: str, event_id: str, names: set[str], **decision) -> None:
    """A report of one shooting in Dayton, stored with the merge decision given (test_merge_fold)."""
    doc = factories.make_doc(text, source=f"{event_id}.example", url=f"https://{event_id}.example/a")
    place = Place("Dayton", 39.76, -84.19, "US")
    ev = factories.make_event(
        doc, event_id, text, type="ASSAULT", date="2024-05-03", location=place, confidence=0.8
    )
    store.add_document(doc, [ev], [Decision(event=ev, names=names, mentions=[ev], **decision)])


def test_an_event_folded_into_another_leaves_the_live_map(page, own_site) -> None:
    site = own_site
    writer = SQLiteStore(site["db"])  # a second connection, as the watcher would be
    try:
        _report(writer, "Two men were shot outside a bar on Elm Street.", "street", {"Elm"})
        _report(writer, "John Carter and Luis Moreno were shot on Friday.", "victims", {"Carter"})
        open_map(page, site["url"])
        assert {"street", "victims"} <= drawn_ids(page)
        page.locator('#event-list button[data-id="victims"]').click()
        page.locator("#panel mark").first.wait_for()
        # A third report ties the two together: "victims" is folded into the older "street".
        _report(
            writer,
            "John Carter was one of two men shot on Elm Street.",
            "both",
            {"Carter", "Elm"},
            target="victims",
            absorb=["street"],
        )
    finally:
        writer.close()
    wait_until(page, "!window.__lagebild.records.has('victims') && window.__lagebild.removed >= 1")
    deadline = time.monotonic() + 20
    while "victims" in drawn_ids(page) and time.monotonic() < deadline:
        wait_idle(page)
    drawn = drawn_ids(page)
    assert "victims" not in drawn and "street" in drawn
    assert page.locator('#event-list button[data-id="victims"]').count() == 0
    assert page.locator('#event-list button[data-id="street"]').count() == 1
    # The open panel moved to the event the folded one became part of, with all three reports.
    wait_until(page, "new URL(location.href).searchParams.get('event') === 'street'")
    wait_until(page, "document.querySelectorAll('#panel mark').length >= 3")


def test_markup_in_an_article_is_shown_as_text(page, site) -> None:
    open_map(page, site["url"])
    page.locator(f'#event-list button[data-id="{site["ids"][SCRIPT_TEXT]}"]').click()
    page.locator("#panel mark").wait_for()
    assert page.locator("#panel mark").inner_text() == SCRIPT_TEXT
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#panel script").count() == 0


def test_the_page_works_by_keyboard(page, site) -> None:
    open_map(page, site["url"])
    first = page.locator("#event-list button[data-id]").first
    first.focus()
    page.keyboard.press("ArrowDown")
    second_id = page.locator("#event-list button[data-id]").nth(1).get_attribute("data-id")
    assert page.evaluate("document.activeElement.dataset.id") == second_id
    page.keyboard.press("Enter")
    page.locator("#panel mark").wait_for()
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
    assert page.evaluate("document.activeElement.dataset.id") == second_id  # focus goes back


# What the page needs and nothing more: no inline script or style, no eval, no blob: worker; only
# MapLibre's control icons are data: images in its stylesheet.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'"
)


def test_the_page_needs_no_more_than_a_strict_content_security_policy(page, site) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)

    def strict(route) -> None:
        if route.request.url.split("?")[0].endswith("/stream"):  # never end: a fetch would outlive the test
            route.continue_()
            return
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route(f"{site['url']}**", strict)
    open_map(page, site["url"])
    assert len(drawn_ids(page)) >= len(STORED)
    page.locator("#event-list button[data-id]").first.click()
    page.locator("#panel mark").wait_for()
    assert violations == []


def test_the_panel_speaks_a_merged_event_in_words(page, own_site) -> None:
    """One happening, two sources in two languages: grouped by language, casualties with their
    range, the disagreement in a sentence, actors in English beside the words as written."""
    en = "Shelling killed four people in Kharkiv on Tuesday."
    uk = "Внаслідок обстрілу Харкова загинули шестеро людей."
    doc_en = Document.create(
        en, url="https://news.example/m1", source="news.example", title="Shelling", lang="en"
    )
    doc_uk = Document.create(uk, url="https://ua.example/m2", source="ua.example", title="Обстріл", lang="uk")
    ev = Event(
        id=event_id(doc_en.id, 0, "ASSAULT"),
        type="ASSAULT",
        mode="artillery",
        actors=[Actor(name="Російські військові", country="RU", sector="MIL")],
        recipients=[Actor(name="civilians", sector="CVL")],
        location=KHARKIV,
        date="2024-03-12",
        date_precision="day",
        confidence=0.8,
        fatalities=4,
        disagreement={"fatalities": [4, 6], "date": ["2024-03-12", "2024-03-11"]},
        num_sources=2,
        num_articles=2,
        languages=["en", "uk"],
        evidence=[
            Evidence(doc_en.id, en, 0, len(en), lang="en", url=doc_en.url, source=doc_en.source),
            Evidence(doc_uk.id, uk, 0, len(uk), lang="uk", url=doc_uk.url, source=doc_uk.source),
        ],
    )
    store = SQLiteStore(own_site["db"])
    store.add_document(doc_uk, [])
    store.add_document(doc_en, [ev])
    store.close()
    page.goto(f"{own_site['url']}?event={ev.id}")
    panel = page.locator("#panel")
    panel.locator("mark").first.wait_for()
    title = panel.locator("#panel-title").inner_text()
    assert title.strip() == "Assault (artillery) — Kharkiv, Ukraine — 12 March 2024"
    assert panel.locator(".reach").inner_text() == "2 sources in 2 languages"
    groups = panel.locator(".lang-group")
    assert [groups.nth(i).locator("h4").inner_text() for i in range(groups.count())] == [
        "English",
        "Ukrainian",
    ]
    assert groups.nth(1).locator("mark").inner_text() == uk
    assert panel.locator(".casualties").inner_text() == "4–6 killed"
    notes = panel.locator(".disagreement").inner_text()
    assert "between 4 and 6 killed" in notes and "2024-03-11" in notes
    actor = panel.locator(".actor").first
    assert actor.locator(".actor-name").inner_text() == "Russia armed forces"
    assert "Російські військові" in actor.locator(".as-written").inner_text()
    assert actor.locator("abbr.sector").get_attribute("title") == "sector code MIL"
    assert "MIL" not in panel.locator(".facts").inner_text()  # codes only in tooltips
    item = page.locator(f'#event-list button[data-id="{ev.id}"]')
    assert item.inner_text().startswith("Assault (artillery) — Kharkiv, Ukraine — 12 March 2024")
    assert page.errors == []


def test_after_fit_the_collapsed_legend_covers_no_event(page, site, tmp_path: Path) -> None:
    open_map(page, site["url"])
    legend = page.locator(".legend").bounding_box()
    pins = page.evaluate(
        """() => [...window.__lagebild.records.values()].filter(r => r.lon !== null)
            .map(r => window.__lagebild.map.project([r.lon, r.lat])).map(p => [p.x, p.y])"""
    )
    box = page.locator("#map").bounding_box()
    assert pins and all(0 <= x <= box["width"] and 0 <= y <= box["height"] for x, y in pins)  # fitted
    for x, y in pins:
        inside = legend["x"] - box["x"] <= x <= legend["x"] - box["x"] + legend["width"] and (
            legend["y"] - box["y"] <= y <= legend["y"] - box["y"] + legend["height"]
        )
        assert not inside, f"the legend covers the event at {x:.0f},{y:.0f}"
    page.screenshot(path=str(tmp_path / "map.png"))


def test_presets_modality_and_download_follow_the_view(page, own_site) -> None:
    text = "Farmers plan to block the roads around Lyon next week."
    doc, ev = make_event(text, "PROTEST", "2024-03-25", PARIS, url="https://presse.example/plan")
    ev.modality = "future"
    store = SQLiteStore(own_site["db"])
    store.add_document(doc, [ev])
    store.close()
    open_map(page, own_site["url"])
    assert ev.id not in drawn_ids(page)  # by default only what happened
    page.select_option("#f-modality", "future")
    wait_until(page, f"window.__lagebild.records.has('{ev.id}') && window.__lagebild.records.size === 1")
    wait_idle(page)
    assert "modality=future" in page.url
    unreal = page.evaluate(
        "window.__lagebild.map.queryRenderedFeatures({layers: ['unreal']}).map(f => f.properties.id)"
    )
    assert unreal == [ev.id]  # drawn in its own style
    href = page.locator("#dl-geojson").get_attribute("href")
    assert "modality=future" in href and "bbox=" in href
    body = page.evaluate(f"fetch({href!r}).then(r => r.json())")
    assert [f["properties"]["id"] for f in body["features"]] == [ev.id]
    page.locator(".preset[data-days='7']").click()
    wait_until(page, "window.__lagebild.state.filters.since")
    since = page.evaluate("window.__lagebild.state.filters.since")
    assert (
        since == (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=7)).isoformat()
        and f"since={since}" in page.url
    )
    assert "since=" in page.locator("#dl-acled").get_attribute("href")


def test_hovering_a_pin_says_what_it_is(page, site) -> None:
    open_map(page, site["url"] + "?z=6&c=48.86,2.35")
    xy = page.evaluate(
        "(() => { const p = window.__lagebild.map.project([2.35, 48.86]); return [p.x, p.y]; })()"
    )
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + xy[0], box["y"] + xy[1])
    tip = page.locator("#map-tooltip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("Protest — Paris, France — 15 January 2024")
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    tip.wait_for(state="hidden")
