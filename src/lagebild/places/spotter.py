"""Toponym recognition: find the character spans of place names in a text.

Word n-grams (up to the longest name in the gazetteer) are looked up by hash in one
vectorised search. Around that sit the rules that tell a place from a word or a person:
capitalisation (in cased scripts), stop words and common words, a sentence-initial word
that the text also uses in lower case, and a name glued to a preceding capitalised word
("Hillary Clinton"). Inflected forms are tried through the language's suffix rules
("Kasachstans", "в Казахстане") and clitic prefixes ("بالقاهرة"). Longest match wins.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np

from lagebild.actors.names import given_names, surnames
from lagebild.places.gazetteer import WATER_FEATURES, Gazetteer, key_hash
from lagebild.places.langdata import LangHints, hints
from lagebild.places.normalise import TOKEN, fold, name_key

# What may stand between two words of one name: a space, a hyphen, an apostrophe, the dot
# of an abbreviation ("St. Louis", "U.S.").
_JOINER = re.compile(r"^(?:[ \u00a0]|[-‐'’.]|\. |[-‐] ?)$")
_SENTENCE_BREAK = re.compile(r"[.!?:;»«\"“”\n][\s\"'“”‘’«»(\[]*")
_AREAL_FEATURES = frozenset({"PCLI", "RGN", "CONT"}) | WATER_FEATURES
BIG_PLACE = 100_000  # people: a place this big is meant even inside a longer name
MAX_ROWS = 50
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F]+$")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    cap: bool  # starts with an upper-case letter
    initial: bool  # first word of a sentence or line


@dataclass(slots=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    rows: np.ndarray
    variant: int  # 0 exact, >0 through a suffix/prefix rule
    dotted: bool = False  # an abbreviation whose final dot belongs to the name ("U.S.", "Ky.")
    abbreviation: bool = False  # a known region abbreviation ("Calif"): a dot after it is its own
    demonym: bool = False  # "Russian": stands for its country
    listed: bool = False  # one of "Barrow and Jackson counties": the region noun is written


def guess_lang(text: str) -> str | None:
    """Script-level guess when the caller gave no language: enough to pick case and morphology."""
    sample = text[:2000]
    if len(_ARABIC.findall(sample)) > len(sample) // 4:
        return "ar"
    if len(_CYRILLIC.findall(sample)) > len(sample) // 4:
        return "ru"
    return None


def tokenize(text: str, h: LangHints | None = None) -> list[Token]:
    """Word tokens with their case and whether they open a sentence ("Gov. Brown" does not)."""
    openers = {m.end() for m in _SENTENCE_BREAK.finditer(text)}
    toks: list[Token] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        initial = not toks or m.start() in openers
        if initial and toks and h is not None and toks[-1].key in h.honorifics:
            initial = False
        toks.append(Token(m.start(), m.end(), word, fold(word), word[:1].isupper(), initial))
    return toks


def _joined(text: str, a: Token, b: Token) -> bool:
    return bool(_JOINER.match(text[a.end : b.start]))


def _variant_keys(words: list[str], h: LangHints, hyphenated: bool = False) -> list[str]:
    """Keys to try for the words of one n-gram: as written, then through morphology rules.

    `hyphenated`: the first two words are joined by a hyphen, as in "Ростове-на-Дону", where
    the first word declines and the rest stays."""
    out = [" ".join(words)]
    last = words[-1]
    head = words[:-1]
    for ending, repl in h.suffixes:
        if last.endswith(ending) and len(last) - len(ending) >= 2:
            out.append(" ".join([*head, last[: len(last) - len(ending)] + repl]))
    if hyphenated and len(words) > 2:
        first = words[0]
        for ending, repl in h.suffixes:
            if first.endswith(ending) and len(first) - len(ending) >= 2:
                out.append(" ".join([first[: len(first) - len(ending)] + repl, *words[1:]]))
    if h.adjective_suffixes and len(words) > 1:
        # "в Нагорном Карабахе": the adjective in front declines too.
        lasts = [k.split(" ")[-1] for k in out]
        for ending, repl in h.adjective_suffixes:
            first = words[0]
            if first.endswith(ending) and len(first) - len(ending) >= 2:
                adj = first[: len(first) - len(ending)] + repl
                out += [" ".join([adj, *words[1:-1], last]) for last in lasts]
    if h.prefixes:
        first = words[0]
        for p in h.prefixes:
            if first.startswith(p) and len(first) - len(p) >= 3:
                rest = first[len(p) :]
                out.append(" ".join([rest, *words[1:]]))
                if rest.startswith("ل"):  # "لل" = ل + ال
                    out.append(" ".join(["ا" + rest, *words[1:]]))
    return out


def find_matches(text: str, toks: list[Token], gaz: Gazetteer, h: LangHints) -> list[Match]:
    """All gazetteer names among the n-grams that may start a name, before any filtering."""
    grams: list[tuple[int, int, int]] = []
    hashes: list[int] = []
    n_tok = len(toks)
    for i, t in enumerate(toks):
        if h.cased and not t.cap:
            continue
        if t.key.isdigit():
            continue
        words: list[str] = []
        for j in range(i, min(i + gaz.max_tokens, n_tok)):
            if j > i and not _joined(text, toks[j - 1], toks[j]):
                break
            words.append(toks[j].key)
            # In cased scripts a name ends on a capitalised word ("Bosnia and Herzegovina").
            if h.cased and not toks[j].cap:
                continue
            hyphen = j > i + 1 and text[t.end : toks[i + 1].start] in ("-", "‐")
            for v, key in enumerate(_variant_keys(words, h, hyphen)):
                grams.append((i, j + 1, v))
                hashes.append(key_hash(key))
    found = gaz.rows_for_hashes(np.asarray(hashes, dtype=np.uint64))
    best: dict[tuple[int, int], Match] = {}
    for (i, j, v), rows in zip(grams, found, strict=True):
        if rows is None:
            continue
        m = best.get((i, j))
        if m is None or v < m.variant:
            best[(i, j)] = Match(i, j, rows, v)
    return list(best.values())


def longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest (in words) first, then leftmost."""
    taken: list[Match] = []
    used: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.variant, m.start)):
        span = range(m.start, m.end)
        if any(k in used for k in span):
            continue
        used.update(span)
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)


