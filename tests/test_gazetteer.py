"""The gazetteer index and the GeoNames importer, on a tiny dump we wrote (tests/fixtures/geonames)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.places.gazetteer import Gazetteer
from lagebild.places.geonames import GeoNamesError, build_from_geonames
from lagebild.places.normalise import name_key

DUMP = Path(__file__).resolve().parent / "fixtures" / "geonames"


@pytest.fixture(scope="module")
def dump_gazetteer() -> Gazetteer:
    return build_from_geonames(DUMP)


def _names(gaz: Gazetteer, name: str) -> list[tuple[str, str, str]]:
    return [(gaz.names[r], gaz.country[r], gaz.feature[r]) for r in gaz.rows(name_key(name)).tolist()]


def test_importer_reads_places_and_alternate_names(dump_gazetteer):
    gaz = dump_gazetteer
    assert ("Bayqongyr", "KZ", "PPL") in _names(gaz, "Baikonur")
    assert ("Bayqongyr", "KZ", "PPL") in _names(gaz, "Байконур")
    assert ("Paris", "FR", "PPLC") in _names(gaz, "Париж")
    assert ("Republic of Kazakhstan", "KZ", "PCLI") in _names(gaz, "Kasachstan")


def test_importer_skips_links_historic_names_and_other_feature_classes(dump_gazetteer):
    gaz = dump_gazetteer
    assert _names(gaz, "Верный") == []
    assert not any("wikipedia" in n for n in gaz.names)
    assert _names(gaz, "Quarry Hill") == []


def test_importer_links_places_to_their_regions(dump_gazetteer):
    gaz = dump_gazetteer
    row = next(r for r in gaz.rows(name_key("Paris")).tolist() if gaz.country[r] == "US")
    assert gaz.place(row).admin1 == "Texas"
    assert gaz.admin2[row] == "US.TX.277"


def test_gazetteer_survives_save_and_load(dump_gazetteer, tmp_path):
    path = tmp_path / "gaz.pkl"
    dump_gazetteer.save(path)
    again = Gazetteer.load(path)
    assert len(again) == len(dump_gazetteer)
    assert _names(again, "Baikonur") == _names(dump_gazetteer, "Baikonur")


def test_importer_refuses_a_directory_without_a_dump(tmp_path):
    with pytest.raises(GeoNamesError):
        build_from_geonames(tmp_path)


def test_cli_build_from_geonames_and_lookup(tmp_path, monkeypatch):
    from lagebild.places import gazetteer
    from lagebild.places.cli import app

    monkeypatch.setenv("LAGEBILD_CACHE_DIR", str(tmp_path))
    gazetteer.reset_cache()
    try:
        runner = CliRunner()
        built = runner.invoke(app, ["build", "--geonames", str(DUMP)])
        assert built.exit_code == 0, built.output
        assert (tmp_path / gazetteer.FILENAME).exists()
        found = runner.invoke(app, ["lookup", "Байконур", "--lang", "ru"])
        assert found.exit_code == 0 and "Bayqongyr" in found.output
        missing = runner.invoke(app, ["lookup", "Xqzzyville"])
        assert missing.exit_code == 1
        bad = runner.invoke(app, ["build", "--geonames", str(tmp_path / "nowhere")])
        assert bad.exit_code == 2 and "not a directory" in bad.output
    finally:
        gazetteer.reset_cache()
