from __future__ import annotations

import pytest

from lagebild.events.ontology import (
    ACLED_SUB_TO_TYPE,
    ACLED_TYPES,
    EVENT_TYPES,
    acled_for,
    cameo_for,
    describe,
    normalise_type,
)


def test_sixteen_plover_types() -> None:
    assert len(EVENT_TYPES) == 16


def test_every_acled_sub_event_type_is_reachable() -> None:
    reached = {r["acled_sub_event_type"] for r in describe()}
    reached.add(acled_for("ASSAULT", "beat", ["POL"], ["PROT"])[1])
    reached.add(acled_for("ASSAULT", "occupy", ["MIL"], [])[1])
    assert set(ACLED_SUB_TO_TYPE) <= reached
    assert sum(len(v) for v in ACLED_TYPES.values()) == 25


def test_every_mapping_is_consistent() -> None:
    for row in describe():
        if row["acled_sub_event_type"]:
            assert ACLED_SUB_TO_TYPE[row["acled_sub_event_type"]] == row["acled_event_type"]
        assert 1 <= int(row["cameo_root"]) <= 20


def test_examples_from_the_brief() -> None:
    assert acled_for("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_for("COERCE", "arrest") == ("Strategic developments", "Arrests")
    assert acled_for("PROTEST", "demo") == ("Protests", "Peaceful protest")
    assert acled_for("PROTEST", "riot") == ("Riots", "Violent demonstration")
    assert acled_for("CONSULT", "visit") == (None, None)


def test_armed_violence_depends_on_the_target() -> None:
    assert acled_for("ASSAULT", "firearms", ["MIL"], ["REB"]) == ("Battles", "Armed clash")
    assert acled_for("ASSAULT", "firearms", ["REB"], ["CVL"]) == ("Violence against civilians", "Attack")
    assert acled_for("ASSAULT", "beat", ["POL"], ["PROT"])[1] == "Excessive force against protesters"


def test_legacy_names_and_cameo() -> None:
    assert normalise_type("FIGHT") == ("ASSAULT", None)
    assert normalise_type("investigate") == ("ACCUSE", "investigate")
    assert cameo_for("ACCUSE", "investigate") == "09"
    assert cameo_for("ASSAULT", "aerial") == "19"
    with pytest.raises(ValueError):
        normalise_type("DANCE")


def test_protesters_are_told_apart_from_other_civilians():
    from lagebild.events.ontology import acled_for, acled_role

    protesters = acled_role("CVL", "protesters")
    villagers = acled_role("CVL", "villagers")
    assert acled_for("ASSAULT", "firearms", ["MIL"], [protesters])[1] == "Excessive force against protesters"
    assert acled_for("ASSAULT", "firearms", ["MIL"], [villagers])[0] == "Violence against civilians"