def _capital_runs(text: str, toks: list[Token], h: LangHints) -> list[int]:
    """For each token, the id of the run of capitalised words it belongs to (-1 if none).

    A run is capitalised words joined by single spaces, not crossing a sentence start and not
    counting stop words that open it ("The", "In").
    """
    run_of = [-1] * len(toks)
    run = -1
    for i, t in enumerate(toks):
        if not t.cap or (t.key in h.stop_words and t.key not in h.honorifics):
            continue
        if any(c.isdigit() for c in t.text):
            continue  # a road or a code ("A429 Cirencester junction", "I-75"), not a word of a name
        gap = text[toks[i - 1].end : t.start] if i else ""
        # A middle initial does not end a name ("Roy A. Nelson", "Ashley L. Evans").
        joined = gap == " " or (gap == ". " and len(toks[i - 1].text) == 1 and toks[i - 1].cap)
        if i and run_of[i - 1] >= 0 and joined and (not t.initial or gap == ". "):
            run_of[i] = run_of[i - 1]
        else:
            run += 1
            run_of[i] = run
    return run_of


def keep(m: Match, toks: list[Token], h: LangHints, lower_words: set[str]) -> bool:
    """The case and common-word rules that decide whether a matched name is a place here."""
    first = toks[m.start]
    key = first.key
    if m.end - m.start == 1:
        if common_noun(key, h) or key in h.honorifics:
            return False
        if len(key) < 3 and not first.text.isupper():
            return False
        if h.cased:
            if first.initial and key in h.common_words:
                return False  # "Reading the report..."
            if key in lower_words and not (m.start and toks[m.start - 1].key in h.prepositions):
                return False  # a word this text also writes in lower case: "City Council", "the city"
            if first.text.isupper() and len(first.text) > 1 and not (first.initial and len(first.text) > 3):
                return False  # an acronym ("NATO"), not a dateline ("KABUL, Afghanistan")
    return True


def _after_street_words(text: str, toks: list[Token], m: Match, h: LangHints) -> bool:
    """Whether the name follows words that only a street follows ("the 9500 block of Page",
    "the 1900 block of Dover"): it names a street, not the town of that name."""
    before = " ".join(
        fold(w) for w in re.findall(r"\w+", text[max(0, toks[m.start].start - 20) : toks[m.start].start])[-2:]
    )
    return before in h.street_before


