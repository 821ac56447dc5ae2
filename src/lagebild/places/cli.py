"""`lagebild gazetteer`: build and inspect the gazetteer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Build and inspect the gazetteer", no_args_is_help=True)


GeoNamesDir = Annotated[
    Path | None,
    typer.Option("--geonames", help="Directory with a GeoNames dump (allCountries.txt or citiesN.txt, ...)"),
]
Force = Annotated[bool, typer.Option("--force", help="Rebuild even when a gazetteer is cached")]
Lang = Annotated[str | None, typer.Option("--lang", help="Language of the name (for its inflections)")]
Limit = Annotated[int, typer.Option("--limit", min=1, help="How many candidates to print")]


@app.command()
def build(geonames: GeoNamesDir = None, force: Force = False) -> None:
    """Build the gazetteer index from the packages (default) or a GeoNames dump."""
    import time

    from lagebild.places.gazetteer import Gazetteer, default_path, remove_stale, reset_cache

    path = default_path()
    if path.exists() and not force and geonames is None:
        typer.echo(f"gazetteer already built: {path} (use --force to rebuild)")
        return
    t0 = time.perf_counter()
    if geonames is not None:
        from lagebild.places.geonames import GeoNamesError, build_from_geonames

        try:
            gaz = build_from_geonames(geonames)
        except (GeoNamesError, OSError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    else:
        from lagebild.places.build import build_from_packages

        gaz = build_from_packages()
    gaz.save(path)
    remove_stale(path)
    reset_cache()
    t1 = time.perf_counter()
    Gazetteer.load(path)
    t2 = time.perf_counter()
    typer.echo(
        f"built {len(gaz):,} places, {len(gaz.keys):,} names from {gaz.source} in {t1 - t0:.1f} s -> {path} "
        f"({path.stat().st_size / 1e6:.1f} MB, loads in {t2 - t1:.2f} s)"
    )


@app.command()
def lookup(
    name: Annotated[str, typer.Argument(help="A place name, in any of our languages")],
    lang: Lang = None,
    limit: Limit = 10,
) -> None:
    """Print the gazetteer's candidates for NAME, most likely first (without context)."""
    from lagebild.places.api import candidates

    found = candidates(name, lang)
    if not found:
        typer.echo(f"no place named {name!r}")
        raise typer.Exit(1)
    for pm in found[:limit]:
        p = pm.place
        typer.echo(
            f"{p.name}\t{p.country or '-'}\t{p.admin1 or '-'}\t{pm.feature}\t{p.precision}\t"
            f"pop {pm.population:,}\t{p.lat:.4f},{p.lon:.4f}\tgeonameid {p.geonameid or '-'}"
        )
