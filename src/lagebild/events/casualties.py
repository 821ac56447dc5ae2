"""How many were killed and injured, read from one sentence.

News states casualties in a few shapes that hold across our languages:

- a count before the harm word, with nouns and auxiliaries between: "three people were killed",
  "5 hurt", "mindestens 21 Tote", "deux morts", "three soldiers and a civilian were killed" (3+1);
- a count right after a harm verb: "killing three", "killed at least 21", "погибли три человека";
- a singular subject of a passive harm verb: "a man was shot dead", "he was killed" (1);
- nobody: "no one was injured" (0);
- a vague quantity ("dozens", "hundreds"): there is a count, but no figure (None).

The words are language data (lang/<code>/casualties.py); the shapes are here. Ages ("Smith, 25,
was killed") and years never count: a comma stops the walk back before a count is found, and
four-digit numbers that look like years are no counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Literal

from lagebild.lang import load

Kind = Literal["killed", "injured", "hit"]  # hit: "shot", "stabbed", dead or alive

_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")
_MAX_NOUNS = 3  # words between a count and its harm word or the next count ("two young men")
_MAX_AUX = 3  # "have been", "had reportedly been"
_MAX_FIGURE = 100_000  # above this a number is money or a population, not people


@dataclass(frozen=True, slots=True)
class Count:
    """One casualty figure as read: its kind, value (None: "dozens") and span in the text."""

    kind: Kind
    value: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Words:
    any_harm: re.Pattern[str]  # any harm word: most sentences have none and are skipped at once
    numbers: dict[str, int]
    vague: frozenset[str]
    none: frozenset[str]  # words that mean "nobody" before a harm word
    killed: re.Pattern[str]
    injured: re.Pattern[str]
    hit: re.Pattern[str] | None  # "shot", "stabbed": injured unless a kill word joins them
    aux: frozenset[str]
    singular_aux: frozenset[str]
    joiners: frozenset[str]
    minimum: frozenset[str]  # "at", "least", "mindestens", "au", "moins": skipped before a count
    adverbs: frozenset[str]  # words between aux and harm word: "reportedly", "later"
    hit_links: frozenset[str]  # "shot and killed", "stabbed to death"
    fatal: frozenset[str]  # words that make a hit a killing: "fatally", "mortally"
    stop: frozenset[str]  # words a count's noun phrase never contains ("said", "in")
    one_person: frozenset[str]  # singular person nouns and pronouns: "man", "victim", "he"
    relative: frozenset[str]  # relative pronouns: the clause after them has another subject


def _words(mod: ModuleType) -> _Words:
    def pattern(name: str) -> re.Pattern[str] | None:
        forms = getattr(mod, name, ())
        return re.compile("(?:" + "|".join(forms) + ")", re.I) if forms else None

    killed, injured = pattern("KILLED"), pattern("INJURED")
    harm_forms = [
        *mod.KILLED,
        *mod.INJURED,
        *getattr(mod, "HIT", ()),
        *map(re.escape, getattr(mod, "FATAL", ())),
    ]
    if killed is None or injured is None:
        raise ValueError(f"{mod.__name__}: KILLED and INJURED are required")
    return _Words(
        any_harm=re.compile(r"(?<!\w)(?:" + "|".join(harm_forms) + r")(?!\w)", re.I),
        numbers={k.lower(): v for k, v in mod.NUMBERS.items()},
        vague=frozenset(w.lower() for w in getattr(mod, "VAGUE", ())),
        none=frozenset(w.lower() for w in getattr(mod, "NOBODY", ())),
        killed=killed,
        injured=injured,
        hit=pattern("HIT"),
        aux=frozenset(w.lower() for w in getattr(mod, "AUXILIARIES", ())),
        singular_aux=frozenset(w.lower() for w in getattr(mod, "SINGULAR_AUXILIARIES", ())),
        joiners=frozenset(w.lower() for w in getattr(mod, "JOINERS", ())),
        minimum=frozenset(w.lower() for w in getattr(mod, "MINIMUM", ())),
        adverbs=frozenset(w.lower() for w in getattr(mod, "ADVERBS", ())),
        fatal=frozenset(w.lower() for w in getattr(mod, "FATAL", ())),
        hit_links=frozenset(w.lower() for w in getattr(mod, "HIT_LINKS", ())),
        stop=frozenset(w.lower() for w in getattr(mod, "STOP", ())),
        one_person=frozenset(w.lower() for w in getattr(mod, "ONE_PERSON", ())),
        relative=frozenset(w.lower() for w in getattr(mod, "RELATIVE", ())),
    )


@cache
def _lang_words(lang: str) -> _Words | None:
    mod = load(lang, "casualties")
    return _words(mod) if mod is not None else None


def _number(word: str, w: _Words) -> int | None:
    """The value of a count word: digits ("1,200", "٣"), number words, "twenty-one"."""
    low = word.lower()
    if low in w.numbers:
        return w.numbers[low]
    digits = low.replace(",", "").replace(".", "")
    if digits.isdigit():
        if len(digits) == 4 and 1900 <= int(digits) <= 2100:
            return None  # a year
        value = int(digits)
        return value if value <= _MAX_FIGURE else None
    parts = re.split(r"[-\s]", low)
    if len(parts) > 1 and all(p in w.numbers for p in parts):
        return sum(w.numbers[p] for p in parts)
    return None


def _harm(tok: str, w: _Words) -> Kind | Literal["hit"] | None:
    if w.killed.fullmatch(tok):
        return "killed"
    if w.injured.fullmatch(tok):
        return "injured"
    if w.hit is not None and w.hit.fullmatch(tok):
        return "hit"
    return None


def _count_before(
    toks: list[tuple[str, int, int]], k: int, floor: int, w: _Words
) -> tuple[int | None, int, bool] | None:
    """Walk back from the harm word at k: (figure, start offset, vague) of "NUM nouns (and NUM
    nouns)* aux* adverbs*", or None when no count stands there."""
    i = k - 1
    # "The boy, 14, died": step over the age.
    if i - 2 >= floor and toks[i][0] == "," and toks[i - 2][0] == "," and toks[i - 1][0].isdigit():
        i -= 3
    # Words between the auxiliary and the harm word: "was reportedly shot and killed".
    while i >= floor and (
        toks[i][0].lower() in w.adverbs
        or toks[i][0].lower() in w.fatal
        or _harm(toks[i][0], w) == "hit"
        or (toks[i][0].lower() in w.hit_links and i > floor and _harm(toks[i - 1][0], w) == "hit")
    ):
        i -= 1
    aux_seen = []
    while i >= floor and toks[i][0].lower() in w.aux and len(aux_seen) < _MAX_AUX:
        aux_seen.append(toks[i][0].lower())
        i -= 1
    total, start, vague, groups = 0, -1, False, 0
    while i >= floor:
        nouns = 0
        j = i
        while j >= floor and nouns < _MAX_NOUNS:
            word = toks[j][0].lower()
            if word in w.none and groups == 0:
                return 0, toks[j][1], False
            if _number(word, w) is not None or word in w.vague or not toks[j][0][:1].isalnum():
                break
            if word in w.stop or word in w.joiners or word in w.aux:
                break
            nouns += 1
            j -= 1
        if j < floor:
            break
        word = toks[j][0].lower()
        value = _number(toks[j][0], w)
        if value is None and word not in w.vague:
            break
        if j > floor and toks[j - 1][0].lower() in w.none:
            return 0, toks[j - 1][1], False  # "no one", "not one"
        if value is not None and (
            j > floor and toks[j - 1][0] == "," and j + 1 < len(toks) and toks[j + 1][0] == ","
        ):
            break  # "Smith, 25, was killed": an age
        if word in w.vague:
            vague = True
        else:
            total += value  # type: ignore[operator]
        start, groups = toks[j][1], groups + 1
        i = j - 1
        while i >= floor and toks[i][0].lower() in w.minimum:
            start, i = toks[i][1], i - 1
        if i >= floor and (toks[i][0].lower() in w.joiners or toks[i][0] == ","):
            i -= 1
            continue
        break
    if groups:
        return (None if vague else total), start, vague
    if set(aux_seen) & w.singular_aux:
        return 1, toks[k][1], False
    # "Man killed in shooting", "the victim died", "he was killed": one person, no number.
    if i >= floor and toks[i][0].lower() in w.one_person:
        return 1, toks[i][1], False
    return None


