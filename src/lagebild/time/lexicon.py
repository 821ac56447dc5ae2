"""Per-language date vocabulary, compiled once into the regular expressions the tagger runs.

The words live in `lagebild/lang/<code>/dates.py`; every name below is optional there, so a
language can start with month names only and grow. Keys are lower case; a space in a key
matches any run of white space.

MONTHS, WEEKDAYS, WEEKDAYS_PLURAL   word -> 1..12 / 0 (Monday)..6
JALALI_MONTHS, JALALI_YEARS         solar Hijri month names; the range of years read as Jalali
AMBIGUOUS_MONTHS                    month words that are also common words ("may")
NUMBERS, FEW, ORDINALS              number words; vague quantities; ordinals (-1 = last)
UNITS                               word -> Y M W D H MIN DE CE Q WE H1, or (unit, count) for duals
DEICTIC_DAYS                        "today" -> 0, "yesterday" -> -1, or (offset, day part)
DEICTIC_UNITS                       "heuer" -> ("Y", 0): one word for "this year"
LOWER_CASE_DEICTIC                  deictic words that are nouns when capitalised mid-sentence ("Morgen")
PROCLITICS                          letters that may be glued before a word (Arabic و ب ل ف)
DEICTIC_BLOCKERS                    words after which a deictic word is a noun ("am Morgen")
DAY_PARTS, SEASONS                  -> TIMEX3 codes MO AF EV NI MI / SP SU FA WI
LAST, NEXT, THIS, SAME              adjectives of relative expressions (all inflected forms)
PAST_DURATION                       "the past year" = P1Y
AGO_AFTER, AGO_BEFORE               "two days ago", "vor zwei Tagen" (anchored on the DCT)
IN_FUTURE, IN_FUTURE_AFTER          "in zwei Tagen", "two days from now"
EARLIER, LATER, LATER_BEFORE        "two days later" (anchored on the last date the text gave)
ANAPHORIC                           phrase -> (unit, offset) from the last date the text gave
REFS                                phrase -> PRESENT_REF | PAST_REF | FUTURE_REF
MODIFIERS                           phrase before an expression -> TIMEX3 mod
SET_PREFIX, SET_WORDS               "every week"; "daily" -> P1D
YEAR_PREP, YEAR_NOUN, YEAR_SUFFIX   cues that a bare number is a year
YEAR_BC                             "50 v. Chr."
NOUNS_CAPITALISED                   True where a capitalised word after a number is its noun
VAGUE_DURATIONS                     bare plural units, durations after DURATION_PREP ("for weeks" = PXW)
ARTICLES, DURATION_PREP             "a week" is a duration only after these ("for a week")
PUBLISHED_CUES                      "published", "Stand": a date next to them is the publication date
DAY_SUFFIX                          regex after a day number ("13." "13th" "13-го")
AGE_AFTER, AGE_BEFORE               words that make "45 years" an age ("old", "im Alter von")
DEFINITE_ARTICLES                   part of an extent before "past/last N units" ("the past three years")
EXTENT_STRIP                        prepositions a matched phrase may start with but its extent does not
ADJ_AFTER_NOUN                      True where "last/next" follow the unit ("الأسبوع الماضي")
DAYPART_LINK                        "am Morgen des 5. Juni", "the morning of June 5"
DAY_MONTH_LINK, MONTH_YEAR_LINK     "13 de enero de 2022"
RANGE                               "21. bis 23. Juni"
MONTH_FIRST, NUMERIC_ORDER          "January 13" allowed; "dmy" or "mdy" for 1/2/2022
FUTURE_CUES                         words that make a bare weekday the coming one
PAST_CUES                           auxiliaries of the past ("was", "wurde"): a month without a year is the last one
ANNOUNCE_CUES, PLANNED_EVENTS       "called a strike on Tuesday": an announced event's bare weekday is the coming one
SINCE                               words before a date that opens a period ("since 2013"): no event date
YEAR_ASIDE                          words before a bare year said in passing ("bis 1915", "von 1856"): a
                                    narrative does not move to that year
ADDRESS_AFTER, ADDRESS_BEFORE       regexes (on the text as written) around a house number: "1205 Lone Oak Road",
                                    "Hauptstraße 1201" are no years
TIME_PATTERNS, DECADE_PATTERNS, CENTURY_PATTERNS   regex strings with named groups
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from lagebild import lang as lang_data

_DEFAULTS: dict[str, Any] = {
    "MONTHS": {},
    "AMBIGUOUS_MONTHS": frozenset(),
    "WEEKDAYS": {},
    "WEEKDAYS_PLURAL": {},
    "NUMBERS": {},
    "FEW": frozenset(),
    "ORDINALS": {},
    "UNITS": {},
    "DEICTIC_DAYS": {},
    "DEICTIC_BLOCKERS": frozenset(),
    "DAY_PARTS": {},
    "SEASONS": {},
    "LAST": frozenset(),
    "NEXT": frozenset(),
    "THIS": frozenset(),
    "SAME": frozenset(),
    "PAST_DURATION": frozenset(),
    "AGO_AFTER": (),
    "AGO_BEFORE": (),
    "IN_FUTURE": (),
    "IN_FUTURE_AFTER": (),
    "EARLIER": (),
    "LATER": (),
    "LATER_BEFORE": (),
    "ANAPHORIC": {},
    "REFS": {},
    "MODIFIERS": {},
    "SET_PREFIX": frozenset(),
    "SET_WORDS": {},
    "YEAR_PREP": frozenset(),
    "YEAR_NOUN": (),
    "YEAR_SUFFIX": (),
    "DAY_SUFFIX": r"\.?",
    "DAY_MONTH_LINK": (),
    "MONTH_YEAR_LINK": (),
    "RANGE": ("-", "–"),
    "MONTH_FIRST": False,
    "NUMERIC_ORDER": "dmy",
    "FUTURE_CUES": frozenset(),
    "PAST_CUES": frozenset(),
    "ANNOUNCE_CUES": frozenset(),
    "PLANNED_EVENTS": frozenset(),
    "SINCE": frozenset(),
    "YEAR_ASIDE": frozenset(),
    "ADDRESS_AFTER": (),
    "ADDRESS_BEFORE": (),
    "TIME_PATTERNS": (),
    "DECADE_PATTERNS": (),
    "CENTURY_PATTERNS": (),
    "PUBLISHED_CUES": (),
    "YEAR_BC": (),
    "JALALI_MONTHS": {},
    "JALALI_YEARS": (0, -1),
    "DEICTIC_UNITS": {},
    "PROCLITICS": "",
    "ADJ_AFTER_NOUN": False,
    "DEFINITE_ARTICLES": (),
    "EXTENT_STRIP": (),
    "AGE_AFTER": (),
    "AGE_BEFORE": (),
    "DAYPART_LINK": (),
    "VAGUE_DURATIONS": {},
    "LOWER_CASE_DEICTIC": frozenset(),
    "NOUNS_CAPITALISED": False,
    "ARTICLES": frozenset(),
    "DURATION_PREP": frozenset(),
}

# Rules run on lower-cased text (much faster than IGNORECASE on long alternations); the
# language's own regex strings are lower-cased to match.
_FLAGS = 0


def alt(words: Any, name: str | None = None) -> str:
    """A regex alternation of `words`, longest first, each ending at a word boundary.

    Returns a pattern that never matches when `words` is empty, so rules built from a list a
    language lacks simply find nothing.
    """
    parts = []
    for w in sorted({w for w in words if w}, key=lambda w: (-len(w), w)):
        p = r"\s+".join(re.escape(t) for t in w.split())
        if w[-1].isalnum():
            p += r"(?!\w)"
        parts.append(p)
    body = "|".join(parts) if parts else r"(?!x)x"
    return f"(?P<{name}>{body})" if name else f"(?:{body})"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    # Word classes the rule cannot match without (all of them): a text that has none of the
    # class's words skips the rule's pass over it. Empty: the rule always runs.
    needs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The date words of one language and the rules compiled from them."""

    lang: str
    words: dict[str, Any]
    rules: tuple[Rule, ...]
    modifier_tail: re.Pattern[str]
    extent_strip: re.Pattern[str]
    age_after: re.Pattern[str]
    age_before: re.Pattern[str]
    lookup: dict[str, dict[str, Any]]
    anchors: dict[str, frozenset[str]]  # a word -> the classes whose phrases may begin with it
    address_after: re.Pattern[str] | None = None  # matched at the end of a number
    address_before: re.Pattern[str] | None = None  # searched in the text just before it

    def __getattr__(self, name: str) -> Any:  # pragma: no cover - convenience
        try:
            return self.words[name]
        except KeyError:
            raise AttributeError(name) from None


