"""Find actors in a document: lexicon hits, then composition into the actors a reader would name.

"kasachische Strafverfolgungsbehörden" is one actor (KZ police), not a demonym and a sector term;
"Verteidigungsminister der Russischen Föderation, Sergej Schoigu" is one person with a role and a
country. Composition works on the sequence of hits with a few patterns that hold across our
languages: a qualifier (demonym, country, IGO) right before a term or right after it (directly,
as Russian and Arabic genitives/adjectives do, or after a connector such as "of"/"der"/"de"); a
role title followed by a name, or a name followed by a comma and a role (apposition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lagebild.actors.display import romanise
from lagebild.actors.lexicon import Entry, Lexicon, Tenure, country_name, lexicon, persons, tenures
from lagebild.actors.names import given_names, name_particles, unknown_names
from lagebild.actors.tokens import Token, fold
from lagebild.model import Actor

_COMMA_GAP = re.compile(r"\s*,\s*")
_REGNAL_OR_INITIAL = re.compile(r"[A-ZА-ЯЁ]|[IVX]+")
_MAX_GAP = 2  # words allowed between a qualifier and its term ("Russian airborne troops")
_MAX_NAME = 4  # words of a name we do not know ("Kassym-Jomart Tokayev" is three)


@dataclass(slots=True)
class ActorMention:
    """One actor as mentioned: its span in the document, and who it resolves to."""

    start: int
    end: int
    text: str
    actor: Actor
    kind: str  # person | country | igo | group | sector | name (a name outside our lists)
    role: str | None = None  # e.g. "Secretary General", "President", "Minister of Defence"
    # The proper names inside the mention: (start, end, kind) with kind person | igo | group | country,
    # e.g. "Stanislav Zas" and "CSTO" in "CSTO Secretary General Stanislav Zas". For highlighting and NER.
    names: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Hit:
    first: int  # token index, inclusive
    last: int  # token index, inclusive
    entry: Entry
    used: bool = False


def _hits(lex: Lexicon, text: str, toks: list[Token]) -> list[_Hit]:
    """Longest non-overlapping lexicon matches over the document's stem string."""
    parts: list[str] = []
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    pos = 0
    for i, t in enumerate(toks):
        if i:
            sep = " " if t.joined else " | "
            parts.append(sep)
            pos += len(sep)
        starts[pos] = i
        parts.append(t.stem)
        pos += len(t.stem)
        ends[pos - 1] = i
    stems = "".join(parts)
    found: list[tuple[int, int, tuple[Entry, ...]]] = []
    for end, (ntok, keylen, entries) in lex.automaton.iter(stems):
        last = ends.get(end)
        first = starts.get(end - keylen + 1)
        if last is None or first is None or last - first + 1 != ntok:
            continue
        written = text[toks[first].start : toks[last].end]
        ok = [e for e in entries if _case_ok(lex, e, written)]
        if ok:
            found.append((first, last, tuple(ok)))
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    taken: set[int] = set()
    hits: list[_Hit] = []
    for first, last, entries in found:
        span = range(first, last + 1)
        if any(k in taken for k in span):
            continue
        taken.update(span)
        hits.append(_Hit(first, last, entries[0]))
    if lex.heads:
        hits += _compound_heads(lex, toks, taken)
    hits.sort(key=lambda h: h.first)
    return hits


def _case_ok(lex: Lexicon, entry: Entry, written: str) -> bool:
    if entry.case_sensitive:
        return written.isupper()
    if lex.cased and entry.capital and not written[:1].isupper():
        return False
    return True


def _compound_heads(lex: Lexicon, toks: list[Token], taken: set[int]) -> list[_Hit]:
    """German compounds end in the term that gives their sector: "Luftlandetruppen" -> troops."""
    out = []
    for i, t in enumerate(toks):
        if i in taken or len(t.stem) < 7:
            continue
        for cut in range(3, len(t.stem) - 3):
            entry = lex.heads.get(t.stem[cut:])
            if entry is not None:
                out.append(_Hit(i, i, entry))
                break
    return out


