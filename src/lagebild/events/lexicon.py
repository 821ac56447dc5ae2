"""Compile a language's trigger module (lagebild/lang/<code>/triggers.py) into fast matchers.

A trigger module holds plain data; this module turns it into regular expressions. Pattern syntax,
one string per pattern, case-insensitive:

- words separated by spaces match words separated by whitespace or hyphens;
- `word*` matches any word that starts with `word` (stems: `withdr*` finds withdrew, withdrawal);
- `*word` matches any word that ends with `word` (German compounds: `*abzug` finds Truppenabzug);
- `_` matches a gap of up to three words ("open* _ fire" finds "opened heavy fire");
- a leading `~` marks a weak, ambiguous trigger (half weight: it needs support to count).

Module attributes (all optional):

- TRIGGERS: {"TYPE" or "TYPE/mode": (pattern, ...)}; the key "NONE" lists phrases that contain
  a trigger word but are none ("riot police", "non-violent"): being longer, they win and are dropped
- MODE_HINTS: {"TYPE/mode": (pattern, ...)}: words that refine a mode-less trigger of TYPE
  found in the same sentence ("attack" + "drone" -> ASSAULT/aerial); first listed wins.
- MODE_OVERRIDES: like MODE_HINTS, but strong enough to replace any mode of TYPE in the sentence
  ("missiles fired by warplanes" is an air strike, not shelling).
- NEGATION, FUTURE, HYPOTHETICAL: cue patterns for modality
- NEGATION_AFTER: cues that negate a trigger they follow within the clause (German "nicht")
- REPORTING: reporting verbs ("said"): the speaker is not the actor
- REFERENCE: words after which a named happening is the object of what the sentence tells, not
  its report: characterising ("called the uprising treason", "described the protesters as"),
  ending ("an agreement to end the fighting", "a halt to the shelling"), answering ("in
  response to the bombing"), remembering ("the anniversary of the massacre")
- BOILERPLATE: line starts after which the rest of the text is site furniture or a teaser
- SKIP_LINES: line starts of captions, credits and bylines
- NOT_LOCATION: cues before a place name that make it not the event's location (origin,
  past experience, comparison)
- ORIGIN: prepositions of origin ("aus Moskau"): not the location, except where the event is
  a departure (RETREAT: "Abzug aus Kasachstan")
- AGENT_MARKERS: words that introduce the agent of a passive ("arrested by police")
- ACCIDENT: accident and disaster words: beside them, generic harm words ("killed", "injured")
  are no ASSAULT
- PASSIVE: passive auxiliaries right before a trigger ("were killed"): the subject is acted upon
- OF_MARKERS: words that attach an actor to a nominal trigger ("withdrawal of CSTO troops")
- WORD_PREFIX: regex of clitics a word may carry (Arabic "و", "ال", ...)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from lagebild.lang import load


def _token_regex(token: str) -> str:
    if token == "_":
        return r"(?:\S+[\s\-]+){0,3}?"
    lead = token.startswith("*")
    trail = token.endswith("*")
    core = re.escape(token.strip("*"))
    return (r"\w*" if lead else "") + core + (r"\w*" if trail else "")


def pattern_regex(pattern: str, word_prefix: str = "") -> tuple[str, float]:
    """Regex source and weight of one lexicon pattern."""
    weight = 1.0
    p = pattern.strip()
    if p.startswith("~"):
        weight, p = 0.5, p[1:].strip()
    tokens = p.split()
    if not tokens:
        raise ValueError("empty trigger pattern")
    parts: list[str] = []
    for i, tok in enumerate(tokens):
        rx = _token_regex(tok)
        if tok == "_":
            parts.append(rx)
            continue
        parts.append(rx)
        if i < len(tokens) - 1 and tokens[i + 1] != "_":
            parts.append(r"[\s\-]+")
        elif i < len(tokens) - 1:
            parts.append(r"[\s\-]+")
    body = "".join(parts)
    prefix = f"(?:{word_prefix})?" if word_prefix else ""
    end = "" if tokens[-1].endswith(("'", "’")) else r"(?!\w)"
    return rf"(?<!\w){prefix}{body}{end}", weight


_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Matcher:
    """Many patterns, indexed by their first word; each match says which pattern it came from.

    One big alternation regex is slow in Python (every position tries every branch), so a
    sentence's words are looked up in the index and only the few patterns that can start at a
    word are verified with their own regex.
    """

    patterns: list[tuple[re.Pattern[str], str, float, int]]  # (regex, label, weight, priority)
    exact: dict[str, list[int]]
    prefix: dict[str, list[int]]
    suffix: dict[str, list[int]]
    infix: list[int]
    prefix_lengths: tuple[int, ...]
    suffix_lengths: tuple[int, ...]
    word_prefix: re.Pattern[str] | None = None
    memo: dict[str, tuple[int, ...]] = field(default_factory=dict)  # word -> candidate patterns

    def _candidates(self, word: str) -> tuple[int, ...]:
        hit = self.memo.get(word)
        if hit is None:
            if len(self.memo) > 200_000:  # bounded: news vocabulary is large but repetitive
                self.memo.clear()
            hit = self.memo[word] = tuple(self._lookup(word))
        return hit

    def _lookup(self, word: str) -> set[int]:
        out: set[int] = set()
        forms = [word]
        if self.word_prefix is not None:
            m = self.word_prefix.match(word)
            if m and m.end() and m.end() < len(word):
                forms.append(word[m.end() :])
        for w in forms:
            out.update(self.exact.get(w, ()))
            for n in self.prefix_lengths:
                if n <= len(w):
                    out.update(self.prefix.get(w[:n], ()))
            for n in self.suffix_lengths:
                if n <= len(w):
                    out.update(self.suffix.get(w[-n:], ()))
        out.update(self.infix)
        return out

    def finditer(self, text: str) -> list[tuple[int, int, str, float]]:
        """Non-overlapping matches, left to right; at one position the longer pattern wins."""
        if not self.patterns:
            return []
        found: list[tuple[int, int, int, int]] = []  # start, end, -priority, index
        for w in _WORD.finditer(text):
            for i in self._candidates(w.group(0).lower()):
                rx, _, _, prio = self.patterns[i]
                m = rx.match(text, w.start())
                if m and m.end() > m.start():
                    found.append((m.start(), m.end(), -prio, i))
        found.sort(key=lambda f: (f[0], f[2], -f[1]))
        out = []
        pos = -1
        for start, end, _, i in found:
            if start < pos:
                continue
            _, label, weight, _ = self.patterns[i]
            out.append((start, end, label, weight))
            pos = end
        return out

    def search(self, text: str) -> bool:
        """Whether any pattern matches anywhere in `text` (stops at the first)."""
        if not self.patterns:
            return False
        for w in _WORD.finditer(text):
            for i in self._candidates(w.group(0).lower()):
                m = self.patterns[i][0].match(text, w.start())
                if m and m.end() > m.start():
                    return True
        return False


def build_matcher(entries: list[tuple[str, str]], word_prefix: str = "") -> Matcher:
    """Matcher over (label, pattern) pairs."""
    patterns: list[tuple[re.Pattern[str], str, float, int]] = []
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    suffix: dict[str, list[int]] = {}
    infix: list[int] = []
    for label, pattern in entries:
        rx, weight = pattern_regex(pattern, word_prefix)
        i = len(patterns)
        patterns.append((re.compile(rx, re.IGNORECASE), label, weight, len(pattern.replace("*", ""))))
        first = pattern.lstrip("~").split()[0].lower()
        lead, trail, core = first.startswith("*"), first.endswith("*"), first.strip("*")
        head = _WORD.match(core)
        if head and head.end() < len(core):
            # "n'", "d'après": index by the word before the apostrophe; the regex checks the rest.
            core, trail = head.group(0), True
        if lead and trail:
            infix.append(i)
        elif lead:
            suffix.setdefault(core, []).append(i)
        elif trail:
            prefix.setdefault(core, []).append(i)
        else:
            exact.setdefault(core, []).append(i)
    return Matcher(
        patterns,
        exact,
        prefix,
        suffix,
        infix,
        tuple(sorted({len(k) for k in prefix})),
        tuple(sorted({len(k) for k in suffix})),
        re.compile(word_prefix) if word_prefix else None,
    )


@dataclass(slots=True)
class Lexicon:
    lang: str
    triggers: Matcher
    mode_hints: dict[str, list[tuple[str, Matcher]]]  # type -> [(mode, matcher)] in priority order
    mode_overrides: dict[str, list[tuple[str, Matcher]]]
    negation: Matcher
    negation_after: Matcher
    future: Matcher
    hypothetical: Matcher
    reporting: Matcher
    boilerplate: tuple[str, ...] = ()
    skip_lines: tuple[str, ...] = ()
    not_location: Matcher = field(default_factory=lambda: build_matcher([]))
    agent: Matcher | None = None
    origin: Matcher | None = None
    of: Matcher | None = None
    passive: Matcher | None = None
    accident: Matcher | None = None
    reference: Matcher | None = None


def _cues(mod: object, name: str, prefix: str) -> Matcher:
    return build_matcher([(name, p) for p in getattr(mod, name, ())], prefix)


def _mode_table(table: dict[str, tuple[str, ...]], prefix: str) -> dict[str, list[tuple[str, Matcher]]]:
    out: dict[str, list[tuple[str, Matcher]]] = {}
    for key, patterns in table.items():
        type_, _, mode = key.partition("/")
        out.setdefault(type_, []).append((mode, build_matcher([(key, p) for p in patterns], prefix)))
    return out


@cache
def lexicon(lang: str) -> Lexicon | None:
    """The compiled lexicon of `lang`, or None when the language has no trigger module."""
    mod = load(lang, "triggers")
    if mod is None:
        return None
    prefix = getattr(mod, "WORD_PREFIX", "")
    entries = [(key, p) for key, patterns in getattr(mod, "TRIGGERS", {}).items() for p in patterns]
    hints = _mode_table(getattr(mod, "MODE_HINTS", {}), prefix)
    overrides = _mode_table(getattr(mod, "MODE_OVERRIDES", {}), prefix)
    return Lexicon(
        lang=lang,
        triggers=build_matcher(entries, prefix),
        mode_hints=hints,
        mode_overrides=overrides,
        negation=_cues(mod, "NEGATION", prefix),
        negation_after=_cues(mod, "NEGATION_AFTER", prefix),
        future=_cues(mod, "FUTURE", prefix),
        hypothetical=_cues(mod, "HYPOTHETICAL", prefix),
        reporting=_cues(mod, "REPORTING", prefix),
        boilerplate=tuple(s.lower() for s in getattr(mod, "BOILERPLATE", ())),
        skip_lines=tuple(s.lower() for s in getattr(mod, "SKIP_LINES", ())),
        not_location=_cues(mod, "NOT_LOCATION", prefix),
        agent=_cues(mod, "AGENT_MARKERS", prefix),
        origin=_cues(mod, "ORIGIN", prefix),
        of=_cues(mod, "OF_MARKERS", prefix),
        passive=_cues(mod, "PASSIVE", prefix),
        accident=_cues(mod, "ACCIDENT", prefix),
        reference=_cues(mod, "REFERENCE", prefix),
    )
