"""How many were killed and injured, read from one sentence.

News states casualties in a few shapes that hold across our languages:

- a count before the harm word, with nouns and auxiliaries between: "three people were killed",
  "5 hurt", "mindestens 21 Tote", "deux morts", "three soldiers and a civilian were killed" (3+1);
- a count right after a harm verb: "killing three", "killed at least 21", "погибли три человека";
- a singular subject of a passive harm verb: "a man was shot dead", "he was killed" (1);
- nobody: "no one was injured" (0);
- the victims of a killing noun: "the shooting deaths of four women" (4), "the killing of Ana
  Ruiz and her son" (2), "der Tod von zwei Männern" (2); "a double homicide" (2);
- one who did it to oneself: "killed himself" (1); a name before "died": "Ana Ruiz died" (1);
- a vague quantity ("dozens", "hundreds"): there is a count, but no figure (None).

The words are language data (lang/<code>/casualties.py); the shapes are here. Ages ("Smith, 25,
was killed") and years never count: a comma stops the walk back before a count is found, and
four-digit numbers that look like years are no counts.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Literal

from lagebild.lang import load

Kind = Literal["killed", "injured", "hit"]  # hit: "shot", "stabbed", dead or alive

# Marks that end a sentence, and the bullets that run headlines together ("►Related: ...").
_SENTENCE_MARKS = frozenset({".", "!", "?", "►", "▶", "•", "|"})
_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")
_MAX_NOUNS = 3  # words between a count and its harm word or the next count ("two young men")
_MAX_NAME_WORDS = 4  # capitalised words of a name inside a count's noun phrase
_MAX_AUX = 3  # "have been", "had reportedly been"
_MAX_FIGURE = 100_000  # above this a number is money or a population, not people
_MAX_VICTIM_TOKENS = 16  # "the killings of A, B, C and D": how far a list of victims reaches
_OLD = re.compile(r"\w+-old", re.I)  # "15 year-old": the number is an age
_AGE = re.compile(r"\d+-\w+-\w+")  # "3-year-old", "17-month-old"
_MAX_VICTIM_WORDS = 5  # words of one victim ("her five-year-old son"); more is a clause


@dataclass(frozen=True, slots=True)
class Count:
    """One casualty figure as read: its kind, value (None: "dozens") and span in the text.
    `doer`: the one who did it died by their own hand ("killed himself", "committed suicide"):
    one more dead beside the victims named just before ("killed his wife and then himself"), else
    the victim itself (a child who shot himself). `outcome`: a death told by itself ("he died
    Sunday", "all four died", "was pronounced dead"): the end of a harm told before, maybe."""

    kind: Kind
    value: int | None
    start: int
    end: int
    doer: bool = False
    outcome: bool = False


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
    victim_nouns: dict[str, Kind]  # "shooting", "homicide": counted only with their victims
    of: frozenset[str]  # "of", "von", "de": the victims follow
    multiples: dict[str, int]  # "double", "triple": "a double homicide" is 2 killed
    murder_suicide: frozenset[str]  # a killing and the killer's own death: one more dead
    reflexive: frozenset[str]  # "himself": the doer is the one harmed
    died: frozenset[str]  # intransitive forms whose subject is the dead: "Ana Ruiz died"
    died_one: frozenset[str]  # singular verb forms: one dead, named or not ("погиб", "starb")
    determiners: frozenset[str]  # "the", "her": before a victim, no count
    modified: frozenset[str]  # nouns a harm word only qualifies: "death penalty", "death toll"
    prepositions: frozenset[str]  # a count right after one is no subject: "in a home"
    transitive: frozenset[str]  # kill verbs whose object follows: "killing his wife and son"
    people: frozenset[str]  # plural person nouns: "children" without a number is no figure
    not_people: frozenset[str]  # what a number after a harm verb may count: "shot two times"
    negation: frozenset[str]  # "was not injured": that one was not harmed, no count
    capitalised_nouns: bool  # German: a capitalised word is no sign of a name
    one_death: frozenset[str]  # harm nouns that are one death whatever stands before: "suicide"
    months: frozenset[str]  # a number after a month name is a day: "May 11"
    one_noun: frozenset[str]  # singular death nouns: "a shooting death" is one dead
    plural_nouns: frozenset[str]  # "bodies", "lives": more than one, never "a" or a singular subject
    separate: re.Pattern[str] | None  # "in separate shootings": a toll over several happenings
    weapons: frozenset[str]  # "turned the gun on himself": the doer killed himself
    on: frozenset[str]
    toll_after: frozenset[str]  # "the death toll rose to five": the figure follows the phrase
    toll_before: tuple[tuple[str, ...], ...]  # "die Zahl der Toten stieg auf 21"


def _words(mod: ModuleType) -> _Words:
    def pattern(name: str) -> re.Pattern[str] | None:
        forms = getattr(mod, name, ())
        return re.compile("(?:" + "|".join(forms) + ")", re.I) if forms else None

    killed, injured = pattern("KILLED"), pattern("INJURED")
    victim_nouns: dict[str, Kind] = {
        **{w.lower(): "killed" for w in getattr(mod, "KILL_NOUNS", ())},
        **{w.lower(): "hit" for w in getattr(mod, "HIT_NOUNS", ())},
    }
    harm_forms = [
        *mod.KILLED,
        *mod.INJURED,
        *getattr(mod, "HIT", ()),
        *map(re.escape, getattr(mod, "FATAL", ())),
        *map(re.escape, victim_nouns),
        *map(re.escape, getattr(mod, "MURDER_SUICIDE", ())),
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
        victim_nouns=victim_nouns,
        of=frozenset(w.lower() for w in getattr(mod, "OF", ())),
        multiples={k.lower(): v for k, v in getattr(mod, "MULTIPLES", {}).items()},
        murder_suicide=frozenset(w.lower() for w in getattr(mod, "MURDER_SUICIDE", ())),
        reflexive=frozenset(w.lower() for w in getattr(mod, "REFLEXIVE", ())),
        died=frozenset(w.lower() for w in getattr(mod, "DIED", ())),
        died_one=frozenset(w.lower() for w in getattr(mod, "DIED_ONE", ())),
        determiners=frozenset(w.lower() for w in getattr(mod, "DETERMINERS", ())),
        modified=frozenset(w.lower() for w in getattr(mod, "MODIFIED", ())),
        prepositions=frozenset(w.lower() for w in getattr(mod, "PREPOSITIONS", ())),
        transitive=frozenset(w.lower() for w in getattr(mod, "TRANSITIVE", ())),
        people=frozenset(w.lower() for w in getattr(mod, "PEOPLE", ())),
        not_people=frozenset(w.lower() for w in getattr(mod, "NOT_PEOPLE", ())),
        negation=frozenset(w.lower() for w in getattr(mod, "NEGATION", ())),
        capitalised_nouns=bool(getattr(mod, "NOUNS_CAPITALISED", False)),
        one_death=frozenset(w.lower() for w in getattr(mod, "ONE_DEATH", ())),
        months=frozenset(w.lower() for w in getattr(mod, "MONTHS", ())),
        one_noun=frozenset(w.lower() for w in getattr(mod, "ONE_NOUN", ())),
        plural_nouns=frozenset(w.lower() for w in getattr(mod, "PLURAL_NOUNS", ())),
        separate=pattern("SEPARATE"),
        weapons=frozenset(w.lower() for w in getattr(mod, "WEAPONS", ())),
        on=frozenset(w.lower() for w in getattr(mod, "TURNED_ON", ())),
        toll_after=frozenset(w.lower() for w in getattr(mod, "TOLL_AFTER", ())),
        toll_before=tuple(tuple(p.lower().split()) for p in getattr(mod, "TOLL_BEFORE", ())),
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
    toks: list[tuple[str, int, int]], k: int, floor: int, w: _Words, surnames: frozenset[str] = frozenset()
) -> tuple[int | None, int, bool, bool] | None:
    """Walk back from the harm word at k: (figure, start offset, vague, singular) of "NUM nouns
    (and NUM nouns)* aux* adverbs*", or None when no count stands there. `singular`: no number
    was written, one person was ("he was wounded", "the victim died")."""
    i = k - 1
    if i >= floor and toks[i][0].lower() in w.negation:
        return None  # "the mother, who was not injured"
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
    if aux_seen and i >= floor and toks[i][0].lower() in w.negation:
        return None  # "Ana Ruiz no resultó herida"
    total, start, vague, groups, persons = 0, -1, False, 0, 0
    sep = ""  # what joined the last group read to the one before it
    while i >= floor:
        nouns, names = 0, 0
        j = i
        while j >= floor and nouns < _MAX_NOUNS:
            word = toks[j][0].lower()
            if word in w.none and groups == 0:
                return 0, toks[j][1], False, False
            if _number(word, w) is not None or word in w.vague or not toks[j][0][:1].isalnum():
                break
            if word in w.stop or word in w.joiners or word in w.aux or word in w.not_people:
                break
            # Proper names in a noun phrase ("two Riverdale High School students") are one word.
            if toks[j][0][:1].isupper() and names < _MAX_NAME_WORDS:
                names += 1
            else:
                nouns += 1
            j -= 1
        # One person named beside others, no number: "Father and two children found dead" (3),
        # "6-year-old girl and grandfather found dead" (2), "Mother, child found dead" (2).
        # Joined to the nearer one by "and", or by a comma in a list of persons only: "a boy and
        # a girl, both dead" is two.
        if groups:
            joined = sep in w.joiners or (sep == "," and persons == groups)
        else:
            joined = j >= floor and (toks[j][0].lower() in w.joiners or toks[j][0] == ",")
        if j < i and joined and _person_phrase(toks[j + 1 : i + 1], w):
            total, start, groups, persons = total + 1, toks[j + 1][1], groups + 1, persons + 1
            if j >= floor and (toks[j][0].lower() in w.joiners or toks[j][0] == ","):
                sep, i = toks[j][0].lower(), j - 1
                while i >= floor and toks[i][0] == "," and sep in w.joiners:
                    i -= 1  # "a mother, father, and toddler"
                continue
            break
        if j < floor:
            break
        word = toks[j][0].lower()
        value = _number(toks[j][0], w)
        if value is None and word not in w.vague:
            break
        if groups and value is not None and value > 1 and j < i and _one_person(toks[i][0], w):
            break  # "KHOU 9 Mother, child found dead": a number before one person counts nothing
        if j > floor and toks[j - 1][0].lower() in w.none:
            return 0, toks[j - 1][1], False, False  # "no one", "not one"
        one_death = value == 1 and nouns == 0 and toks[k][0].lower() in w.one_noun
        if j > floor and toks[j - 1][0].lower() in w.prepositions and not one_death:
            break  # "were shot in a home": the count of a place, not of people ("in a fatal
            # shooting", "in a Sumter County death" are one dead)
        if value is not None and (
            j > floor and toks[j - 1][0] == "," and j + 1 < len(toks) and toks[j + 1][0] == ","
        ):
            break  # "Smith, 25, was killed": an age
        if value is not None and j > floor and toks[j - 1][0] == ":":
            break  # "gegen 6:15 Uhr erschossen": a time
        if value is not None and j > floor and toks[j - 1][0].lower() in w.months:
            break  # "the May 11 fatal shooting": a date
        if value == 1 and toks[k][0].lower() in w.plural_nouns:
            break  # "a friend found the bodies": the article belongs to another noun
        if word in w.vague:
            vague = True
        else:
            total += value  # type: ignore[operator]
        start, groups = toks[j][1], groups + 1
        i = j - 1
        while i >= floor and toks[i][0].lower() in w.minimum:
            start, i = toks[i][1], i - 1
        if i >= floor and (toks[i][0].lower() in w.joiners or toks[i][0] == ","):
            sep, i = toks[i][0].lower(), i - 1
            while i >= floor and toks[i][0] == "," and sep in w.joiners:
                i -= 1
            continue
        break
    if groups:
        return (None if vague else total), start, vague, persons == groups == 1
    if toks[k][0].lower() in w.plural_nouns:
        return None  # "she lives", "the bodies": more than one, or a verb, but no figure
    if set(aux_seen) & w.singular_aux:
        return 1, toks[k][1], False, True
    # "Man killed in shooting", "the victim died", "he was killed": one person, no number.
    if i >= floor and toks[i][0].lower() in w.one_person:
        return 1, toks[i][1], False, True
    if i > floor and toks[i][0].lower() in w.relative and _one_person(toks[i - 1][0], w):
        # "the boy who died" (1), "a 4-year-old girl and her mother who were shot and killed" (2)
        listed = _count_before(toks, i, floor, w, surnames)
        return listed if listed is not None else (1, toks[i - 1][1], False, True)
    harm = toks[k][0].lower()
    possessive = i >= floor and toks[i][0][-2:] in ("'s", "’s") and _one(toks[i][0], w)
    if possessive and _harm(toks[k][0], w) == "killed":  # "the child's injuries" tell no one new
        return 1, toks[i][1], False, True  # "the boy's death", "Ruiz's killing"
    if i >= floor and harm in w.died and not aux_seen and (_is_name(toks[i][0], w) or toks[i][0] in surnames):
        return 1, toks[i][1], False, True  # "Ana Ruiz died", "found Ruiz dead"
    if harm in w.died_one:
        return 1, toks[k][1], False, True
    if i >= floor and _AGE.fullmatch(toks[i][0]):
        return 1, toks[i][1], False, True  # "Benton 17-year-old killed in shooting"
    if harm in w.one_noun and i >= floor and toks[i][0].lower() in w.victim_nouns:
        return 1, toks[i][1], False, True  # "charged in accidental shooting death"
    return None


def _surnames(toks: list[tuple[str, int, int]], w: _Words) -> frozenset[str]:
    """Capitalised words ending in "s" that the text gives after a given name ("Owen Hicks"):
    names, not plurals ("Americans"), where they stand alone later ("Hicks died")."""
    if w.capitalised_nouns:
        return frozenset()
    return frozenset(
        b
        for (a, _, a_end), (b, b_start, _) in itertools.pairwise(toks)
        if b.endswith("s") and b[:1].isupper() and b_start == a_end + 1 and _is_name(a, w) and b.isalpha()
    )


def _one_person(tok: str, w: _Words) -> bool:
    """A singular person noun as the head of a noun phrase: "father", "6-year-old"."""
    return tok.lower() in w.one_person or bool(_AGE.fullmatch(tok))


def _person_phrase(phrase: list[tuple[str, int, int]], w: _Words) -> bool:
    """A noun phrase of one person without a number: "Father", "6-year-old girl", "her son"."""
    if not phrase or not _one_person(phrase[-1][0], w):
        return False
    for tok, _, _ in phrase[:-1]:
        low = tok.lower()
        named = tok[:1].isupper() and not w.capitalised_nouns and low not in w.stop
        if not (low in w.determiners or low in ("a", "an") or _one_person(tok, w) or named):
            return False
    return True


def _one(tok: str, w: _Words) -> bool:
    """One person: a singular person word or a name, possessive or not ("the boy's", "Ruiz's")."""
    if tok[-2:] in ("'s", "’s"):
        tok = tok[:-2]
    return tok.lower() in w.one_person or _is_name(tok, w)


def _is_name(tok: str, w: _Words) -> bool:
    """A capitalised word that can be one person's name: not a plural ("Americans"), not a
    function word at the start of a sentence ("The")."""
    bare = tok.replace("'", "").replace("’", "").replace("-", "")
    return (
        not w.capitalised_nouns
        and len(bare) > 1
        and bare.isalpha()
        and tok[0].isupper()
        and not tok.endswith("s")
        and tok.lower() not in w.stop
        and tok.lower() not in w.determiners
    )


def _victims_of(toks: list[tuple[str, int, int]], k: int, w: _Words) -> tuple[int | None, int] | None:
    """The victims named after a killing noun and "of": "the deaths of four women" (4), "the
    killing of Ana Ruiz and her son" (2), "the deaths of protesters" (a count, no figure); or
    the object of a kill verb: "killing his wife and two children" (3).
    Returns (figure, end offset) or None when no victim follows."""
    i = k + 1
    if i >= len(toks):
        return None
    has_of = toks[i][0].lower() in w.of
    if not has_of:
        if toks[k][0].lower() not in w.transitive or (k > 0 and toks[k - 1][0].lower() in w.determiners):
            return None  # "the injured girl": an adjective, not a verb with its object
        i = k  # the object follows the verb itself
    groups: list[tuple[list[str], int, bool]] = []  # each victim's words, end, after a comma
    cur: list[str] = []
    cur_end = 0
    sep = cur_sep = ""
    first_comma = None  # a list "A, B and C" goes past its commas only if a joiner follows
    listed = False
    for tok, _, tok_end in toks[i + 1 : i + 1 + _MAX_VICTIM_TOKENS]:
        low = tok.lower()
        if _harm(tok, w) is not None:
            break  # "killed and five injured": the next figure's
        if low in w.joiners or tok == ",":
            if not cur and not groups:
                break
            if cur:
                groups.append((cur, cur_end, cur_sep == ","))
            cur, sep = [], tok
            if tok == "," and first_comma is None:
                first_comma = len(groups)
            elif low in w.joiners and first_comma is not None:
                listed = True
            continue
        if tok in (":", "%", "-"):
            cur = []  # "shot about 6:15", "52%": a time or a share, not a victim
            break
        stop = (low in w.stop and low not in w.determiners) or low in w.prepositions
        if not tok[:1].isalnum() or stop or low in w.aux or len(cur) >= _MAX_VICTIM_WORDS:
            break
        if not cur and low in w.minimum:
            continue
        if not cur:
            cur_sep = sep
        cur.append(tok)
        cur_end = tok_end
    if cur:
        groups.append((cur, cur_end, cur_sep == ","))
    if first_comma is not None and not listed:
        # "kills her son, self": a reflexive after the comma ends the list too.
        tail = groups[first_comma : first_comma + 1]
        keep = first_comma + (1 if tail and tail[0][0][0].lower() in w.reflexive else 0)
        groups = groups[:keep]
    if not groups:
        return None
    total, vague, counted, end = 0, False, 0, 0
    person_before = False
    for g, g_end, after_comma in groups:
        words = [t for t in g if t.lower() not in w.determiners]
        if not words:
            break
        if after_comma and person_before and all(t[:1].isupper() for t in words):
            person_before = False
            continue  # "her daughter, Meredith Jessie,": the name of the one just counted
        value = _number(words[0], w)
        if value is not None and len(words) == 1 and counted:
            continue  # "Mark Weekly, 50, and ...": an age between commas
        if value is not None and len(words) > 1 and _OLD.fullmatch(words[1]):
            value = 1  # "15 year-old Senquez Jackson": one person of that age
        elif value is not None and len(words) > 1 and words[1].lower() in w.not_people:
            break  # "shot two times"
        if value is not None:
            total += value
        elif words[0].lower() in w.reflexive:
            total += 1  # "kills her son, self"
        elif (
            words[0].lower() in w.vague
            or words[-1].lower() in w.people
            or (has_of and words[-1].islower() and words[-1].endswith("s"))
        ):
            vague = True  # "dozens of people", "the deaths of protesters"
        elif (
            any(t.lower() in w.one_person for t in words)
            or _AGE.fullmatch(words[0])
            or (has_of and _one(words[0], w))
            or sum(t[:1].isupper() for t in words) > 1
        ):  # an object that is a single capitalised word may be a day: "killed Tuesday"
            total += 1  # a name, "a 3-year-old boy", "her son"
        else:
            break  # "the death of democracy": no victim; "killed him and then ...": no more
        person_before = any(t.lower() in w.one_person for t in words)
        counted, end = counted + 1, g_end
    if not counted:
        return None
    return (None if vague else total), end


def _count_after(
    toks: list[tuple[str, int, int]], k: int, ceiling: int, w: _Words
) -> tuple[int | None, int, bool, int] | None:
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
    if value is None or (i + 1 < ceiling and toks[i + 1][0] in ("%", "-", ":")):
        return None  # "52%", "at 2:19"
    if toks[i - 1][0].lower() in w.prepositions:
        return None  # "shot at 921 Vance St.": an address
    if i + 1 < ceiling and toks[i + 1][0].lower() in w.not_people:
        return None  # "shot two times"
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
    kinds = [_harm(t[0], w) for t in toks]
    harm_at = [k for k, kind in enumerate(kinds) if kind is not None]
    surnames = _surnames(toks, w)
    out: list[Count] = []
    floor = 0

    sentence_start = start

    def add(
        kind: Kind, value: int | None, lo: int, hi: int, doer: bool = False, outcome: bool = False
    ) -> None:
        if doer and kind == "killed":
            # "shot his brother to death ... and then committed suicide": the doer is one more
            # dead than the victims this sentence named before; else the doer is the victim.
            before = [
                c.value
                for c in out
                if c.start >= sentence_start
                and c.kind in ("killed", "hit")
                and c.value
                and not c.doer
                and "\n" not in text[c.end : lo]  # a caption or a headline before, without a full stop
            ]
            if before:
                out.append(Count("killed", max(before) + 1, lo, hi))
        out.append(Count(kind, value, lo, hi, doer, outcome))

    for k, (tok, tok_start, tok_end) in enumerate(toks):
        low = tok.lower()
        if tok in _SENTENCE_MARKS:
            sentence_start = tok_end
        multiple = w.multiples.get(toks[k - 1][0].lower()) if k > 0 else None
        first = toks[k - 1][1] if multiple else tok_start
        if low in w.murder_suicide:
            add("killed", (multiple or 1) + 1, first, tok_end)  # the killed and the killer
            floor = k + 1
            continue
        if (
            k > 0
            and toks[k - 1][0].lower() in w.weapons
            and low in w.on
            and k + 1 < len(toks)
            and toks[k + 1][0].lower() in w.reflexive
        ):
            add("killed", 1, toks[k - 1][1], toks[k + 1][2], doer=True)  # "turned the gun on himself"
            floor = k + 2
            continue
        kind = kinds[k]
        if kind is None and low in w.victim_nouns:
            # "the shooting deaths of ...": the death word decides.
            if k + 1 < len(toks) and (kinds[k + 1] == "killed" or toks[k + 1][0].lower() in w.victim_nouns):
                continue
            fatal = k > 0 and (toks[k - 1][0].lower() in w.fatal or kinds[k - 1] == "killed")
            noun_kind: Kind = "killed" if fatal else w.victim_nouns[low]
            victims = (multiple, tok_end) if multiple else _victims_of(toks, k, w)
            if victims is None and k > 0 and toks[k - 1][0][-2:] in ("'s", "’s") and _one(toks[k - 1][0], w):
                victims, first = (1, tok_end), toks[k - 1][1]  # "the teen's shooting"
            if victims is not None:
                add(noun_kind, victims[0], first, victims[1])
                floor = _index_after(toks, victims[1], k + 1)
            continue
        if kind is None and low in w.fatal and (k + 1 == len(toks) or kinds[k + 1] not in ("hit", "injured")):
            kind = "killed"  # "two were shot, one fatally"
        if kind == "injured" and k > 0 and toks[k - 1][0].lower() in w.fatal:
            kind = "killed"  # "fatally wounded"
        toll = _toll(toks, k, kind, w)
        if toll is not None:
            add(kind, toll[0], tok_start, toll[1])  # type: ignore[arg-type]
            floor = toll[2] + 1
            continue
        if kind is None or (k + 1 < len(toks) and toks[k + 1][0].lower() in w.modified):
            continue  # "the death penalty", "the death toll": no one's death here
        reflexive = k + 1 < len(toks) and toks[k + 1][0].lower() in w.reflexive
        if kind == "hit":
            # "shot and killed", "shot dead": the kill word decides; "shot himself and died": one dead.
            ahead = kinds[k + 1 + reflexive : k + 3 + reflexive]
            if "killed" in ahead and not reflexive:
                continue
            if (
                "killed" in ahead
                or (k > 0 and toks[k - 1][0].lower() in w.fatal)
                or _then_died(toks, kinds, k, w)
            ):
                kind = "killed"
        if reflexive:
            add(kind, 1, tok_start, toks[k + 1][2], doer=True)  # "killed himself", "shot herself"
            floor = k + 2
            continue
        nxt = bisect_right(harm_at, k)
        after = _count_after(toks, k, harm_at[nxt] if nxt < len(harm_at) else len(toks), w)
        if after is not None:
            add(kind, after[0], tok_start, after[1])
            floor = after[3] + 1
            continue
        victims = _victims_of(toks, k, w)
        if victims is not None:
            floor = _index_after(toks, victims[1], k + 1)
            if (
                kind == "hit"
                and floor + 1 < len(toks)
                and toks[floor][0].lower() in w.hit_links
                and kinds[floor + 1] == "killed"
            ):
                kind = "killed"  # "shot his brother to death"
            add(kind, victims[0], tok_start, victims[1])  # "the death of Ana Ruiz"
            continue
        if low in w.one_death:
            add(kind, multiple or 1, first, tok_end, doer=True)  # "committed suicide"
            floor = k + 1
            continue
        if multiple:
            add(kind, multiple, first, tok_end)  # "a double killing"
        elif (found := _count_before(toks, k, floor, w, surnames)) is not None:
            # One person wounded, no number written ("he was wounded"), may be the one who died
            # later ("... and died in hospital"): counted as hit, injured only if not among the dead.
            singular_wound = kind == "injured" and found[3]
            add(
                "hit" if singular_wound else kind,
                found[0],
                min(found[1], tok_start),
                tok_end,
                outcome=kind == "killed" and low in w.died,
            )
        # A count is read once: the next harm word looks back no further than this one's.
        floor = k + 1
    return out


_TOLL_REACH = 8  # words between a toll phrase and its figure: "has now risen to at least"
_CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?"})


def _toll(
    toks: list[tuple[str, int, int]], k: int, kind: Kind | None, w: _Words
) -> tuple[int | None, int, int] | None:
    """The figure of a toll phrase at the harm word k: "the death toll rose to five", "die Zahl
    der Toten stieg auf 21", "le nombre de morts s'élève à 12": (figure, end offset, index)."""
    if kind not in ("killed", "injured"):
        return None
    nxt = k + 1
    if nxt < len(toks) and toks[nxt][0].lower() in w.toll_after:
        nxt += 1
    elif not any(
        k >= len(p) and tuple(t[0].lower() for t in toks[k - len(p) : k]) == p for p in w.toll_before
    ):
        return None
    for i in range(nxt, min(len(toks), nxt + _TOLL_REACH)):
        word = toks[i][0].lower()
        if toks[i][0] in _CLAUSE_END or _harm(toks[i][0], w) is not None:
            return None
        if word in w.vague:
            return None, toks[i][2], i
        value = _number(toks[i][0], w)
        if value is not None and word not in ("a", "an", "another"):
            if i + 1 < len(toks) and (toks[i + 1][0].lower() in w.not_people or toks[i + 1][0] in ("%", ":")):
                return None
            return value, toks[i][2], i
    return None


def _then_died(toks: list[tuple[str, int, int]], kinds: list[Kind | None], k: int, w: _Words) -> bool:
    """Whether the one hit at k died in the same clause: "shot himself in the chest and died",
    "was shot in the head and later died"."""
    for i in range(k + 1, min(len(toks) - 1, k + 12)):
        tok = toks[i][0]
        if tok in _CLAUSE_END or tok.lower() in w.relative or kinds[i] is not None:
            return False
        if tok.lower() in w.joiners:
            j = i + 1
            while j < len(toks) and toks[j][0].lower() in w.adverbs:
                j += 1
            return j < len(toks) and toks[j][0].lower() in w.died
    return False


def _index_after(toks: list[tuple[str, int, int]], offset: int, lo: int) -> int:
    """The index of the first token that starts at or after `offset`."""
    return bisect_left([t[1] for t in toks], offset, lo)


def figures(counts: list[Count]) -> tuple[int | None, int | None]:
    """(killed, injured) that `counts` (of one sentence or one event's sentences) support.

    Each kind takes its largest figure (reports grow; a vague count is no figure); a doer who
    died by their own hand is one more dead. People hit ("three were shot") who are not among
    the dead are injured: "three were shot" and "one died" give 1 killed and 2 injured, as
    casualty datasets count them.
    """

    def largest(kind: str) -> int | None:
        values = [c.value for c in counts if c.kind == kind and c.value is not None]
        return max(values) if values else None

    killed, injured, hit = largest("killed"), largest("injured"), largest("hit")
    if injured is None and hit is not None:
        injured = max(hit - (killed or 0), 0)
    return killed, injured


def tells_harm(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] tells harm being done (shot, stabbed, killed, a shooting, a murder),
    not only its outcome ("he died Sunday", "was pronounced dead")."""
    w = _lang_words(lang)
    if w is None:
        return False
    for m in w.any_harm.finditer(text, start, end):
        word = m.group().lower()
        if word not in w.died and _harm(m.group(), w) != "injured":
            return True
    return False


_SENTENCE_BREAK = re.compile(r"[.!?\n](?=\s|$)")


def several_happenings(text: str, pos: int, lang: str) -> bool:
    """Whether the sentence around `pos` tells a toll over several happenings ("two teens died in
    separate incidents", "two dead after several unrelated shootings"): no one happening's toll."""
    w = _lang_words(lang)
    if w is None or w.separate is None:
        return False
    floor = max(0, pos - 400)
    start = max((m.end() for m in _SENTENCE_BREAK.finditer(text, floor, pos)), default=floor)
    end_m = _SENTENCE_BREAK.search(text, pos)
    return w.separate.search(text, start, end_m.start() if end_m else len(text)) is not None


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