def _lower_regex(p: str) -> str:
    """A language's regex string for lower-cased text (group names and escapes kept)."""
    out = re.sub(
        r"\\[A-Za-z]|\(\?P<\w+>|\(\?P=\w+\)|[^\\(]+|.",
        lambda m: m.group(0) if m.group(0)[:1] in "\\(" and len(m.group(0)) > 1 else m.group(0).lower(),
        p,
    )
    return out


def norm(s: str) -> str:
    """Lookup key of matched text: lower case, single spaces."""
    return " ".join(s.lower().split())


@cache
def lexicon(code: str) -> Lexicon:
    """The compiled lexicon of language `code` (English where the language has no dates module)."""
    mod = lang_data.load(code, "dates") or lang_data.load("en", "dates")
    w = {k: getattr(mod, k, v) for k, v in _DEFAULTS.items()}
    B = r"(?<!\w)"
    if w["PROCLITICS"]:  # Arabic glues "and", "in", "to" to the next word: "وأمس"
        B = rf"(?:(?<!\w)|(?<=(?<!\w)[{w['PROCLITICS']}]))"
    months = alt({**w["MONTHS"], **w["JALALI_MONTHS"]}, "mo")
    wd = alt(w["WEEKDAYS"], "wd")
    num = alt(w["NUMBERS"])
    few = alt(w["FEW"])
    qty = rf"(?P<q>\d+(?:[.,]\d+)?|{num}(?:[\s-]+(?:and\s+)?{num})*|{few})"
    unit = alt(w["UNITS"], "u")
    adj = alt(set(w["LAST"]) | set(w["NEXT"]) | set(w["THIS"]), "adj")
    # Where adjectives follow the noun (Arabic, Persian) only demonstratives come first.
    adj_pre = alt(w["THIS"], "adj") if w["ADJ_AFTER_NOUN"] else adj
    adj2 = alt(set(w["LAST"]) | set(w["NEXT"]) | set(w["THIS"]), "adj2")
    yunit = alt([k for k, v in w["UNITS"].items() if v == "Y"], "yu")
    yadj = alt(set(w["LAST"]) | set(w["NEXT"]) | set(w["THIS"]), "yadj")
    dm_link = alt(w["DAY_MONTH_LINK"])
    my_link = alt(w["MONTH_YEAR_LINK"])
    ysuf = alt(w["YEAR_SUFFIX"])
    dsuf = w["DAY_SUFFIX"]
    rng = alt(w["RANGE"])
    year = r"(?P<y>1\d{3}|20\d{2})(?!\d)"
    year_tail = rf"(?:[\s,]+(?:{my_link}\s+)?{year}(?:\s*{ysuf})?|\s+{yadj}\s+{yunit})"
    dayparts = alt(w["DAY_PARTS"], "dp")
    art = alt(w["DEFINITE_ARTICLES"])
    raw: list[tuple[str, str]] = [
        (
            "iso",
            r"(?<![\w.-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d))?(?!\d)",
        ),
        (
            "numeric",
            r"(?<![\w.,/])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)",
        ),
        ("dmy", rf"{B}(?:{wd}[,\s]+)?(?P<d>[0-3]?\d){dsuf}(?:\s*{dm_link})?\s*{months}(?:{year_tail})?"),
        (
            "mdy",
            rf"{B}(?:{wd},?\s+)?{months}\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s*{year})?"
            if w["MONTH_FIRST"]
            else r"(?!x)x",
        ),
        (
            "daypart_date",
            rf"{B}{dayparts}\s+{alt(w['DAYPART_LINK'])}\s+(?:(?P<d>[0-3]?\d){dsuf}(?:\s*{dm_link})?\s*{months}"
            + (
                rf"|{alt(w['MONTHS'], 'mo2')}\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
                if w["MONTH_FIRST"]
                else ""
            )
            + rf")(?:{year_tail})?",
        ),
        (
            "day_range",
            rf"{B}(?P<d>[0-3]?\d){dsuf}(?=\s*{rng}\s*[0-3]?\d{dsuf}\s*(?:{dm_link}\s*)?{months}(?:{year_tail})?)",
        ),
        (
            "month_range",
            rf"{B}{months}(?=\s*{rng}\s*{alt({**w['MONTHS'], **w['JALALI_MONTHS']})}{year_tail})",
        ),
        ("my", rf"{B}{months}{year_tail}"),
        # "last March", "this September", "en mars dernier": counted from the speaker's now.
        ("month", rf"{B}(?:{adj_pre}\s+)?{months}(?:\s+{adj2})?"),
        ("year", rf"{B}(?:(?P<yn>{alt(w['YEAR_NOUN'])})\s+)?{year}(?:\s*(?P<ys>{ysuf}))?"),
        ("deictic", rf"{B}{alt(w['DEICTIC_DAYS'], 'dd')}(?:\s+{dayparts})?"),
        ("deictic_unit", rf"{B}{alt(w['DEICTIC_UNITS'], 'du')}"),
        (
            "counted_unit",
            rf"{B}{alt([k for k, v in w['UNITS'].items() if isinstance(v, tuple) and v[1] > 1], 'u')}",
        ),
        ("rel", rf"{B}{adj_pre}\s+{unit}"),
        ("rel_post", rf"{B}{unit}\s+{adj}"),
        ("rel_daypart", rf"{B}(?P<adj>{alt(w['THIS'])})\s+{dayparts}"),
        ("anaphoric", rf"{B}{alt(w['ANAPHORIC'], 'ana')}"),
        # Before the duration rules: a listed phrase wins a tie ("последние годы" is PAST_REF).
        ("ref", rf"{B}{alt(w['REFS'], 'ref')}"),
        ("same", rf"{B}(?P<same>{alt(w['SAME'])})\s+{unit}"),
        ("ago_pre", rf"{B}(?P<ago>{alt(w['AGO_BEFORE'])})\s+(?:{qty}\s+)?{unit}"),
        ("in_future", rf"{B}(?P<fut>{alt(w['IN_FUTURE'])})\s+(?:{qty}\s+)?{unit}"),
        ("later_pre", rf"{B}(?P<lat>{alt(w['LATER_BEFORE'])})\s+(?:{qty}\s+)?{unit}"),
        (
            "last_n",
            rf"{B}(?:{art}\s+)?(?P<adj>{alt(set(w['LAST']) | set(w['NEXT']) | set(w['PAST_DURATION']))})\s+{qty}[\s-]+{unit}",
        ),
        ("past_unit", rf"{B}(?:{art}\s+)?(?P<adj>{alt(w['PAST_DURATION'])})\s+{unit}"),
        # One rule for "two days", "two days ago|later|earlier|from now": the tagger names it by its tail.
        (
            "qty_unit",
            rf"{B}{qty}[\s-]+{unit}(?:\s+(?:(?P<ago>{alt(w['AGO_AFTER'])})|(?P<fut>{alt(w['IN_FUTURE_AFTER'])})"
            rf"|(?P<ear>{alt(w['EARLIER'])})|(?P<lat>{alt(w['LATER'])})))?",
        ),
        ("weekday", rf"{B}(?:{adj}\s+)?{wd}(?:\s+{dayparts})?(?:\s+{adj2})?"),
        ("vague_duration", rf"{B}{alt(w['VAGUE_DURATIONS'], 'vu')}"),
        ("weekdays", rf"{B}{alt(w['WEEKDAYS_PLURAL'], 'wds')}"),
        ("set", rf"{B}(?P<sp>{alt(w['SET_PREFIX'])})\s+(?:{qty}\s+)?{unit}"),
        ("set_word", rf"{B}{alt(w['SET_WORDS'], 'sw')}"),
        ("season", rf"{B}(?:{adj}\s+)?{alt(w['SEASONS'], 'se')}(?:\s+{adj2}|{year_tail})?"),
        # "the fourth quarter (of 1997)", "the 1997 fourth quarter", "1997's third quarter".
        (
            "quarter",
            rf"{B}(?:the\s+)?(?:(?P<yq>1\d{{3}}|20\d{{2}})(?:'s)?\s+)?{alt(w['ORDINALS'], 'ord')}[\s-]+{unit}"
            rf"(?:{year_tail})?",
        ),
        ("year_bc", rf"{B}(?P<y>\d{{1,4}})\s*(?P<bc>{alt(w['YEAR_BC'])})"),
        ("clock", r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])"),
    ]
    raw += [("time", rf"{B}{_lower_regex(p)}") for p in w["TIME_PATTERNS"]]
    raw += [("decade", rf"{B}{_lower_regex(p)}") for p in w["DECADE_PATTERNS"]]
    raw += [("century", rf"{B}{_lower_regex(p)}") for p in w["CENTURY_PATTERNS"]]
    rules = tuple(Rule(name, re.compile(p, _FLAGS), _NEEDS.get(name, frozenset())) for name, p in raw)
    modifier_tail = re.compile(rf"{B}{alt(w['MODIFIERS'], 'mod')}\s*$", _FLAGS)
    lookup = {k: {norm(kk): vv for kk, vv in v.items()} for k, v in w.items() if isinstance(v, dict)}
    lookup["MONTHS"] = {**lookup["MONTHS"], **lookup["JALALI_MONTHS"]}
    age_after = re.compile(rf"\s+{alt(w['AGE_AFTER'])}", _FLAGS)
    age_before = re.compile(rf"{B}{alt(w['AGE_BEFORE'])}\s+$", _FLAGS)
    extent_strip = re.compile(rf"{alt(w['EXTENT_STRIP'])}\s+", _FLAGS)
    # House numbers: the patterns see the text as written (a street name is capitalised).
    after = re.compile("|".join(f"(?:{p})" for p in w["ADDRESS_AFTER"])) if w["ADDRESS_AFTER"] else None
    before = re.compile("|".join(f"(?:{p})$" for p in w["ADDRESS_BEFORE"])) if w["ADDRESS_BEFORE"] else None
    anchors = _anchor_words(w)
    return Lexicon(
        code, w, rules, modifier_tail, extent_strip, age_after, age_before, lookup, anchors, after, before
    )