def common_noun(key: str, h: LangHints) -> bool:
    """Whether a word is one of the language's common words, also with a clitic written onto it
    ("بالعاصمة", "والمدينة"): such a word is no place name on its own."""
    return key in h.common


def part_of_longer_name(
    m: Match, toks: list[Token], run_of: list[int], place_toks: set[int], h: LangHints
) -> bool:
    """Whether a match is only a piece of a longer capitalised name: "Hillary Clinton",
    "Mr Lincoln": a capitalised word before it that is not a place. (Words after it prove nothing:
    "Jackson Police Department" speaks of Jackson.)"""
    run = run_of[m.start]
    if run < 0:
        return False
    k = m.start - 1
    while k >= 0 and run_of[k] == run:
        t = toks[k]
        if k not in place_toks and t.key not in h.not_places and (t.key in h.honorifics or not t.initial):
            return True
        k -= 1
    return False


def first_name_of(m: Match, toks: list[Token], run_of: list[int], place_toks: set[int], h: LangHints) -> bool:
    """Whether a one-word match opens a longer capitalised name ("David Smith", "Washington Post"),
    other than a place with a title ("Jackson Police", "Texas Governor")."""
    if m.end - m.start != 1 or m.end >= len(toks) or run_of[m.start] < 0:
        return False
    k = m.end
    return run_of[k] == run_of[m.start] and k not in place_toks and toks[k].key not in h.place_titles


def _areal_or_big(m: Match, gaz: Gazetteer) -> bool:
    return any(
        gaz.feature[r] in _AREAL_FEATURES
        or (
            gaz.feature[r][:3] in ("PPL", "ADM")
            and gaz.feature[r] != "ADM2"
            and gaz.population[r] >= BIG_PLACE
        )
        for r in m.rows[:MAX_ROWS].tolist()
    )


def _names_a_person(t: Token, lang: str | None) -> bool:
    """Whether a capitalised word after a given name makes it a person's name: a surname, or a
    word the language's lexicon does not know ("Vladimir Putin", "Victoria Rowell"). A known
    word makes an organisation or a thing of the place ("Texas Southern University", "Paris
    Public Library"): the name list holds "Texas" and "Paris" as given names too."""
    if t.text in surnames() or not lang or not _LATIN.match(t.text):
        return True  # simplemma's Cyrillic lexicons list surnames as words ("Путин")
    import simplemma

    try:
        return not simplemma.is_known(t.key, lang=lang)
    except ValueError:  # a language simplemma has no lexicon for
        return True


def _is_areal_acronym(m: Match, toks: list[Token], gaz: Gazetteer, h: LangHints) -> bool:
    """ "US", "UK", "UAE": all-caps names kept when they name a country or a first-level region,
    unless the word is a common word of the language in capitals (the French union "SUD")."""
    t = toks[m.start]
    return (
        m.end - m.start <= 2
        and t.text.isupper()
        and not (m.end - m.start == 1 and t.key in h.not_places)  # not stop words: "US" is "us"
        and any(gaz.feature[r] in ("PCLI", "ADM1", "RGN") for r in m.rows[:20].tolist())
    )


def _key(m: Match, toks: list[Token]) -> str:
    return " ".join(t.key for t in toks[m.start : m.end])


def char_span(text: str, toks: list[Token], m: Match) -> tuple[int, int]:
    """Character span of a match; an abbreviation keeps its final dot ("U.S.", "Ky.")."""
    start, end = toks[m.start].start, toks[m.end - 1].end
    if end < len(text) and text[end] == "." and (m.dotted or "." in text[start:end] or m.abbreviation):
        end += 1
    return start, end