class _Doc:
    """The tokens and hits of one document, with the small queries composition needs."""

    def __init__(self, lex: Lexicon, text: str) -> None:
        self.lex = lex
        self.text = text
        self.toks = lex.tokens(text)
        self.hits = _hits(lex, text, self.toks)
        self.at: dict[int, _Hit] = {}
        for h in self.hits:
            for k in range(h.first, h.last + 1):
                self.at[k] = h

    def free_word(self, i: int) -> bool:
        """A token that is no hit and, in cased languages, lower case: may sit inside a phrase."""
        t = self.toks[i]
        return i not in self.at and (not self.lex.cased or t.text[:1].islower() or len(t.text) == 1)

    def qualifier_before(self, h: _Hit, reach: int = _MAX_GAP) -> _Hit | None:
        """A demonym, country or IGO right before a term: "Russian airborne troops", "Russia's army".

        Up to `reach` lower-case words (no function words) may stand between an adjective and
        its term; a country name must touch it ("Russia's" counts as touching).
        """
        i = h.first
        skipped: list[int] = []
        while len([k for k in skipped if len(self.toks[k].text) > 1]) <= reach:
            if i <= 0 or not self.toks[i].joined:
                return None
            q = self.at.get(i - 1)
            if q is not None:
                if q.used or q.entry.kind not in ("country", "demonym", "igo", "group"):
                    return None
                if q.entry.kind != "demonym" and any(len(self.toks[k].text) > 1 for k in skipped):
                    return None
                return q
            t = self.toks[i - 1]
            if not self.free_word(i - 1) or (len(t.text) > 1 and t.text.lower() in self.lex.stop_words):
                return None
            skipped.append(i - 1)
            i -= 1
        return None

    def qualifier_after(self, h: _Hit) -> _Hit | None:
        """A country or IGO after a term, directly (genitive) or after connectors ("of the", "der")."""
        n = len(self.toks)
        i = h.last + 1
        connectors = 0
        while i < n and self.toks[i].joined and i not in self.at and self.toks[i].stem in self.lex.connectors:
            i += 1
            connectors += 1
            if connectors > 2:
                return None
        if i >= n or not self.toks[i].joined:
            return None
        q = self.at.get(i)
        if q is not None and not q.used:
            if q.entry.kind in ("country", "igo", "group"):
                return q
            if q.entry.kind == "demonym" and self.lex.demonym_after and not connectors:
                return q
            return None
        # Languages whose adjectives follow the noun allow one word between: "forces spéciales russes".
        if self.lex.demonym_after and not connectors and q is None and self.free_word(i):
            if i + 1 < n and self.toks[i + 1].joined:
                q = self.at.get(i + 1)
                if q is not None and not q.used and q.entry.kind == "demonym":
                    return q
        return None

    def capitalised_name(self, i: int, step: int) -> tuple[int, int] | None:
        """Unknown name words from token i forward (step 1) or backward (step -1)."""
        if not self.lex.cased:
            return None
        k = i
        particles = name_particles(self.lex.lang) if step == 1 else frozenset()
        while 0 <= k < len(self.toks) and abs(k - i) < _MAX_NAME:
            t = self.toks[k]
            # "Botschafter Franz von Papen": a particle inside the name, before its last word.
            if (
                k > i
                and t.text in particles
                and k + 1 < len(self.toks)
                and self.toks[k + 1].joined
                and self.toks[k].joined
                and self.toks[k + 1].text[:1].isupper()
                and k + 1 not in self.at
            ):
                k += 1
                continue
            if k in self.at or not t.text[:1].isupper() or (t.text.isupper() and len(t.text) > 1):
                break
            if t.text.lower() in self.lex.stop_words:  # "Präsident Am Montag": no name
                break
            if k != i and not (self.toks[k].joined if step == 1 else self.toks[k + 1].joined):
                break
            k += step
        if k == i:
            return None
        first, last = (i, k - 1) if step == 1 else (k + 1, i)
        # Three capitalised words after a title where a genitive links it ("глава Роскосмоса
        # Анатолий Перминов"): the first names the organisation, the last two the person.
        if step == 1 and not self.lex.connectors:
            # Words, not tokens: "Касым-Жомарт" is one first name.
            starts = [k for k in range(first, last + 1) if k == first or "-" not in self.gap(k - 1, k)]
            if len(starts) >= 3:
                first = starts[-2]
        return first, last

    def gap(self, left: int, right: int) -> str:
        return self.text[self.toks[left].end : self.toks[right].start]

    def span(self, first: int, last: int) -> tuple[int, int, str]:
        s, e = self.toks[first].start, self.toks[last].end
        return s, e, self.text[s:e]


