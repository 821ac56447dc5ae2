"""Within one document: the mentions of one happening become one event.

News tells its main event in the headline, again in the lead, in a quote and in a recap ("the
protests that began on 6 January"). Within one article two mentions are one happening when their
type and modality agree and nothing they say contradicts: the dates fit into each other, the
places are the same or one contains the other, and their actors do not belong to different sides.
A headline carries no date of its own, so it matches a body mention on any date.
"""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.merge.aggregate import summarise
from lagebild.merge.features import actor_agreement, date_range, place_relation
from lagebild.model import Event


def _dates_fit(a: Event, b: Event) -> bool:
    """Equal, or one range inside the other ("January" holds "6 January"); a date that only the
    publication gave ("the protests in Almaty were the largest") fits any."""
    if "published" in (a.date_from, b.date_from):
        return True
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return True
    return (ra[0] <= rb[0] and rb[1] <= ra[1]) or (rb[0] <= ra[0] and ra[1] <= rb[1])


def same_happening(a: Event, b: Event, headline_end: int = -1) -> bool:
    """Whether two mentions of one document report the same happening."""
    if (a.type, a.modality) != (b.type, b.modality):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    in_headline = min(a.evidence[0].end, b.evidence[0].end) <= headline_end
    if not in_headline and not _dates_fit(a, b):
        return False
    relation, _ = place_relation(a.location, b.location)
    if relation == "apart":
        return False
    return actor_agreement(a, b) >= 0


def group(mentions: Sequence[Event], headline_end: int = -1) -> list[list[Event]]:
    """Mentions in groups of one happening each, in text order of each group's first mention.

    A mention joins the first group all of whose members it agrees with (complete linkage: a
    mention of "Almaty" and one of "Astana" cannot be joined by a third that names only
    "Kazakhstan"). Each group leads with its most confident mention, the rest in text order: the
    lead gives the event its id and its first evidence sentence (a headline is rarely the best).
    """
    groups: list[list[Event]] = []
    for m in sorted(mentions, key=lambda m: m.evidence[0].start):
        for g in groups:
            if all(same_happening(m, other, headline_end) for other in g):
                g.append(m)
                break
        else:
            groups.append([m])
    groups = _attach_references(groups)
    for g in groups:
        lead = max(g, key=lambda m: m.confidence)
        g.remove(lead)
        g.insert(0, lead)
    return groups


def _attach_references(groups: list[list[Event]]) -> list[list[Event]]:
    """Groups told only as references ("condemned the bombing", "accused of shooting his
    friend") join the best-read report of their type in the document, whatever mode, modality,
    doers or place the reference gives (a statement's place is often its speaker's): it names
    the happening the article reports. Only a date that contradicts keeps them apart."""
    reports = sorted(
        (g for g in groups if not all(m.reference for m in g)),
        key=lambda g: -max(m.confidence for m in g),
    )
    out = []
    for g in groups:
        ref = g[0]
        target = None
        if all(m.reference for m in g):
            target = next(
                (r for r in reports if r[0].type == ref.type and _dates_fit(ref, r[0])),
                None,
            )
        if target is None:
            out.append(g)
        else:
            target.extend(g)
    return out


def merge_document(mentions: Sequence[Event], headline_end: int = -1) -> list[Event]:
    """One event per happening of a document, with every evidence sentence, in text order."""
    return [summarise(g) for g in group(mentions, headline_end)]


def headline_end(text: str) -> int:
    """End of the first line when it is a headline (no sentence-final punctuation), else -1."""
    stripped = text.lstrip()
    first = stripped.split("\n", 1)[0].rstrip()
    if not first or first.endswith((".", "!", "?", "…", "؟")) or "\n" not in stripped:
        return -1
    return len(text) - len(stripped) + len(first)