def region_abbreviations(
    text: str, toks: list[Token], kept: list[Match], gaz: Gazetteer, h: LangHints
) -> list[Match]:
    """ "Louisville, Ky.", "Dallas, TX": a region abbreviation right after a place and a comma."""
    out: list[Match] = []
    taken = {k for m in kept for k in range(m.start, m.end)}
    for m in kept:
        i = m.end
        if i >= len(toks) or i in taken or text[toks[i - 1].end : toks[i].start] not in (", ", ","):
            continue
        for n in (2, 1):
            words = toks[i : i + n]
            if len(words) < n or any(not t.cap for t in words):
                continue
            if n == 2 and text[words[0].end : words[1].start] not in (".", ". "):
                continue
            code = h.region_abbreviations.get(" ".join(t.key for t in words))
            dotted = text[words[-1].end : words[-1].end + 1] == "."
            if code and code in gaz.admin_rows and (dotted or words[-1].text.isupper()):
                row = np.asarray([gaz.admin_rows[code]], dtype=np.int32)
                out.append(Match(i, i + n, row, 0, dotted))
                break
    return out


def dotted_regions(
    text: str, toks: list[Token], kept: list[Match], gaz: Gazetteer, h: LangHints
) -> list[Match]:
    """ "in S.C. today", "the N.J. Turnpike", "W.Va. 61": a region abbreviation of two or three
    parts, each with its dot, stands for the region wherever it is written."""
    out: list[Match] = []
    taken = {k for m in kept for k in range(m.start, m.end)}
    n = len(toks)
    for i in range(n - 1):
        if len(toks[i].text) != 1 or not toks[i].cap or i in taken or (out and i < out[-1].end):
            continue
        for size in (3, 2):
            words = toks[i : i + size]
            if len(words) < size or any(not t.cap or k in taken for k, t in enumerate(words, i)):
                continue
            if any(text[a.end : b.start] not in (".", ". ") for a, b in itertools.pairwise(words)):
                continue  # "S.C.", "W. Va."
            if text[words[-1].end : words[-1].end + 1] != ".":
                continue
            code = h.region_abbreviations.get(" ".join(t.key for t in words))
            if code and code in gaz.admin_rows:
                out.append(Match(i, i + size, np.asarray([gaz.admin_rows[code]], dtype=np.int32), 0, True))
                break
    return out


def listed_before_plural(text: str, toks: list[Token], h: LangHints) -> list[tuple[int, int, str]]:
    """Names listed before a plural region noun, as (first token, end token, region noun):
    "Barrow and Jackson counties", "Cooke, Grayson and Love counties"."""
    out: list[tuple[int, int, str]] = []
    for i, t in enumerate(toks):
        noun = h.region_plurals.get(t.key)
        if noun is None or t.cap or not i or text[toks[i - 1].end : t.start] != " ":
            continue
        end = i  # the name being read ends before this token
        while True:
            start = end
            while (
                start > 0
                and end - start < 3
                and _name_word(toks[start - 1], h)
                and toks[start - 1].key not in h.list_words
                and (start == end or _joined(text, toks[start - 1], toks[start]))
            ):
                start -= 1
            if start == end:
                break
            out.append((start, end, noun))
            if start == 0:
                break
            gap = text[toks[start - 1].end : toks[start].start]
            if toks[start - 1].key in h.list_words and gap == " ":
                end = start - 1  # "Barrow and Jackson": over the "and"
            elif gap == ", ":
                end = start  # "Cooke, Grayson": the name before the comma
            else:
                break
    return out


def county_lists(
    text: str, toks: list[Token], kept: list[Match], gaz: Gazetteer, h: LangHints
) -> list[Match]:
    """ "Barrow and Jackson counties": each name as the region it names, replacing the towns
    that bear the bare name."""
    if not h.region_plurals:
        return kept
    found = []
    for start, end, noun in listed_before_plural(text, toks, h):
        key = " ".join(t.key for t in toks[start:end]) + " " + noun
        rows = gaz.rows(key)
        if len(rows):
            found.append(Match(start, end, rows, 0, listed=True))
    if not found:
        return kept
    spans = [range(m.start, m.end) for m in found]
    rest = [m for m in kept if not any(m.start < s.stop and s.start < m.end for s in spans)]
    return sorted(rest + found, key=lambda m: m.start)