def _name(doc: _Doc, h: _Hit | None) -> list[tuple[int, int, str]]:
    if h is None or h.entry.kind not in ("person", "igo", "group", "country"):
        return []
    return [(doc.toks[h.first].start, doc.toks[h.last].end, h.entry.kind)]


def _tenure(person_id: str, date: str | None) -> Tenure | None:
    """The office a person held on `date` (the latest one when no date is given)."""
    offices = tenures().get(person_id, ())
    if date is None:
        current = [t for t in offices if not t.end]
        return (current or list(offices) or [None])[-1]
    day = date[:10]
    valid = [t for t in offices if t.start <= day and (not t.end or day < t.end)]
    return valid[-1] if valid else None


def _qualify(q: _Hit | None) -> tuple[str | None, str | None, str | None]:
    """Country, IGO and sector a qualifier lends: a group ("Hamas fighters") lends all it has."""
    if q is None:
        return None, None, None
    q.used = True
    if q.entry.kind == "igo":
        return None, q.entry.value, None
    if q.entry.kind == "group":
        return q.entry.country, None, q.entry.sector
    return q.entry.value, None, None


def _person_actor(name: str, pid: str, date: str | None) -> tuple[Actor, str | None]:
    p = persons()[pid]
    t = _tenure(pid, date)
    if t is None:
        return Actor(name, p.canonical, p.country, None, None), None
    # An IGO official acts for the organisation, not for the country of their passport.
    country = t.country if t.igo else (t.country or p.country)
    return Actor(name, p.canonical, country, t.igo, t.sector), t.role


def find_actors(
    text: str, lang: str, date: str | None = None, *, natasha: bool = False
) -> list[ActorMention]:
    """All actors of a document, sorted by offset and non-overlapping.

    `date` (ISO, the document's date) picks who held an office: "the defence minister Shoigu"
    resolves differently in 2020 and in 2025. `natasha=True` adds, for Russian, the persons and
    organisations natasha's NER finds outside our lists (slow: see lagebild.actors.natasha_ner).
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if date is not None and not re.match(r"\d{4}-\d{2}-\d{2}", date):
        raise ValueError(f"date must be ISO (YYYY-MM-DD...), got {date!r}")
    doc = _Doc(lexicon(lang), text)
    out: list[ActorMention] = []
    # Titles and terms in text order: an adjective that follows its noun ("tropas rusas") is
    # bound to that noun before the next title ("rusas y el presidente") can claim it.
    for h in doc.hits:
        if h.used:
            continue
        if h.entry.kind == "role":
            m = _role(doc, h, date)
            if m:
                out.append(m)
        elif h.entry.kind == "sector":
            out.append(_sector(doc, h))
    for h in doc.hits:
        if h.used:
            continue
        m = _plain(doc, h, date)
        if m:
            out.append(m)
    # natasha, where asked, names what our lists miss before our name shapes do: a trained
    # tagger is surer of a Russian name's span than capitalisation and pymorphy3 are.
    if natasha and lang == "ru":
        out += _natasha_mentions(text, out)
    out += _unknown_mentions(doc, out)
    out.sort(key=lambda m: m.start)
    return out


def _unknown_mentions(doc: _Doc, found: list[ActorMention]) -> list[ActorMention]:
    """Persons and organisations outside our lists (lagebild.actors.names), as kind "name":
    shown and counted as names, but resolved to no country or sector."""
    starts = {t.start: i for i, t in enumerate(doc.toks)}
    taken = set(doc.at)
    for m in found:
        i = starts.get(m.start)
        while i is not None and i < len(doc.toks) and doc.toks[i].start < m.end:
            taken.add(i)
            i += 1
    out = []
    for first, last, kind in unknown_names(doc.lex, doc.text, doc.toks, taken):
        start, end, written = doc.span(first, last)
        # A name that ends in an initial or a regnal number ends with its full stop: "Nico G.",
        # "Elisabeth II.".
        tail = written.split()[-1]
        if (
            kind == "person"
            and doc.text[end : end + 1] == "."
            and first < last
            and _REGNAL_OR_INITIAL.fullmatch(tail)
        ):
            end += 1
            written = doc.text[start:end]
        canonical = romanise(written, doc.lex.lang)  # the name in Latin letters, for display
        out.append(
            ActorMention(start, end, written, Actor(written, canonical), "name", None, [(start, end, kind)])
        )
    return out


def _natasha_mentions(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """natasha's persons and organisations that overlap nothing we found ourselves."""
    from lagebild.actors.natasha_ner import natasha_spans

    taken = [(m.start, m.end) for m in found]
    out = []
    for start, end, typ in natasha_spans(text):
        if typ == "LOC" or any(s < end and start < e for s, e in taken):
            continue
        written = text[start:end]
        kind = "person" if typ == "PER" else "group"
        actor = Actor(written, romanise(written, "ru"))
        out.append(ActorMention(start, end, written, actor, kind, None, [(start, end, kind)]))
    return out