def _count_after(
    toks: list[tuple[str, int, int]], k: int, ceiling: int, w: _Words
) -> tuple[int | None, int, bool] | None:
    """A count right after a harm verb: "killing three", "killed at least 21", "погибли 5"."""
    i = k + 1
    while i < ceiling and toks[i][0].lower() in w.minimum:
        i += 1
    if i >= ceiling:
        return None
    word = toks[i][0].lower()
    if word in w.vague:
        return None, toks[i][2], True, i
    value = _number(toks[i][0], w)
    if value is None or (i + 1 < ceiling and toks[i + 1][0] in ("%", "-")):
        return None
    return value, toks[i][2], False, i


def casualties(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Count]:
    """Every killed and injured figure in text[start:end], in text order.

    A language without casualty data gives none. "Shot" and the like are kind "hit" (see
    `figures`), unless a kill word follows in the same phrase ("shot and killed", "shot dead").
    """
    w = _lang_words(lang)
    if w is None:
        return []
    stop = len(text) if end is None else end
    if not w.any_harm.search(text, start, stop):
        return []
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]
    out: list[Count] = []
    floor = 0
    for k, (tok, _, tok_end) in enumerate(toks):
        kind = _harm(tok, w)
        if (
            kind is None
            and tok.lower() in w.fatal
            and (k + 1 == len(toks) or _harm(toks[k + 1][0], w) != "hit")
        ):
            kind = "killed"  # "two were shot, one fatally"
        if kind is None:
            continue
        # "shot and killed", "shot dead": the kill word decides.
        if kind == "hit":
            ahead = [_harm(t[0], w) for t in toks[k + 1 : k + 3]]
            if "killed" in ahead:
                continue
            kind = "killed" if k > 0 and toks[k - 1][0].lower() in w.fatal else "hit"
        nxt = next((n for n in range(k + 1, len(toks)) if _harm(toks[n][0], w) is not None), len(toks))
        after = _count_after(toks, k, nxt, w)
        found = after[:3] if after is not None else _count_before(toks, k, floor, w)
        if found is not None:
            value, at, _vague = found
            lo, hi = min(at, toks[k][1]), max(at, tok_end)
            out.append(Count(kind, value, lo, hi))
        # A count is read once: the next harm word looks back no further than this one's.
        floor = after[3] + 1 if after is not None else k + 1
    return out