def generic_names(text: str, toks: list[Token], kept: list[Match], h: LangHints) -> list[Match]:
    """Names made of capitalised words and a generic place noun: "Main Street", "Neches River",
    "Lake Tahoe". They are places with no gazetteer entry (rows empty: recognised, unresolved);
    a gazetteer name inside one ("Hot Springs" in "Hot Springs Drive") gives way to it."""
    if not (h.place_nouns or h.place_prefixes):
        return []
    out: list[Match] = []
    n = len(toks)
    known_starts = {m.start for m in kept}
    for i, t in enumerate(toks):
        if not t.cap or t.text.isupper():
            continue
        if t.key in h.place_nouns and i > 0 and not t.initial:
            if i + 1 < n and _name_word(toks[i + 1], h) and toks[i + 1].key not in h.place_nouns:
                if text[t.end : toks[i + 1].start] == " ":
                    continue  # "Florida Highway Patrol", "Texas Forest Service": a body, not a place
            j = i
            while j > 0 and j > i - 4 and _name_word(toks[j - 1], h) and _joined(text, toks[j - 1], toks[j]):
                j -= 1
                if toks[j].initial:
                    break
            if j < i and any(toks[k].key not in h.not_places for k in range(j, i)):
                out.append(Match(j, i + 1, np.empty(0, dtype=np.int32), 0))
        elif (
            t.key in h.place_prefixes
            and i not in known_starts  # "Mount Pleasant" is in the gazetteer: leave it be
            and i + 1 < n
            and _name_word(toks[i + 1], h)
            and _joined(text, t, toks[i + 1])
        ):
            k = i + 1
            while (
                k + 1 < n and k < i + 3 and _name_word(toks[k + 1], h) and _joined(text, toks[k], toks[k + 1])
            ):
                k += 1
            out.append(Match(i, k + 1, np.empty(0, dtype=np.int32), 0))
    return out


def _name_word(t: Token, h: LangHints) -> bool:
    return t.cap and t.key not in h.stop_words and t.key not in h.honorifics and not t.key.isdigit()


def _merge_generic(kept: list[Match], generic: list[Match]) -> list[Match]:
    """Generic names win over the gazetteer names inside them, lose to ones they cut through."""
    out = list(kept)
    for g in generic:
        inside = [m for m in out if g.start <= m.start and m.end <= g.end]
        crossing = [m for m in out if m.start < g.end and g.start < m.end and m not in inside]
        if crossing or any(m.end - m.start == g.end - g.start for m in inside):
            continue
        out = [m for m in out if m not in inside] + [g]
    return sorted(out, key=lambda m: m.start)


def demonym_matches(toks: list[Token], kept: list[Match], h: LangHints, gaz: Gazetteer) -> list[Match]:
    """Demonyms as mentions of their country ("Russian" -> Russia) or region ("Ontarians"), for
    corpora that count them."""
    from lagebild.places.peoples import region_of_people
    from lagebild.places.resolver import demonym_target

    taken = {k for m in kept for k in range(m.start, m.end)}
    out = []
    for i, t in enumerate(toks):
        if i in taken or (h.cased and not t.cap):
            continue
        for n in (2, 1):
            if i + n > len(toks) or any(k in taken for k in range(i, i + n)):
                continue
            key = " ".join(x.key for x in toks[i : i + n])
            if n == 2 and key not in h.demonyms:
                continue
            if demonym_target(key, h) or (n == 1 and region_of_people(gaz, key, h) is not None):
                out.append(Match(i, i + n, np.empty(0, dtype=np.int32), 0, demonym=True))
                taken.update(range(i, i + n))
                break
    return out


