"""Sentence-level event detection: triggers -> typed candidates with modality.

Rule-based on purpose: it runs on 12 languages without models, every decision can be traced to
a lexicon entry, and it is fast. The lexicons (lagebild/lang/<code>/triggers.py) hold the words;
this module holds the algorithm: which sentences may carry events at all (not boilerplate, not a
teaser of another article, not a caption, not a headline repeated in the body), which triggers
fire, which mode they get, and whether the sentence asserts, negates, promises or supposes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.events.lexicon import Lexicon, lexicon
from lagebild.model import normalise_text
from lagebild.nlp.sentences import Sentence, split_sentences

# Lexicon key of phrases that contain a trigger word without being a trigger ("riot police",
# "non-violent"): the longer match wins and is then ignored.
NOT_A_TRIGGER = "NONE"
# Clause boundaries limit the reach of modality cues: "Troops left, no clashes were seen".
_CLAUSE = re.compile(r"[,;:()\[\]–—]|\s-\s|[\"«»“”„]")
_HANDLE_LINE = re.compile(r"^[\s\-–—]*\S[^\n]{0,80}\(@\w+\)")
_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|www\.\S+")
_CREDIT_TAIL = re.compile(r"\s/\s[^/.!?]{1,60}$")
# Window (characters) before a trigger in which a future/hypothetical/negation cue applies.
_BEFORE = 80
_AFTER = 40
_HYPO_BEFORE = 45


@dataclass(frozen=True, slots=True)
class Candidate:
    """One trigger in one sentence, typed and with its modality. Offsets index the document."""

    type: str
    mode: str | None
    score: float  # trigger strength: 1 strong, 0.5 weak; + small bonus for a specific mode
    modality: str
    trigger_start: int
    trigger_end: int
    trigger: str
    sentence: Sentence
    lexical_mode: str | None = None  # the mode the trigger word itself names (not a hint)


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)].strip()


def _boilerplate_start(text: str, lex: list[Lexicon]) -> int:
    """Offset where site furniture begins ("Check Also", "Read more"): nothing after it counts."""
    markers = tuple(m for lx in lex for m in lx.boilerplate)
    if not markers:
        return len(text)
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip().lower().rstrip(":").strip()
        # The marker must be the whole line (or its start followed by ':'), so a sentence that
        # merely contains "read more" is not cut.
        if stripped and any(stripped == m or stripped.startswith(m + ":") for m in markers):
            return pos
        pos += len(line)
    return len(text)


def _skip_line(line: str, lex: list[Lexicon]) -> bool:
    low = line.lower()
    if any(low.startswith(m) for lx in lex for m in lx.skip_lines):
        return True
    if _HANDLE_LINE.match(line):
        return True
    # A short line without final punctuation that ends with "/ Source" is a caption with credit.
    if len(line) < 160 and not line.rstrip().endswith((".", "!", "?")) and _CREDIT_TAIL.search(line):
        return True
    # Lines that are mostly a URL carry no event.
    return len(_URL.sub("", line).strip()) < 3


def event_sentences(text: str, lang: str | None, title: str | None = None) -> list[Sentence]:
    """The sentences of `text` that may report events, in order.

    Skipped: everything after a boilerplate marker, caption/credit/social lines, and a first
    line that repeats the title or another line (headlines are often repeated in the body).
    """
    lex = [lx for lx in (lexicon(lang or "en"), lexicon("en")) if lx]
    stop = _boilerplate_start(text, lex)
    seen_lines: set[str] = set()
    if title:
        seen_lines.add(normalise_text(title).lower())
    out: list[Sentence] = []
    line_start, searched, current, keep = 0, 0, -1, False
    for s in split_sentences(text):
        if s.start >= stop:
            break
        # Line breaks are searched only since the previous sentence, and each line is judged
        # once for all its sentences: a text on one long line costs what one with many does.
        newline = text.rfind("\n", searched, s.start)
        if newline >= 0:
            line_start = newline + 1
        searched = s.start
        if line_start != current:
            current = line_start
            line = _line_of(text, line_start)
            keep = not _skip_line(line, lex)
            if keep:
                key = normalise_text(line).lower()
                # A headline repeated in the body: keep the later, fuller context only once.
                if key in seen_lines and not line.endswith((".", "!", "?", "“", '"', "»")):
                    keep = False
                elif not line.endswith((".", "!", "?")):
                    seen_lines.add(key)
        if keep:
            out.append(s)
    return out


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _CLAUSE.finditer(text, 0, start):
        lo = m.end()
    m = _CLAUSE.search(text, end)
    hi = m.start() if m else len(text)
    return lo, hi


def modality_of(sentence: str, start: int, end: int, lex: Lexicon) -> str:
    """asserted / negated / future / hypothetical for the trigger at sentence[start:end]."""
    lo, hi = _clause_bounds(sentence, start, end)
    before = sentence[max(lo, start - _BEFORE) : start]
    after = sentence[end : min(hi, end + _AFTER)]
    # Hypothetical cues may open the sentence even across a comma ("If troops cross, ...").
    head = sentence[:start]
    if lex.hypothetical.search(before) or (lo > 0 and lex.hypothetical.search(head[: lo + 1][:40])):
        return "hypothetical"
    if lex.negation.search(before) or lex.negation_after.search(after):
        return "negated"
    if lex.future.search(before) or lex.future.search(after[:25]):
        return "future"
    return "asserted"


# Modes that say *what* happened rather than *how*: a weapon named in the sentence ("the town
# was seized after air strikes") does not turn a seizure into an air strike.
_WHAT_MODES = frozenset(
    {"occupy", "retake", "abduct", "sexual", "destroy", "torture", "execute", "assassinate"}
)


def _refine_mode(type_: str, mode: str | None, sentence: str, lex: Lexicon, memo: dict) -> str | None:
    """The mode a trigger gets from strong cues (overrides) or, when it has none, from hints."""

    def present(table: str, new: str, matcher: object) -> bool:
        key = (table, type_, new)
        if key not in memo:
            memo[key] = matcher.search(sentence)  # type: ignore[attr-defined]
        return memo[key]

    for new, matcher in lex.mode_overrides.get(type_, ()):
        if new == mode or mode in _WHAT_MODES:
            break
        if present("o", new, matcher):
            return new
    if mode:
        return mode
    for new, matcher in lex.mode_hints.get(type_, ()):
        if present("h", new, matcher):
            return new
    return None


def detect_sentence(sentence: Sentence, lang: str) -> list[Candidate]:
    """Typed trigger candidates of one sentence (offsets into the document)."""
    lex = lexicon(lang)
    if lex is None:
        return []
    text = sentence.text
    out: list[Candidate] = []
    memo: dict = {}
    accident: bool | None = None
    for start, end, label, weight in lex.triggers.finditer(text):
        if label == NOT_A_TRIGGER:
            continue  # a phrase that contains a trigger word but is none ("riot police")
        type_, _, own_mode = label.partition("/")
        if type_ == "ASSAULT" and not own_mode:
            # "Five died in the flood": harm words name violence only when no accident is told.
            if accident is None:
                accident = bool(lex.accident and lex.accident.search(text))
            if accident:
                continue
        mode = _refine_mode(type_, own_mode or None, text, lex, memo)
        score = weight + (0.1 if mode else 0.0)
        out.append(
            Candidate(
                type=type_,
                mode=mode or None,
                score=score,
                modality=modality_of(text, start, end, lex),
                trigger_start=sentence.start + start,
                trigger_end=sentence.start + end,
                trigger=text[start:end],
                sentence=sentence,
                lexical_mode=own_mode or None,
            )
        )
    return out


def detect(text: str, lang: str | None, title: str | None = None) -> list[Candidate]:
    """All candidates of a document, in text order, from the sentences that may carry events."""
    code = lang if lang and lexicon(lang) else "en"
    out: list[Candidate] = []
    for s in event_sentences(text, code, title):
        out.extend(detect_sentence(s, code))
    return out