def figures(counts: list[Count]) -> tuple[int | None, int | None]:
    """(killed, injured) that `counts` (of one sentence or one event's sentences) support.

    Each kind takes its largest figure (reports grow; a vague count is no figure). People hit
    ("three were shot") who are not among the dead are injured: "three were shot" and "one
    died" give 1 killed and 2 injured, as casualty datasets count them.
    """

    def largest(kind: str) -> int | None:
        values = [c.value for c in counts if c.kind == kind and c.value is not None]
        return max(values) if values else None

    killed, injured, hit = largest("killed"), largest("injured"), largest("hit")
    if injured is None and hit is not None:
        injured = max(hit - (killed or 0), 0)
    return killed, injured


def suffers(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words from `start` (right after an actor) say the actor was harmed: an
    auxiliary first, then a harm word within the clause ("Tokajew wurde bei einem Angriff
    verletzt", "the leader was injured"). A harmed actor is the patient of the event, not its doer.
    """
    w = _lang_words(lang)
    if w is None:
        return False
    toks = [m.group() for m in _TOKEN.finditer(text, start, min(end, start + 120))]
    if not toks or toks[0].lower() not in w.aux:
        return False
    for tok in toks[1:10]:
        if tok.lower() in w.relative or tok in ",;:":
            return False  # "was the group that killed ...": the harm is someone else's
        if _harm(tok, w) is not None:
            return True
    return False
