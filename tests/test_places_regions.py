"""Regions and their namesakes: where a first-level region's pin goes, and when a country's name
means a town. Texts are our own."""

from __future__ import annotations

from lagebild.eval.metrics import haversine_km
from lagebild.places import geoparse, resolve
from lagebild.places.gazetteer import get_gazetteer
from lagebild.places.subdivisions import iso_regions


def _only(text: str, name: str, lang: str = "en"):
    start = text.index(name)
    (m,) = resolve(text, [(start, start + len(name))], lang)
    assert m.place is not None, name
    return m


def test_a_province_is_pinned_in_its_middle_not_among_its_southern_towns() -> None:
    # Ontario's towns crowd along the lakes; the middle of their box lay some 200 km south of
    # the province's middle (about 50 N, 86 W).
    m = _only("Hospitals in Ontario reported fewer cases.", "Ontario")
    assert m.place.precision == "admin1"
    assert m.place.lat > 49.0
    assert haversine_km(m.place.lat, m.place.lon, 50.0, -86.0) < 100


def test_every_us_state_has_a_point_inside_its_own_box() -> None:
    # Rough boxes we wrote for a few states: the pin must lie in the state, not in a neighbour.
    boxes = {
        "US.VA": (36.5, 39.5, -83.7, -75.2),
        "US.NY": (40.5, 45.0, -79.8, -71.8),
        "US.TX": (25.8, 36.5, -106.7, -93.5),
        "US.AK": (51.0, 71.5, -180.0, -129.9),
    }
    gaz = get_gazetteer()
    for code, (lat0, lat1, lon0, lon1) in boxes.items():
        r = gaz.admin_rows[code]
        assert lat0 <= gaz.lat[r] <= lat1 and lon0 <= gaz.lon[r] <= lon1, (code, gaz.lat[r], gaz.lon[r])


def test_iso_data_gives_longer_names_but_no_nicknames() -> None:
    ny = iso_regions()["US-NY"]
    assert "New York State" in ny.names
    assert not any("Empire" in n for n in ny.names)


def test_new_york_state_by_its_longer_name() -> None:
    m = _only("Farmers across New York State lost their harvest.", "New York State")
    assert m.place.precision == "admin1" and m.place.country == "US"


def test_a_country_stays_the_country_beside_towns_of_a_namesake() -> None:
    # China, Texas lies near Houston; the article is about trade with the country.
    text = (
        "The tariffs that target China will hurt exporters, said a professor at a university "
        "in Houston, Texas. China has promised to answer in kind."
    )
    got = [m for m in geoparse(text, "en") if m.text == "China"]
    assert got and all(m.place.precision == "country" and m.place.country == "CN" for m in got)


def test_a_namesake_town_of_a_country_is_read_where_its_county_is_named() -> None:
    # Local news: the town of Lebanon, Pennsylvania, with its county named beside it.
    text = (
        "The Lebanon County commissioners met on Tuesday. Lebanon police said the road "
        "would stay closed, and residents of Lebanon were asked to drive around it."
    )
    got = [m for m in geoparse(text, "en") if m.text == "Lebanon"]
    assert got and all(m.place.country == "US" for m in got), [(m.text, m.place) for m in got]


def test_a_country_name_placed_in_a_state_is_the_town() -> None:
    m = _only("He was born in Mexico, Mo., and moved away.", "Mexico")
    assert m.place.country == "US" and m.place.precision == "city"


def test_a_country_has_one_capital_not_every_town_of_its_name() -> None:
    gaz = get_gazetteer()
    capitals = [r for r, f in enumerate(gaz.feature) if f == "PPLC" and gaz.country[r] == "US"]
    assert [(gaz.names[r], gaz.admin1[r]) for r in capitals] == [("Washington", "US.DC")]


def test_a_town_and_the_county_it_lies_in_choose_each_other() -> None:
    # Of the many Parises and Henry Counties, only Paris, Tennessee lies in a Henry County.
    text = (
        "A Paris man was arrested at Paris City Hall on Sunday. He is to appear on Tuesday "
        "in Henry County General Sessions Court."
    )
    got = {m.text: m.place for m in geoparse(text, "en")}
    assert got["Paris"].country == "US" and got["Paris"].admin1 == "Tennessee", got["Paris"]
    assert got["Henry County"].admin1 == "Tennessee", got["Henry County"]


def test_names_listed_together_are_read_as_one_kind() -> None:
    text = "The herd grazes along the western borders of Montana and Wyoming, the ranchers said."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Montana", "Wyoming")]
    got = resolve(text, spans, "en")
    assert all(m.place.precision == "admin1" and m.place.country == "US" for m in got), got


def test_a_state_is_not_read_as_a_namesake_town_of_another_state() -> None:
    # Wyoming, Michigan is big next to the state's towns, but it is not what "Wyoming" means.
    m = _only("A federal judge in Wyoming halted the rule.", "Wyoming")
    assert m.place.precision == "admin1", m.place


def test_local_news_of_a_town_reads_it_where_the_articles_other_places_lie() -> None:
    # "London city council" beside Ontario's towns is London, Ontario, not the British capital.
    text = (
        "London city council voted on Tuesday to hire outside experts. Developers from "
        "Toronto and Hamilton, Ontario, had asked London to change the plan."
    )
    got = [m for m in geoparse(text, "en") if m.text == "London"]
    assert got and all(m.place.country == "CA" for m in got), [(m.text, m.place) for m in got]