def _role(doc: _Doc, h: _Hit, date: str | None) -> ActorMention | None:
    h.used = True
    first, last = h.first, h.last
    q = doc.qualifier_before(h, reach=0)
    if q is not None:
        first = q.first
    else:
        q = doc.qualifier_after(h)
        if q is not None:
            last = q.last
    country, igo, lent = _qualify(q)
    role, sector = h.entry.value, lent or h.entry.sector
    # "former president", "Ex-Präsident", "бывший министр", "الرئيس السابق": no office now.
    former = False
    if first > 0 and doc.toks[first].joined and doc.toks[first - 1].stem in doc.lex.former:
        first, former = first - 1, True
    elif last + 1 < len(doc.toks) and doc.toks[last + 1].joined and doc.toks[last + 1].stem in doc.lex.former:
        last, former = last + 1, True
    if former:
        role, sector = f"Former {role}", "ELI"
    # A name after the title (and its qualifier), possibly after a comma: "Präsident Tokajew".
    nxt = last + 1
    name: tuple[int, int] | None = None
    pid = None
    if nxt < len(doc.toks) and (doc.toks[nxt].joined or _COMMA_GAP.fullmatch(doc.gap(last, nxt))):
        p = doc.at.get(nxt)
        if p is not None and p.entry.kind == "person" and not p.used:
            p.used = True
            name, pid = (p.first, p.last), p.entry.value
        elif p is None:
            name = doc.capitalised_name(nxt, 1)
            # "President Bashar Assad": a first name we do not list before a surname we do.
            after = doc.at.get(name[1] + 1) if name is not None and name[1] + 1 < len(doc.toks) else None
            if (
                after is not None
                and after.entry.kind == "person"
                and not after.used
                and doc.toks[after.first].joined
            ):
                after.used = True
                name, pid = (name[0], after.last), after.entry.value
    if name is None and first > 0 and _COMMA_GAP.fullmatch(doc.gap(first - 1, first)):
        # Apposition: "Sergei Shoigu, Russia's defence minister".
        p = doc.at.get(first - 1)
        if p is not None and p.entry.kind == "person" and not p.used:
            p.used = True
            name, pid = (p.first, p.last), p.entry.value
        elif p is None:
            name = doc.capitalised_name(first - 1, -1)
    if name is None and country is None and igo is None:
        return None  # a bare title ("the general", "in general") names nobody we can resolve
    names = _name(doc, q)
    if name is not None:
        first, last = min(first, name[0]), max(last, name[1])
        names.append((doc.toks[name[0]].start, doc.toks[name[1]].end, "person"))
    start, end, written = doc.span(first, last)
    canonical = None
    if pid is not None:
        known, office = _person_actor(written, pid, date)
        canonical = known.canonical
        country = country or known.country
        igo = igo or known.igo
        if office is not None and date is not None and not former:
            # On a known date our list of offices is the better evidence: the Spanish
            # "canciller" is a foreign minister, but "la canciller Merkel" was chancellor.
            role, sector, country, igo = office, known.sector, known.country, known.igo
    elif name is not None:
        canonical = romanise(doc.span(*name)[2], doc.lex.lang) or doc.span(*name)[2]
    actor = Actor(written, canonical, country, igo, sector)
    return ActorMention(start, end, written, actor, "person", role, sorted(names))


