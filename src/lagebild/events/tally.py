"""Which casualty statements of a document belong to which happening.

News rarely gives a shooting's toll in the trigger's own sentence: "Three people were shot on
Friday. One of them died in hospital." The second sentence holds no trigger, yet it is the
toll of the first. Each figure of the document (lagebild.events.casualties) belongs to the violent
happening whose sentence holds it; a figure in a sentence of no violent happening belongs to the
happening told last before it (the scene holds, as for places), else to the first one after it.
A death told by itself ("He was flown to hospital, where he died Sunday", "all four died of a
gunshot wound") is also the end of the happening told before it, whose victim it names again.
The headline's figures fill in for the happenings whose sentences give none. Every mention of a
happening then carries the happening's figures, so the store's summary (one figure per article)
sees what the article says over all its sentences, with "shot" minus "died" counted as injured.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from lagebild.events.casualties import Count, casualties, figures, several_happenings, tells_harm
from lagebild.merge.within import group
from lagebild.model import Event

# Happenings that kill and injure; figures beside others (an arrest, a trial) are a violent
# happening's toll told again.
HARM_TYPES = frozenset({"ASSAULT"})
_TOLL_TAIL = 3000  # characters after the last violent sentence in which its toll is still read


def _sentence_of(m: Event) -> tuple[int, int]:
    ev = m.evidence[0]
    return ev.start, ev.end


def _victims(toll: list[Count]) -> int:
    """How many the counts of a happening so far hit or killed (0 when they give no figure)."""
    return max((c.value for c in toll if c.kind in ("hit", "killed") and c.value), default=0)


def assign(
    mentions: Sequence[Event],
    text: str,
    lang: str,
    title: str | None = None,
    headline_end: int = -1,
) -> list[Event]:
    """`mentions` with each violent happening's figures over the whole document (in place)."""
    violent = [m for m in mentions if m.type in HARM_TYPES and m.evidence]
    if not violent:
        return list(mentions)
    # A toll comes soon after its last report; the tail bound keeps a long text's cost bounded.
    last = max(m.evidence[0].end for m in violent)
    counts = casualties(text, lang, 0, min(len(text), last + _TOLL_TAIL))
    heading = casualties(title, lang) if title else []
    if not counts and not heading:
        return list(mentions)
    groups = group(violent, headline_end)
    # Each group's sentences, and every violent sentence's groups, by position.
    owner: dict[tuple[int, int], list[int]] = {}
    for gi, g in enumerate(groups):
        for m in g:
            owner.setdefault(_sentence_of(m), []).append(gi)
    spans = sorted(owner)
    starts = [s for s, _ in spans]
    tolls: list[list[Count]] = [[] for _ in groups]
    for c in counts:
        if several_happenings(text, c.start, lang):
            continue  # "two students have died in separate incidents": no one happening's toll
        k = bisect_right(starts, c.start) - 1
        if k >= 0 and c.start < spans[k][1]:
            targets = set(owner[spans[k]])  # in a violent sentence: its happenings'
            if c.outcome and k > 0 and not tells_harm(text, *spans[k], lang):
                # Not more dead than that happening hit, where it says: "two students have died
                # in separate incidents" after one shooting is not its toll.
                targets |= {gi for gi in owner[spans[k - 1]] if (c.value or 0) <= (_victims(tolls[gi]) or 1)}
        else:  # the happening told last before it, else the first one after it
            targets = {owner[spans[max(k, 0)]][0]}
        for gi in targets:
            tolls[gi].append(c)
    # The headline's toll is the article's: it fills in for happenings whose sentences give none
    # (a roundup's incidents keep their own), else it is the first happening's.
    bare = [gi for gi, toll in enumerate(tolls) if not toll]
    if not bare:
        bare = [min(range(len(groups)), key=lambda gi: min(_sentence_of(m)[0] for m in groups[gi]))]
    for gi in bare:
        tolls[gi].extend(heading)
    for g, toll in zip(groups, tolls, strict=True):
        if not toll:
            for m in g:  # its own sentence's toll was over several happenings
                if several_happenings(text, _sentence_of(m)[0], lang):
                    m.fatalities = m.injured = None
            continue
        killed, injured = figures(toll)
        for m in g:
            m.fatalities, m.injured = killed, injured
    return list(mentions)