def test_a_name_with_a_country_or_region_inside_is_placed_there() -> None:
    text = "The Bank of Mexico raised rates; analysts at Arizona State University were not surprised."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Bank of Mexico", "Arizona State University")]
    bank, university = resolve(text, spans, "en")
    assert bank.place.country == "MX" and bank.place.precision == "country", bank.place
    assert university.place.precision == "admin1" and university.place.name == "Arizona", university.place


def test_a_park_or_township_named_after_a_place_is_not_placed_there() -> None:
    # Shawnee Park lies in the article's town, not in Shawnee County, Kansas.
    text = "The fair opens in South Charleston on Friday; another is held at Shawnee Park."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("South Charleston", "Shawnee Park")]
    town, park = resolve(text, spans, "en")
    assert park.place == town.place, (town.place, park.place)


def test_a_place_that_is_also_a_given_name_opens_an_organisations_name() -> None:
    # The name list holds "Texas" and "Paris" as given names; before a word of the language
    # they open an organisation's name, before an unknown word a person's.
    places_in = {
        "She studied at Texas Southern University in Houston.": "Texas",
        "The Paris Public Library opens a workshop on Monday.": "Paris",
    }
    for text, name in places_in.items():
        assert name in [m.text for m in geoparse(text, "en")], text
    assert "Victoria" not in [m.text for m in geoparse("The series was created by Victoria Rowell.", "en")]


def test_a_dotted_state_abbreviation_alone_is_the_state() -> None:
    got = [(m.text, m.place.name) for m in geoparse("The S.C. Highway Patrol is looking for leads.", "en")]
    assert ("S.C.", "South Carolina") in got, got
    got = [
        (m.text, m.place.precision) for m in geoparse("He rode a bike from Norman to D.C. last year.", "en")
    ]
    assert ("D.C.", "admin1") in got, got


def test_a_surname_after_a_middle_initial_is_no_place() -> None:
    text = "An officer heard the music, Capt. Roy A. Nelson said. Nelson added that no one was hurt."
    assert [m.text for m in geoparse(text, "en")] == []


def test_seas_and_oceans_are_places_of_their_own() -> None:
    text = "Migrants drowned in the Mediterranean; the search moved to the southern Indian Ocean."
    got = {m.text: (m.place.name, m.place.precision) for m in geoparse(text, "en")}
    assert got["Mediterranean"] == ("Mediterranean Sea", "region"), got
    assert got["Indian Ocean"][0] == "Indian Ocean", got  # not India
    gulf = [m for m in geoparse("Iran threatened shipping in the Gulf.", "en") if m.text == "Gulf"]
    assert gulf and gulf[0].place.name == "Persian Gulf", gulf  # not Gulf Province, Papua New Guinea


def test_a_town_named_like_a_victim_is_no_place_anywhere_in_the_text() -> None:
    text = (
        "The victim, Stephen J. Brumby, 14, was standing behind his father. Friends shared "
        "memories of Stephen's impact on their life."
    )
    assert [m.text for m in geoparse(text, "en")] == []


def test_a_street_after_block_of_is_no_town() -> None:
    text = "A teen was shot in the 9500 block of Page on Friday, police in Overland said."
    page = [m for m in geoparse(text, "en") if m.text == "Page"]
    assert all(m.place is None or m.place.name != "Page" for m in page), page


def test_a_road_number_before_a_town_is_no_first_name() -> None:
    text = "The A429 Cirencester junction will close tonight; drivers to Cirencester face delays."
    assert "Cirencester" in [m.text for m in geoparse(text, "en")]  # not a surname everywhere


def test_names_listed_before_counties_are_the_counties() -> None:
    text = "School boards in Barrow, Jackson and Madison counties changed their policies."
    got = [(m.text, m.place.name, m.place.admin1) for m in geoparse(text, "en")]
    assert got == [
        ("Barrow", "Barrow County", "Georgia"),
        ("Jackson", "Jackson County", "Georgia"),
        ("Madison", "Madison County", "Georgia"),
    ], got
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Barrow", "Jackson")]
    assert [m.place.name for m in resolve(text, spans, "en")] == ["Barrow County", "Jackson County"]


def test_a_legislators_home_after_the_party_letter_is_a_place() -> None:
    text = "House Majority Leader Brent Boggs, D-Braxton, sponsored it. Rep. Nick Rahall, D-W. Va., agreed."
    got = [(m.text, m.place.name) for m in geoparse(text, "en")]
    assert ("Braxton", "Braxton County") in got and ("W. Va.", "West Virginia") in got, got


def test_the_people_of_a_region_stand_for_it_where_demonyms_are_counted() -> None:
    text = "Starting in July, Ontarians will receive a tax cut; Texans and Minnesotans got one too."
    got = [(m.text, m.place.name) for m in geoparse(text, "en", demonyms=True)]
    assert got == [("Ontarians", "Ontario"), ("Texans", "Texas"), ("Minnesotans", "Minnesota")], got
    assert geoparse(text, "en") == []  # the event pipeline reads them as context only
    (m,) = resolve(text, [(text.index("Ontarians"), text.index("Ontarians") + 9)], "en")
    assert m.place.name == "Ontario"


def test_a_place_noun_inside_a_bodys_name_does_not_make_a_street() -> None:
    text = "A trooper of the Florida Highway Patrol stopped him on Main Street."
    got = [m.text for m in geoparse(text, "en")]
    assert "Florida" in got and "Main Street" in got and "Florida Highway" not in got, got


def test_a_part_of_a_state_is_the_state_not_its_namesake_city() -> None:
    text = "The team travelled to central Washington to set up shop."
    (m,) = resolve(text, [(text.index("Washington"), text.index("Washington") + 10)], "en")
    assert m.place.precision == "admin1" and m.place.name == "Washington", m.place