def _sector(doc: _Doc, h: _Hit) -> ActorMention:
    h.used = True
    first, last = h.first, h.last
    q = doc.qualifier_before(h)
    if q is not None:
        first = q.first
    else:
        q = doc.qualifier_after(h)
        if q is not None:
            last = q.last
    country, igo, lent = _qualify(q)
    start, end, written = doc.span(first, last)
    actor = Actor(written, h.entry.canonical, country, igo, lent or h.entry.sector)
    return ActorMention(start, end, written, actor, "sector", None, _name(doc, q))


def _plain(doc: _Doc, h: _Hit, date: str | None) -> ActorMention | None:
    h.used = True
    start, end, written = doc.span(h.first, h.last)
    e = h.entry
    if e.kind == "person":
        # Extend over first names of this person that the alias we matched leaves out.
        first = h.first
        given = doc.lex.given.get(e.value, frozenset())
        while (
            first > 0
            and doc.toks[first].joined
            and first - 1 not in doc.at
            and doc.toks[first - 1].stem in given
        ):
            first -= 1
        # An initial before the surname is the person's too: "А. Кудрин", "J. Biden".
        if first > 0 and first - 1 not in doc.at and doc.gap(first - 1, first) in (". ", "."):
            initial = doc.toks[first - 1].text
            if len(initial) == 1 and initial.isupper():
                first -= 1
        start, end, written = doc.span(first, h.last)
    names = [(start, end, e.kind)]
    if e.kind == "person":
        actor, role = _person_actor(written, e.value, date)
        return ActorMention(start, end, written, actor, "person", role, names)
    if e.kind == "group":
        if (
            h.first == h.last
            and h.first > 0
            and doc.toks[h.first].joined
            and doc.toks[h.first - 1].text in given_names()
        ):
            # "Wolfgang Wagner" is a person, not the Wagner group: a one-word group name after a
            # given name is a surname; freed for lagebild.actors.names.
            for k in range(h.first, h.last + 1):
                doc.at.pop(k, None)
            return None
        actor = Actor(written, e.canonical, e.country, None, e.sector)
        return ActorMention(start, end, written, actor, "group", None, names)
    if e.kind == "igo":
        return ActorMention(
            start, end, written, Actor(written, e.canonical, None, e.value, None), "igo", None, names
        )
    if e.kind == "country":
        actor = Actor(written, country_name(e.value), e.value, None, None)
        return ActorMention(start, end, written, actor, "country", None, names)
    if e.kind == "demonym" and doc.lex.cased and written[:1].isupper():
        if doc.lex.adjectives_lower:
            # A capitalised demonym where adjectives are lower case is a people noun ("die Russen"),
            # unless the capital is only the sentence's.
            people = h.first > 0 and not _sentence_start(doc, h.first)
        else:
            # Where adjectives are capitalised too, only the inflected noun is one ("Russians").
            last = doc.toks[h.last]
            people = last.stem != fold(last.text)
        if people:
            actor = Actor(written, country_name(e.value), e.value, None, None)
            return ActorMention(start, end, written, actor, "country")
    return None


def _sentence_start(doc: _Doc, i: int) -> bool:
    return any(c in doc.gap(i - 1, i) for c in ".!?\n:")


def demonym_countries(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Every demonym and country name in `text` as (start, end, ISO2): context for other stages."""
    doc = _Doc(lexicon(lang), text)
    return [
        (*doc.span(h.first, h.last)[:2], h.entry.value)
        for h in doc.hits
        if h.entry.kind in ("country", "demonym")
    ]