# The word classes of the rules above (see Rule.needs); "digit" is any digit in the text.
_CLASS_WORDS = {
    "month": ("MONTHS", "JALALI_MONTHS"),
    "weekday": ("WEEKDAYS",),
    "weekdays": ("WEEKDAYS_PLURAL",),
    "unit": ("UNITS",),
    "deictic": ("DEICTIC_DAYS",),
    "deictic_unit": ("DEICTIC_UNITS",),
    "daypart": ("DAY_PARTS",),
    "anaphoric": ("ANAPHORIC",),
    "ref": ("REFS",),
    "season": ("SEASONS",),
    "vague": ("VAGUE_DURATIONS",),
    "set_word": ("SET_WORDS",),
    "ordinal": ("ORDINALS",),
}
_NEEDS = {
    name: frozenset(classes)
    for name, classes in {
        "iso": ("digit",),
        "numeric": ("digit",),
        "dmy": ("digit", "month"),
        "mdy": ("digit", "month"),
        "daypart_date": ("digit", "month", "daypart"),
        "day_range": ("digit", "month"),
        "month_range": ("month",),
        "my": ("month",),
        "month": ("month",),
        "year": ("digit",),
        "deictic": ("deictic",),
        "deictic_unit": ("deictic_unit",),
        "counted_unit": ("unit",),
        "rel": ("unit",),
        "rel_post": ("unit",),
        "rel_daypart": ("daypart",),
        "anaphoric": ("anaphoric",),
        "ref": ("ref",),
        "same": ("unit",),
        "ago_pre": ("unit",),
        "in_future": ("unit",),
        "later_pre": ("unit",),
        "last_n": ("unit",),
        "past_unit": ("unit",),
        "qty_unit": ("unit",),
        "weekday": ("weekday",),
        "vague_duration": ("vague",),
        "weekdays": ("weekdays",),
        "set": ("unit",),
        "set_word": ("set_word",),
        "season": ("season",),
        "quarter": ("ordinal", "unit"),
        "year_bc": ("digit",),
        "clock": ("digit",),
    }.items()
}
_WORD_RUN = re.compile(r"\w+")


def _anchor_words(w: dict[str, Any]) -> dict[str, frozenset[str]]:
    """One word of every phrase of each class: its longest (the rarest in most texts; "the
    same day" is anchored on "same", not "the"). A phrase matches only where all its words
    stand as words, so a text without any anchor of a class cannot match the class's rules
    (see tagger.classes_in)."""
    out: dict[str, set[str]] = {}
    for cls, keys in _CLASS_WORDS.items():
        for key in keys:
            for phrase in w[key]:
                runs = _WORD_RUN.findall(phrase.lower())
                # A phrase with no word in it: its class is always taken as present.
                out.setdefault(max(reversed(runs), key=len) if runs else "", set()).add(cls)
    return {k: frozenset(v) for k, v in out.items()}
