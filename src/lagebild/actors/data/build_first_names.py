"""Build first_names.txt, the given names lagebild.actors.names recognises persons by.

Derived from the `names-dataset` package (PyPI, version 3.3.1, Apache-2.0; its README says the
counts come from a public dump of social-network profiles, so only aggregate, non-identifying data
is kept here: the most common given names per country, no surname, no count, no person). A name is
kept when it ranks in the top RANK of one of COUNTRIES, the countries whose news our languages
read. Rerun after `pip install names-dataset==3.3.1`:

    python src/lagebild/actors/data/build_first_names.py

It needs about 4 GB of memory for a few seconds; lagebild itself never imports names-dataset.
"""

from __future__ import annotations

import gzip
import pickle
from importlib import resources
from pathlib import Path

RANK = 1000
COUNTRIES = (
    "US GB CA AU IE NZ ZA NG IN KE GH PH DE AT CH FR BE SN CI CM MA DZ TN ES MX AR CO CL PE VE CU "
    "RU KZ BY UA EG SA IQ SY JO LB PS LY SD YE AE TR BR PT IT PL IR AF IL GE AM AZ RS HU RO NL SE"
).split()


def main() -> None:
    path = resources.files("names_dataset") / "v3" / "first_names.pkl.gz"
    with path.open("rb") as fh:
        names = pickle.load(gzip.open(fh))  # a pickle shipped by the package itself
    keep = sorted(
        name
        for name, info in names.items()
        if len(name) >= 3
        and name.isalpha()
        and name[:1].isupper()
        and any(info["rank"].get(c, RANK + 1) <= RANK for c in COUNTRIES)
    )
    out = Path(__file__).with_name("first_names.txt")
    header = "# Given names for lagebild.actors.names; built by build_first_names.py (see there).\n"
    out.write_text(header + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} names -> {out}")


if __name__ == "__main__":
    main()