def spot_matches(
    text: str, gaz: Gazetteer, lang: str | None, demonyms: bool = False
) -> tuple[list[Token], list[Match], LangHints]:
    """Tokens, kept matches and the language hints used, for the resolver to build on."""
    lang = lang or guess_lang(text)
    h = hints(lang)
    toks = tokenize(text, h)
    if not toks:
        return toks, [], h
    lower_words = {t.key for t in toks if not t.cap} if h.cased else set()
    matches = longest_first(find_matches(text, toks, gaz, h))
    kept = [m for m in matches if keep(m, toks, h, lower_words) or _is_areal_acronym(m, toks, gaz, h)]
    if h.street_before:
        for m in kept:
            if _after_street_words(text, toks, m, h):
                m.rows = np.empty(0, dtype=np.int32)  # a street: placed as the names no gazetteer lists
    if h.articles:
        # Where all nouns are capitalised (German) any name after an article is doubted; elsewhere
        # only one word, since longer names after "the" are names ("the West Bank").
        kept = [
            m
            for m in kept
            if not (
                m.start
                and toks[m.start - 1].key in h.articles
                and (not h.proper_nouns_only or m.end - m.start == 1)
                and not _areal_or_big(m, gaz)
            )
        ]
    if h.cased and h.proper_nouns_only:
        run_of = _capital_runs(text, toks, h)
        # A name seen once inside a person's or an organisation's name is that name everywhere.
        # Only one-word names of small places are doubted: "Georgia" in "Northeast Georgia
        # Medical Center" is still Georgia, "Clinton" in "Hillary Clinton" is not Clinton, Iowa,
        # and "Michael Johnson" is not two villages.
        small = [m for m in kept if m.end - m.start == 1 and not _areal_or_big(m, gaz)]
        small_ids = {id(m) for m in small}
        place_toks = {k for m in kept if id(m) not in small_ids for k in range(m.start, m.end)}
        # A surname ("Hillary Clinton", "Mr Lincoln") is a surname everywhere in the text; a name
        # that opens a longer one ("Decatur Medical Center") is a piece only there.
        surnames = {
            _key(m, toks)
            for m in small
            if part_of_longer_name(m, toks, run_of, place_toks, h)
            or (m.start and toks[m.start - 1].key in h.honorifics)
        }
        openers = {id(m) for m in small if first_name_of(m, toks, run_of, place_toks, h)}
        # A small town that is a given name and opens a person's name once ("Stephen Hardy",
        # "Ava Castillo") is that person's name everywhere in the text ("Stephen's impact").
        surnames |= {
            _key(m, toks)
            for m in small
            if id(m) in openers and toks[m.start].text in given_names() and _names_a_person(toks[m.end], lang)
        }
        # A big town that is also a given name opens a person's name when a capitalised word
        # that is no place follows: "Vladimir Putin", "Florence Nightingale", "Владимир Путин".
        openers |= {
            id(m)
            for m in kept
            if id(m) not in small_ids
            and toks[m.start].text in given_names()
            and not any(gaz.feature[r] in _AREAL_FEATURES for r in m.rows[:MAX_ROWS].tolist())
            and first_name_of(m, toks, run_of, place_toks, h)
            and toks[m.end].key not in h.place_nouns
            and _names_a_person(toks[m.end], lang)
        }
        # After a given name even a big town's name is a surname ("Abraham Lincoln", "Maria
        # Flores"), and it is one wherever the text uses it alone, unless a preposition of place
        # stands before it there ("in Lincoln").
        given = given_names()
        named = {
            _key(m, toks)
            for m in kept
            if m.end - m.start == 1
            and m.start
            and toks[m.start - 1].text in given
            and toks[m.start - 1].cap
            and run_of[m.start - 1] == run_of[m.start]
            and not any(gaz.feature[r] in _AREAL_FEATURES for r in m.rows[:MAX_ROWS].tolist())
        }
        kept = [
            m
            for m in kept
            if id(m) not in openers
            and (_key(m, toks) not in surnames or id(m) not in small_ids)
            and not (m.start and toks[m.start - 1].key in h.honorifics)
            and not (
                m.end - m.start == 1
                and _key(m, toks) in named
                and not (m.start and toks[m.start - 1].key in h.prepositions)
            )
        ]
    for m in kept:
        code = h.region_abbreviations.get(toks[m.start].key) if m.end - m.start == 1 else None
        if code and code in gaz.admin_rows:
            # "Calif." keeps its dot; "Ohio." at the end of a sentence does not.
            m.abbreviation = name_key(gaz.names[gaz.admin_rows[code]]) != toks[m.start].key
            if m.abbreviation and text[toks[m.start].end : toks[m.start].end + 1] == ".":
                # "Kan.", "Fla.": with its dot the word is the region, not a town called "Kan".
                m.rows = np.asarray([gaz.admin_rows[code]], dtype=np.int32)
    if h.region_abbreviations:
        kept = sorted(kept + region_abbreviations(text, toks, kept, gaz, h), key=lambda m: m.start)
        kept = sorted(kept + dotted_regions(text, toks, kept, gaz, h), key=lambda m: m.start)
    kept = county_lists(text, toks, kept, gaz, h)
    kept = _merge_generic(kept, generic_names(text, toks, kept, h))
    if demonyms:
        kept = sorted(kept + demonym_matches(toks, kept, h, gaz), key=lambda m: m.start)
    return toks, kept, h
