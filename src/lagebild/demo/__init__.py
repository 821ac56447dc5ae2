"""A small demo corpus shipped with the package, so that every stage can be tried without a network.

The reports are written for this project in our own words about well-known public events, in all
seven start languages. Several events are reported more than once, in different languages, so
that merging across sources and languages has something to merge. Outlets are fictional.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# Which demo reports describe the same real-world event: the answer key for merging the corpus.
# Keys name the event; values are report urls (the stable identity of a line in corpus.jsonl).
_BASE = "https://demo.lagebild.invalid"
EVENT_GROUPS: dict[str, tuple[str, ...]] = {
    "csto-deployment-kazakhstan-2022-01": (
        f"{_BASE}/en/csto-troops-kazakhstan",
        f"{_BASE}/ru/odkb-vvod-kazakhstan",
    ),
    "almaty-unrest-2022-01": (
        f"{_BASE}/ru/almaty-akimat-shturm",
        f"{_BASE}/fr/kazakhstan-almaty-chaos",
    ),
    "karabakh-ceasefire-2020-11": (
        f"{_BASE}/ru/karabakh-zayavlenie",
        f"{_BASE}/en/karabakh-ceasefire-deal",
        f"{_BASE}/fr/haut-karabakh-cessez-le-feu",
    ),
    "taliban-take-kabul-2021-08": (
        f"{_BASE}/en/taliban-enter-kabul",
        f"{_BASE}/de/taliban-kabul-machtuebernahme",
        f"{_BASE}/ar/taliban-kabul",
    ),
    "wagner-mutiny-2023-06": (
        f"{_BASE}/ru/myatezh-vagnera",
        f"{_BASE}/uk/zakolot-vagnera",
        f"{_BASE}/en/wagner-mutiny-ends",
    ),
    "kyiv-missile-strikes-2022-10-10": (
        f"{_BASE}/uk/raketnyi-udar-kyiv",
        f"{_BASE}/en/kyiv-missile-strikes",
        f"{_BASE}/es/misiles-rusos-kiev",
    ),
    "france-pension-protests-2023-03-23": (
        f"{_BASE}/fr/retraites-23-mars-violences",
        f"{_BASE}/de/frankreich-rentenprotest-bordeaux",
    ),
    "sri-lanka-presidents-house-2022-07-09": (
        f"{_BASE}/en/sri-lanka-presidents-house-stormed",
        f"{_BASE}/ar/sri-lanka-qasr-raiasi",
    ),
    "sudan-khartoum-fighting-2023-04": (
        f"{_BASE}/ar/ishtibakat-alkhartoum",
        f"{_BASE}/fr/soudan-combats-khartoum",
    ),
    "gaza-truce-2023-11-24": (
        f"{_BASE}/ar/hudna-gaza",
        f"{_BASE}/de/gaza-feuerpause-geiseln",
    ),
}


def corpus_path() -> Path:
    """Path of the demo corpus (JSON Lines, one report per line, as `lagebild ingest` reads it)."""
    return Path(str(resources.files(__package__).joinpath("corpus.jsonl")))
