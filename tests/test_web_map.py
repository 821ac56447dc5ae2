# ruff: noqa: F811  (pytest fixtures imported from test_web are parameters here)
"""The map page's reading aids in a real browser (as tests/test_web.py): clusters that open into
the list of their events, the selected event ringed also inside a cluster, the panel beside the
list on a laptop's window, and the offline base map's place names."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.model import Place
from lagebild.store.sqlite import SQLiteStore
from test_web import (  # noqa: F401  (fixtures)
    KYIV,
    PARIS,
    STORED,
    browser,
    make_event,
    open_map,
    own_site,
    page,
    site,
    wait_idle,
    wait_until,
)

PILE = 14  # events at one spot: the cluster that once stacked into "12/14"


def add_pile(db: Path, n: int = PILE) -> list[str]:
    """`n` events in Kyiv at exactly the same point: no zoom spreads them apart."""
    store = SQLiteStore(db)
    ids = []
    for i in range(n):
        text = f"Air defence shot down drone number {i} over Kyiv."
        doc, ev = make_event(text, "ASSAULT", f"2024-03-{i + 1:02d}", KYIV, url=f"https://pile.example/{i}")
        store.add_document(doc, [ev])
        ids.append(ev.id)
    store.close()
    return ids


def rendered(page, layers: list[str]) -> list[dict]:
    return page.evaluate(
        f"window.__lagebild.map.queryRenderedFeatures({{layers: {layers!r}}}).map(f => ({{...f.properties, "
        "layer: f.layer.id, xy: window.__lagebild.map.project(f.geometry.coordinates)}))"
    )


def click_at(page, lon: float, lat: float) -> None:
    xy = page.evaluate(
        f"(() => {{ const p = window.__lagebild.map.project([{lon}, {lat}]); return [p.x, p.y]; }})()"
    )
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])


def list_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("#event-list button[data-id]", "bs => bs.map(b => b.dataset.id)"))


def test_a_cluster_opens_into_the_list_of_its_events(page, own_site) -> None:
    pile = add_pile(own_site["db"])
    kyiv_ids = [*pile, own_site["ids"][STORED[0][0]]]
    open_map(page, own_site["url"] + "?z=12&c=50.45,30.52")
    clusters = rendered(page, ["clusters"])
    assert len(clusters) == 1 and clusters[0]["point_count"] == len(kyiv_ids)
    # One count per cluster, drawn by the map itself: nothing stacks into "12/14".
    counts = rendered(page, ["cluster-counts"])
    assert [c["point_count"] for c in counts] == [len(kyiv_ids)]
    assert page.locator(".cluster-count").count() == 0
    zoom = page.evaluate("window.__lagebild.map.getZoom()")
    click_at(page, KYIV.lon, KYIV.lat)
    wait_until(page, "!document.querySelector('#list-scope').hidden")
    assert page.locator("#list-title").inner_text() == f"{len(kyiv_ids)} events in this cluster"
    assert list_ids(page) == set(kyiv_ids)
    assert page.evaluate("window.__lagebild.map.getZoom()") == pytest.approx(zoom)  # no useless zoom
    page.locator(f'#event-list button[data-id="{pile[3]}"]').click()
    page.locator("#panel mark").wait_for()
    assert "drone number 3" in page.locator("#panel mark").inner_text()
    page.keyboard.press("Escape")
    page.locator("#list-all").click()
    assert page.locator("#list-scope").is_hidden()
    assert page.locator("#list-title").inner_text().startswith("Events in view")
    assert page.errors == []


def test_the_selected_event_is_ringed_inside_a_cluster_and_marked_in_the_list(page, site) -> None:
    kharkiv = site["ids"][STORED[1][0]]
    open_map(page, site["url"] + f"?z=3&c=49,34&event={kharkiv}")
    page.locator("#panel mark").wait_for()
    wait_idle(page)
    # At this zoom Kharkiv is inside the cluster of the Ukrainian events ...
    singles = [f["id"] for f in rendered(page, ["points"])]
    assert kharkiv not in singles
    # ... and still ringed where it is.
    ring = rendered(page, ["selected"])
    assert [f["id"] for f in ring] == [kharkiv]
    expected = page.evaluate("window.__lagebild.map.project([36.23, 49.99])")
    assert ring[0]["xy"]["x"] == pytest.approx(expected["x"], abs=1)
    assert ring[0]["xy"]["y"] == pytest.approx(expected["y"], abs=1)
    assert page.locator(f'#event-list button[data-id="{kharkiv}"]').get_attribute("aria-current") == "true"
    page.keyboard.press("Escape")
    wait_idle(page)
    assert rendered(page, ["selected"]) == []


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"] - 0.5
        and b["x"] < a["x"] + a["width"] - 0.5
        and a["y"] < b["y"] + b["height"] - 0.5
        and b["y"] < a["y"] + a["height"] - 0.5
    )


@pytest.mark.parametrize("size", [(1366, 768), (1440, 900)])
def test_on_a_laptop_the_panel_sits_beside_the_list_not_over_the_map(browser, site, size) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        open_map(page, site["url"])
        paris = site["ids"][STORED[2][0]]
        page.locator(f'#event-list button[data-id="{paris}"]').click()
        page.locator("#panel mark").wait_for()
        wait_idle(page)
        panel = page.locator("#panel").bounding_box()
        map_box = page.locator("#map").bounding_box()
        list_box = page.locator(".list-wrap").bounding_box()
        assert not overlaps(panel, map_box) and not overlaps(panel, list_box)
        assert panel["x"] + panel["width"] <= size[0] + 0.5 and panel["width"] >= 300
        assert map_box["width"] >= 450  # still a usable map
        # The open event stays in sight on the narrower map.
        xy = page.evaluate("window.__lagebild.map.project([2.35, 48.86])")
        assert 0 <= xy["x"] <= map_box["width"] and 0 <= xy["y"] <= map_box["height"]
        page.keyboard.press("Escape")
        wait_idle(page)
        assert page.locator("#map").bounding_box()["width"] > map_box["width"]  # the map takes it back
    finally:
        context.close()


def test_the_offline_base_map_names_countries_and_more_cities_as_you_zoom(page, site) -> None:
    open_map(page, site["url"] + "?z=2&c=48,20")
    wide = {f["name"] for f in rendered(page, _label_layers(page))}
    assert {"Ukraine", "France"} <= wide
    assert "Lviv" not in wide  # a city of 700,000: not at a world view
    open_map(page, site["url"] + "?z=6&c=49.8,26")
    close = {f["name"] for f in rendered(page, _label_layers(page))}
    assert {"Kyiv", "Lviv"} <= close
    assert page.foreign == [], f"the page asked other hosts: {page.foreign}"
    assert page.errors == []


def test_zooming_in_from_the_world_view_brings_cities_and_finer_coasts(page, site) -> None:
    # The world view starts without city names and with the 1:110m coasts (less for the map to
    # cut); both come the first time the map is zoomed in far enough.
    open_map(page, site["url"] + "?z=2&c=48,20")
    assert not page.evaluate("window.__lagebild.detail")
    page.evaluate("window.__lagebild.map.jumpTo({center: [26, 49.8], zoom: 6})")
    wait_until(page, "window.__lagebild.detail === true")
    wait_idle(page)
    close = {f["name"] for f in rendered(page, _label_layers(page))}
    assert {"Kyiv", "Lviv"} <= close
    assert page.errors == []


def _label_layers(page) -> list[str]:
    return page.evaluate(
        "window.__lagebild.map.getStyle().layers.map(l => l.id).filter(id => id.includes('-labels-'))"
    )


def test_a_pin_zoomed_in_has_names_around_it(page, own_site) -> None:
    store = SQLiteStore(own_site["db"])
    doc, ev = make_event(
        "Shelling hit Bucha overnight.",
        "ASSAULT",
        "2024-03-30",
        Place("Bucha", 50.54, 30.21, "UA"),
        url="https://x.example/b",
    )
    store.add_document(doc, [ev])
    store.close()
    open_map(page, own_site["url"] + "?z=8&c=50.54,30.21")
    names = {f["name"] for f in rendered(page, _label_layers(page))}
    assert "Kyiv" in names


def test_the_place_search_flies_the_map_there(page, site) -> None:
    open_map(page, site["url"])
    box = page.locator("#place-q")
    box.fill("Lemberg")
    first = page.locator("#place-results .place-result").first
    first.wait_for()
    assert first.inner_text().startswith("Lviv (as “Lemberg”) — town or city")
    box.press("Enter")
    wait_until(
        page,
        "Math.abs(window.__lagebild.map.getCenter().lng - 24.03) < 0.05 && !window.__lagebild.map.isMoving()",
    )
    assert page.evaluate("window.__lagebild.map.getZoom()") >= 8
    wait_until(page, "new URLSearchParams(location.search).get('c')?.startsWith('49.8')")  # the link follows
    assert page.locator("#place-results").is_hidden()
    box.fill("Київ")
    page.locator("#place-results .place-result").first.wait_for()
    page.locator("#place-results .place-result").first.click()
    wait_until(
        page,
        "Math.abs(window.__lagebild.map.getCenter().lng - 30.52) < 0.05 && !window.__lagebild.map.isMoving()",
    )
    assert page.errors == []


def test_now_lists_the_important_current_events_and_countries_compare_with_before(page, site) -> None:
    open_map(page, site["url"])
    page.locator("#tab-now").click()
    item = page.locator("#pane-now .now-item").first
    item.wait_for()
    kharkiv = site["ids"][STORED[1][0]]
    # The newest event day is 20 March 2024: its last 7 days hold Kharkiv only.
    assert [b.get_attribute("data-id") for b in page.locator("#pane-now .now-item").all()] == [kharkiv]
    assert (
        page.locator("#pane-now .now-head").inner_text() == "Most important, 14 March 2024 to 20 March 2024"
    )
    assert "1 source · 80 % confidence" in item.inner_text()
    assert page.locator("#map").bounding_box()["width"] > 600  # beside the map, not over it
    item.click()
    page.locator("#panel mark").wait_for()
    assert page.locator("#panel mark").inner_text() == STORED[1][0]
    page.keyboard.press("Escape")
    page.locator("#tab-countries").click()
    row = page.locator("#pane-countries tr[data-country='UA']")
    row.wait_for()
    cells = row.locator("td").all_inner_texts()
    assert cells[:2] == ["1", "2"]  # Kharkiv in the week; Kyiv and Kramatorsk in the 30 days before
    assert "expected" in row.locator(".trend").get_attribute("title")
    row.locator("button").click()
    wait_until(page, "new URLSearchParams(location.search).get('country') === 'UA'")
    page.locator(".now-days[data-days='1']").click()
    wait_until(
        page, "document.querySelector('#pane-countries .now-head')?.textContent.startsWith('20 March 2024')"
    )
    assert page.errors == []


def test_the_plain_csv_download_follows_the_view(page, site) -> None:
    open_map(page, site["url"] + "?type=ASSAULT")
    href = page.locator("#dl-csv").get_attribute("href")
    assert "events.flat.csv" in href and "type=ASSAULT" in href and "bbox=" in href
    text = page.evaluate(f"fetch({href!r}).then(r => r.text())")
    rows = text.strip().splitlines()
    assert rows[0].startswith("id,type,") and len(rows) == 1 + 3  # the three assaults


def test_a_planned_event_is_labelled_in_words_not_codes(page, own_site) -> None:
    doc, ev = make_event(
        "Unions plan a march in Paris next week.", "PROTEST", "2024-03-28", PARIS, url="https://x.example/p"
    )
    ev.modality = "future"
    store = SQLiteStore(own_site["db"])
    store.add_document(doc, [ev])
    store.close()
    open_map(page, own_site["url"] + "?modality=all")
    text = page.locator(f'#event-list button[data-id="{ev.id}"]').inner_text()
    assert text.startswith("Protest — Paris, France — 28 March 2024") and text.endswith("[planned]")
    assert "future" not in text
