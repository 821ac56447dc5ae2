"""Rule-based temporal tagger: find time expressions and give them TIMEX3 values.

Why rules and not dateparser.search_dates: the tagger runs on every article (a 4 KB text must
take a few ms), it must give exact extents, and it must know *what a relative expression is
relative to*. Three anchors, in the spirit of HeidelTime's news and narrative modes:

- deictic expressions ("yesterday", "last week", "vor drei Tagen", "on Tuesday") count from the
  speaker's now: the publication date (DCT), or the date of the dated block they stand in, a
  quote whose "today" is given by an apposition ("heute, am 13. Januar") or an embedded post
  closed by a signature line ("— Name (@handle) 13. Januar 2022");
- anaphoric expressions ("am folgenden Tag", "im März", "13 January", "two days later") count
  from the last date the text itself gave (narrative time), else from the DCT;
- without a DCT, deictic expressions fall back to narrative time too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from lagebild.time.lexicon import Lexicon, lexicon, norm
from lagebild.time.values import (
    Point,
    duration,
    jalali_to_gregorian,
    jalali_year,
    parse_iso_date,
    shift,
)


@dataclass(slots=True)
class Timex:
    """A time expression: text[start:end], its TIMEX3 type, value and modifier."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    precision: str | None = None  # day | week | month | year for DATE/TIME values, else None
    anchored_on: str | None = None  # the anchor of a relative expression (ISO value), for debugging
    # "since 2013", "seit März": the start of a stretch that runs on, not the date of an event.
    opens_period: bool = False


_EXPLICIT = {
    "iso",
    "numeric",
    "dmy",
    "mdy",
    "daypart_date",
    "day_range",
    "month_range",
    "my",
    "year",
    "decade",
    "century",
}
_ANAPHORIC = {"anaphoric", "same", "later", "later_pre", "earlier", "month", "quarter", "season"}
# Rules whose expressions count from the speaker's now: frequent in news, rare in a history.
_DEICTIC = {"deictic", "weekday", "ago", "ago_pre", "in_future", "in_future_post", "rel", "rel_post",
            "deictic_unit", "rel_daypart"}  # fmt: skip
_DATE_UNITS = {"Y", "M", "W", "D", "Q", "WE", "H1", "DE", "CE"}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_QUOTES = re.compile(r"„[^“”\"\n]{1,3000}[“”\"]|“[^”\n]{1,3000}”|«[^»]{1,3000}»|\"[^\"\n]{1,3000}\"")
_SIGNATURE = re.compile(r"^[ \t]*[—–-]{1,2}[ \t]*[^\n]{0,160}?\(@\w{1,30}\)[^\n]{0,60}$", re.M)
_SENTENCE_END = re.compile(r"[.!?;\n]\s")
_WORD = re.compile(r"[\w']+")
# Arabic-Indic and Persian digits read as ASCII digits; one character for one keeps offsets.
_NATIVE_DIGIT = re.compile("[٠-٩۰-۹]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _lower(text: str) -> str:
    """Lower case with offsets kept (a few letters, such as "İ", grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(lc := ch.lower()) != 1 else lc for ch in text)


def _cased(word: str) -> bool:
    return word[:1].lower() != word[:1].upper()


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    order: int
    rule: str
    m: re.Match[str]
    mod: str | None = None


def _roman(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'.-]+)\s*$", text[max(0, start - 30) : start])
    return m.group(1).lower().rstrip(".") if m else ""


def _prev_words(text: str, start: int, n: int = 2) -> str:
    words = _WORD.findall(text[max(0, start - 40) : start].lower())
    return " ".join(words[-n:])


def _quantity(lex: Lexicon, q: str | None) -> float | None:
    """The number a quantity phrase means; None for vague ones ("several")."""
    if q is None:
        return None
    q = norm(q)
    try:
        return float(q.replace(",", "."))
    except ValueError:
        pass
    numbers = lex.lookup["NUMBERS"]
    if q in numbers:
        return float(numbers[q])
    total = 0.0
    parts = re.split(r"[\s-]+", q)
    if len(parts) > 1 and parts[0] in lex.words["ARTICLES"]:
        parts = parts[1:]  # "a five year contract", "einer zwei Jahre dauernden": the article counts nothing
    for part in parts:
        if part == "and":
            continue
        v = numbers.get(part)
        if v is None:
            return None
        total = total * v if v == 100 and total else total + v
    return total or None


def _unit(lex: Lexicon, u: str) -> tuple[str, int | None]:
    v = lex.lookup["UNITS"].get(norm(u))
    if isinstance(v, tuple):
        return v[0], v[1]
    return v, None


def _accept(lex: Lexicon, text: str, original: str, c: _Cand) -> bool:
    """Rule-specific guards against false hits."""
    m, w = c.m, lex.words
    g = m.groupdict()
    word = g.get("mo") or g.get("se")
    if word and norm(word) in w["AMBIGUOUS_MONTHS"]:
        if (
            _cased(word)
            and not original[m.start("mo") if g.get("mo") else m.start("se")].isupper()
            and not (c.rule == "season" and (g.get("y") or g.get("adj")))
        ):
            return False
        if (
            c.rule in ("month", "season")
            and not g.get("y")
            and not g.get("adj")
            and _prev_word(text, c.start) not in w["YEAR_PREP"] | set(lex.lookup["MODIFIERS"])
        ):
            return False
    if c.rule == "year":
        if g.get("yn") or g.get("ys"):
            return True
        y = int(g["y"])
        before = text[max(0, c.start - 2) : c.start]
        after = original[c.end : c.end + 12]
        if re.search(r"[$€£¥#№]\s*$|\d[.,]?\s?$", before) or re.match(
            r"\s*(?:%|[.,]\d|\s*-?\s*(?:percent|prozent|процент))", after, re.I
        ):
            return False
        # Part of a phone number or a hyphenated count: "(951) 210-1045", "the 1100-block".
        if re.search(r"(?<!\d)\d{1,3}[-–]$", text[max(0, c.start - 8) : c.start]) or re.match(
            r"-[^\W\d]", after
        ):
            return False
        if _house_number(lex, original, c.start, c.end):
            return False
        prev = _prev_word(text, c.start)
        nxt = re.match(r"[ \t]*(\w)", after)
        # A number followed by a noun counts things: "2000 people", "1960 военнослужащих",
        # "von 1960 Soldaten" (in German any noun, so a capital, even after a preposition).
        if w["NOUNS_CAPITALISED"] and nxt and nxt.group(1).isupper():
            return False
        if prev in w["YEAR_PREP"]:
            return True
        if w["NOUNS_CAPITALISED"]:
            return True
        if nxt and nxt.group(1).islower() and prev not in w.get("DEFINITE_ARTICLES", ()):
            return False
        if 1900 <= y <= 2050:
            return True
        return bool(re.match(r"\s*(?:[,.;:)\]–-]|$)", after))
    if c.rule == "deictic":
        if _prev_word(text, c.start) in w["DEICTIC_BLOCKERS"]:
            return False
        if norm(m.group("dd")) in w["LOWER_CASE_DEICTIC"] and original[c.start].isupper():
            return bool(re.search(r"(?:^|[\n.!?:„\"»])\s*$", text[max(0, c.start - 3) : c.start]))
    if c.rule == "duration" and "-" in text[m.end("q") : m.start("u")]:
        return False  # "a 10-year plan": an adjective, not a stretch of time
    if c.rule == "duration" and (
        lex.age_after.match(text, c.end) or lex.age_before.search(text, max(0, c.start - 25), c.start)
    ):
        return False  # "45 years old", "im Alter von 45 Jahren": an age
    if c.rule in ("duration", "set") and g.get("q"):
        q = norm(g["q"])
        if q in w.get("ARTICLES", ()) and _prev_word(text, c.start) not in w.get(
            "DURATION_PREP", frozenset()
        ):
            return False
    if c.rule in (
        "duration",
        "ago",
        "ago_pre",
        "earlier",
        "later",
        "later_pre",
        "in_future",
        "in_future_post",
    ):
        u, count = _unit(lex, g["u"])
        if u is None or (g.get("q") is None and count is None and c.rule not in ("ago_pre",)):
            return False
        if g.get("q") is None and count is None:
            return False
    if c.rule == "vague_duration":
        return _prev_word(text, c.start) in w["DURATION_PREP"]
    if c.rule == "quarter":
        return _unit(lex, g["u"])[0] in ("Q", "H1")
    if c.rule in ("rel", "rel_post", "same", "set"):
        return _unit(lex, g["u"])[0] is not None
    if c.rule == "clock":
        return not re.match(r"\s*(?:Uhr|h)\b", text[c.end : c.end + 5]) or True
    return True


def classes_in(text: str, lex: Lexicon) -> frozenset[str]:
    """The word classes (Rule.needs) that occur in the lower-cased `text`: one pass over its
    words instead of one pass of every rule. Generous by design: a class counts as present
    when any word could begin one of its phrases, also behind a clitic ("وأمس") or glued to a
    day number ("13januar")."""
    anchors = lex.anchors
    found: set[str] = set(anchors.get("", ()))
    clitics = lex.words["PROCLITICS"]
    for word in set(_WORD_RUN.findall(text)):
        got = anchors.get(word)
        if got:
            found |= got
        if clitics and word[0] in clitics:
            found |= anchors.get(word[1:], frozenset())
        if word[0].isdigit():
            rest = word.lstrip("0123456789")
            for cut in range(min(len(rest), 4)):
                found |= anchors.get(rest[cut:], frozenset())
    if _ANY_DIGIT.search(text):
        found.add("digit")
    return frozenset(found)


_WORD_RUN = re.compile(r"\w+")
_ANY_DIGIT = re.compile(r"\d")
_QTY_TAILS = (("ago", "ago"), ("fut", "in_future_post"), ("ear", "earlier"), ("lat", "later"))


def _candidates(text: str, original: str, lex: Lexicon) -> list[_Cand]:
    """Non-overlapping matches of all rules, longest first; `text` is lower-cased `original`."""
    found: list[_Cand] = []
    present = classes_in(text, lex)
    for order, rule in enumerate(lex.rules):
        if not rule.needs <= present:
            continue  # none of the words the rule begins with stands in the text
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                name = rule.name
                if name == "qty_unit":
                    name = next((n for group, n in _QTY_TAILS if m.group(group)), "duration")
                c = _Cand(m.start(), m.end(), order, name, m)
                if _accept(lex, text, original, c):
                    found.append(c)
    found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[_Cand] = []
    for c in found:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    for c in chosen:
        lead = lex.extent_strip.match(text, c.start, c.end)
        if lead:  # "am folgenden Tag": the phrase needs the preposition, the extent leaves it out
            c.start = lead.end()
        tail = lex.modifier_tail.search(text, max(0, c.start - 30), c.start)
        if tail and not any(taken[tail.start() : c.start]):
            c.mod = lex.lookup["MODIFIERS"].get(norm(tail.group("mod")))
            c.start = tail.start()
    return chosen


class _Context:
    """What relative expressions are counted from while the tagger walks through a text."""

    def __init__(self, text: str, lex: Lexicon, dct: date | None) -> None:
        self.text = text
        self.lex = lex
        self.dct = Point(dct, "day") if dct else None
        self.ref: Point | None = None
        self.ref_pos = -1
        self.year_pos = -1  # end of the last year the text wrote out, in the reference's year
        self.blocks: list[tuple[int, int, Point]] = []
        self.narrative = dct is None

    def detect_narrative(self, cands: list[_Cand]) -> None:
        """A text whose own dates lie years from its DCT is a history (or a DCT is a crawl time)."""
        if self.dct is None:
            return
        years = [int(c.m.group("y")) for c in cands if c.rule in _EXPLICIT and c.m.groupdict().get("y")]
        years = [y for y in years if y >= 1000]
        far = sum(1 for y in years if abs(y - self.dct.day.year) > 2)
        # News that looks back on history still speaks from its day: it says "today", "on
        # Tuesday", "a decade ago" as often as it gives a date; a history almost never does.
        deictic = sum(1 for c in cands if c.rule in _DEICTIC)
        explicit = sum(1 for c in cands if c.rule in _EXPLICIT)
        self.narrative = len(years) >= 5 and far >= 0.7 * len(years) and deictic < 0.3 * explicit

    def deictic(self, pos: int) -> Point | None:
        for s, e, p in self.blocks:
            if s <= pos < e:
                return p
        if self.narrative:
            return self.ref or self.dct
        return self.dct or self.ref

    def anaphoric(self, pos: int) -> Point | None:
        block = next((p for s, e, p in self.blocks if s <= pos < e), None)
        if self.ref and (block is None or self.ref_pos >= 0):
            return self.ref
        return block or self.dct

    def year_for(self, pos: int, month: int, day: int | None = None, quarter: bool = False) -> int | None:
        """The year of a date written without one: the text's last year, else the speaker's.

        `quarter`: a quarter or half starting in `month`, never one of next year (the results of a
        quarter are reported after it ends), and one later this year where the sentence looks ahead."""
        block = next((p for s, e, p in self.blocks if s <= pos < e), None)
        # News takes the year from the speaker's now, unless the same sentence gave one
        # ("on 3 March 1990 and again on 5 May"); narratives from the text's last year.
        if self.ref and (
            self.narrative or (self.year_pos >= 0 and not _SENTENCE_END.search(self.text, self.year_pos, pos))
        ):
            return self.ref.day.year
        base = block or self.dct or self.ref
        if base is None:
            return None
        if base is self.ref or base.precision != "day":
            return base.day.year
        # News: the nearest such month or day, back or ahead, where it lies a few months ahead at
        # most (a scheduled date, "payable Jan. 3", "a summit in April"); further ahead it is the
        # last one, unless the sentence looks ahead ("will join in April").
        now = base.day
        y = now.year
        if quarter:
            return y - 1 if month > now.month and not _future(self.lex, self.text, pos, pos + 1) else y
        ahead = (month - now.month) % 12 * 31 + (0 if day is None else day - now.day)
        if day is not None and month == now.month and day < now.day:
            ahead += 12 * 31
        if ahead == 0 or (day is None and month == now.month):
            return y
        wraps = (month, day or 0) < (now.month, now.day if day is not None else 0)
        window = FUTURE_WINDOW_DAYS
        if _future(self.lex, self.text, pos, pos + 1):
            window = FUTURE_CUED_DAYS
        elif _future(self.lex, self.text, pos, pos + 1, clause=True, cues="PAST_CUES"):
            # "was shot in February", "wurde im Februar gewählt": the last one; a day a few weeks
            # ahead is still a date set ("had been set to expire Nov. 6").
            window = 0 if day is None else 31
        if ahead <= window:
            return y + 1 if wraps else y
        return y if wraps else y - 1


def _house_number(lex: Lexicon, original: str, start: int, end: int) -> bool:
    """A number in a street address ("1205 Lone Oak Road", "1199 N. Poplar St.", "Hauptstraße
    1201", "the 1200 block of"): never a year, however year-like."""
    if lex.address_after is not None and lex.address_after.match(original, end, min(len(original), end + 60)):
        return True
    return lex.address_before is not None and bool(
        lex.address_before.search(original, max(0, start - 60), start)
    )


def _announced(lex: Lexicon, text: str, start: int) -> bool:
    """Whether a bare weekday dates an event the sentence announces: "unions called a strike on
    Tuesday", "appellent à la grève mardi", "kündigte einen Streik am Dienstag an". Not the day of
    the announcement itself ("announced on Tuesday that...", "a annoncé mardi")."""
    cues, events = lex.words["ANNOUNCE_CUES"], lex.words["PLANNED_EVENTS"]
    if not cues or not events:
        return False
    s = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 160)
    words = _WORD.findall(text[s + 1 : start])
    cue = max((i for i, w in enumerate(words) if w in cues), default=-1)
    if cue < 0:
        return False
    # The announced event stands between the cue and the day; with only "on" between them the
    # day is the announcement's own.
    return any(w in events for w in words[cue + 1 :])


def _future(
    lex: Lexicon, text: str, start: int, end: int, clause: bool = False, cues: str = "FUTURE_CUES"
) -> bool:
    """Whether the sentence around text[start:end] looks ahead ("will", "wird", "va"); with
    `cues="PAST_CUES"`, whether it tells of the past ("was", "wurde", "était").

    `clause`: only in the expression's own clause (up to a comma or semicolon), for a bare
    weekday: "Since the decision was announced Wednesday, they said they will appeal" is last
    Wednesday."""
    stops = ".\n,;" if clause else ".\n"
    s = max(max(text.rfind(ch, 0, start) for ch in stops), start - 80)
    e = min(x for x in (*(text.find(ch, end) for ch in stops), end + 30, len(text)) if x >= 0)
    words = set(_WORD.findall(text[s + 1 : e].lower()))
    return bool(words & lex.words[cues])


def _adj_dir(lex: Lexicon, a: str | None) -> int | None:
    if not a:
        return None
    a = norm(a)
    if a in lex.words["LAST"]:
        return -1
    if a in lex.words["NEXT"]:
        return 1
    if a in lex.words["THIS"]:
        return 0
    return None


def _day(y: int | None, mo: int, d: int) -> tuple[str, str] | None:
    if not 1 <= d <= 31:
        return None
    if y is None:
        return f"XXXX-{mo:02d}-{d:02d}", "day"
    try:
        return date(y, mo, d).isoformat(), "day"
    except ValueError:
        return None


def _full_year(ctx: _Context, yy: int) -> int:
    """The century of a two-digit year ("1.9.39"): the one nearest the year the text is at (a
    history's own dates, else the speaker's), never more than ten years after the speaker's
    now; without either, 50-99 are 19xx and 00-49 20xx."""
    now = ctx.dct.day.year if ctx.dct else None
    at = ctx.ref.day.year if ctx.ref and (ctx.narrative or now is None) else now
    if at is None:
        return yy + (1900 if yy >= 50 else 2000)
    base = at - at % 100
    y = min((base - 100 + yy, base + yy, base + 100 + yy), key=lambda c: abs(c - at))
    if now is not None and y > now + 10:
        y -= 100
    return y


def _month_from_now(mo: int, n: int, anchor: Point | None) -> tuple[str, str, str | None, Point | None]:
    """ "this September" (n 0) is the anchor's year; "last March" (-1) the latest March before
    the anchor's month, "next March" (+1) the first after it."""
    if anchor is None:
        return "DATE", f"XXXX-{mo:02d}", "month", None
    y = anchor.day.year
    if n < 0 and mo >= anchor.day.month:
        y -= 1
    elif n > 0 and mo <= anchor.day.month:
        y += 1
    return "DATE", f"{y:04d}-{mo:02d}", "month", anchor


def _explicit_year(lex: Lexicon, ctx: _Context, c: _Cand) -> tuple[int | None, bool]:
    """The year a date names: written out, "dieses Jahres", or None; and whether it was explicit."""
    g = c.m.groupdict()
    if g.get("y"):
        y = int(g["y"])
        return (_full_year(ctx, y) if y < 100 else y), True
    if g.get("yadj") and g.get("yu"):
        anchor = ctx.deictic(c.start)
        if anchor:
            return anchor.day.year + (_adj_dir(lex, g["yadj"]) or 0), True
    return None, False


def _evaluate(c: _Cand, lex: Lexicon, ctx: _Context) -> tuple[str, str, str | None, Point | None] | None:
    """(type, value, precision, anchor) of a candidate, or None to drop it."""
    g = c.m.groupdict()
    text = ctx.text
    look = lex.lookup
    r = c.rule
    if r == "iso":
        got = _day(int(g["y"]), int(g["m"]), int(g["d"])) if 1 <= int(g["m"]) <= 12 else None
        if got and g.get("H"):
            return "TIME", f"{got[0]}T{g['H']}:{g['M']}", "day", None
        return ("DATE", got[0], "day", None) if got else None
    if r == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        y = _full_year(ctx, y) if y < 100 else y
        d, mo = (b, a) if lex.words["NUMERIC_ORDER"] == "mdy" else (a, b)
        if mo > 12 and d <= 12:
            d, mo = mo, d
        if not 1 <= mo <= 12:
            return None
        got = _day(y, mo, d)
        return ("DATE", got[0], "day", None) if got else None
    if r == "daypart_date":
        part = look["DAY_PARTS"][norm(g["dp"])]
        mo = look["MONTHS"][norm(g["mo"] or g["mo2"])]
        day = int(g["d"] or g["d2"])
        y, _explicit = _explicit_year(lex, ctx, c)
        if y is None:
            y = ctx.year_for(c.start, mo, day)
        got = _day(y, mo, day)
        return ("TIME", f"{got[0]}T{part}", "day", None) if got else None
    if g.get("mo") and norm(g["mo"]) in look["JALALI_MONTHS"]:
        return _jalali(c, lex, ctx)
    if r in ("dmy", "day_range", "mdy"):
        mo = look["MONTHS"][norm(g["mo"])]
        y, _explicit = _explicit_year(lex, ctx, c)
        anchor = None
        if y is None:
            y = ctx.year_for(c.start, mo, int(g["d"]))
            anchor = ctx.ref or ctx.deictic(c.start)
        got = _day(y, mo, int(g["d"]))
        return ("DATE", got[0], "day", anchor) if got else None
    if r in ("my", "month_range"):
        mo = look["MONTHS"][norm(g["mo"])]
        y, _ = _explicit_year(lex, ctx, c)
        if y is None:
            return None
        return "DATE", f"{y:04d}-{mo:02d}", "month", None
    if r == "month":
        mo = look["MONTHS"][norm(g["mo"])]
        n = _adj_dir(lex, g.get("adj") or g.get("adj2"))
        if n is not None:
            return _month_from_now(mo, n, ctx.deictic(c.start))
        y = ctx.year_for(c.start, mo)
        return (
            "DATE",
            f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}",
            "month",
            ctx.ref or ctx.deictic(c.start),
        )
    if r == "year":
        y = int(g["y"])
        lo, hi = lex.words["JALALI_YEARS"]
        return "DATE", f"{y + 621 if lo <= y <= hi else y:04d}", "year", None
    if r == "deictic_unit":
        u, n = look["DEICTIC_UNITS"][norm(g["du"])]
        anchor = ctx.deictic(c.start)
        if anchor is None:
            return "DATE", "PRESENT_REF" if n == 0 else "PAST_REF", None, None
        value, prec = shift(anchor, u, n)
        return "DATE", value, prec, anchor
    if r == "vague_duration":
        return "DURATION", duration(None, look["VAGUE_DURATIONS"][norm(g["vu"])]), None, None
    if r == "counted_unit":
        u, count = _unit(lex, g["u"])
        return "DURATION", duration(count, u), None, None
    if r == "year_bc":
        return "DATE", f"BC{int(g['y']):04d}", None, None
    if r == "decade":
        if g.get("y"):
            return "DATE", g["y"][:3], None, None
        base = ctx.deictic(c.start)
        yy = int(g["yy"])
        century = 19 if base is None or yy > base.day.year % 100 else base.day.year // 100
        return "DATE", f"{century}{g['yy'][0]}", None, base
    if r == "century":
        n = int(g["c"]) if g.get("c") and g["c"].isdigit() else None
        if n is None and g.get("c"):
            n = _roman(g["c"])
        if n is None and g.get("cw"):
            v = look["ORDINALS"].get(norm(g["cw"])) or _roman(g["cw"])
            n = v if isinstance(v, int) and v > 0 else None
        if not n or n > 21:
            return None
        return "DATE", f"{n - 1:02d}", None, None
    if r in ("deictic", "rel_daypart"):
        anchor = ctx.deictic(c.start)
        part = None
        if r == "deictic":
            v = look["DEICTIC_DAYS"][norm(g["dd"])]
            off, part = v if isinstance(v, tuple) else (v, None)
        else:
            off = 0
        if g.get("dp"):
            part = look["DAY_PARTS"].get(norm(g["dp"]), part)
        if anchor is None or (ctx.narrative and off == 0 and not part and anchor is not ctx.dct):
            return (
                "DATE",
                "PRESENT_REF" if off == 0 else ("PAST_REF" if off < 0 else "FUTURE_REF"),
                None,
                None,
            )
        value, prec = shift(anchor, "D", off)
        if part:
            return "TIME", f"{value}T{part}", prec, anchor
        return "DATE", value, prec, anchor
    if r in ("rel", "rel_post"):
        u, _ = _unit(lex, g["u"])
        n = _adj_dir(lex, g["adj"])
        if u is not None and norm(g["u"]) in look["VAGUE_DURATIONS"]:
            # "the coming months", "in den folgenden Tagen": a stretch of uncounted units, not the
            # next month or day.
            return "DURATION", duration(None, u), None, None
        if u not in _DATE_UNITS or n is None:
            return None
        anaphoric = u == "D" and n != 0
        anchor = ctx.anaphoric(c.start) if anaphoric else ctx.deictic(c.start)
        if anchor is None:
            return "DATE", "PRESENT_REF" if n == 0 else ("PAST_REF" if n < 0 else "FUTURE_REF"), None, None
        value, prec = shift(anchor, u, n)
        return "DATE", value, prec, anchor
    if r == "anaphoric":
        u, n = look["ANAPHORIC"][norm(g["ana"])]
        anchor = ctx.anaphoric(c.start)
        if anchor is None:
            return None
        value, prec = shift(anchor, u, n)
        return "DATE", value, prec, anchor
    if r == "same":
        u, _ = _unit(lex, g["u"])
        anchor = ctx.anaphoric(c.start)
        if anchor is None or u not in _DATE_UNITS:
            return None
        value, prec = shift(anchor, u, 0)
        return "DATE", value, prec, anchor
    if r in ("ago", "ago_pre", "in_future", "in_future_post", "earlier", "later", "later_pre"):
        u, count = _unit(lex, g["u"])
        q = _quantity(lex, g.get("q")) if g.get("q") else count
        sign = 1 if r.startswith(("in_future", "later")) else -1
        anchor = ctx.anaphoric(c.start) if r in _ANAPHORIC else ctx.deictic(c.start)
        if q is None or anchor is None or u not in _DATE_UNITS or not float(q).is_integer():
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, anchor
        value, prec = shift(anchor, u, sign * int(q))
        return "DATE", value, prec, anchor
    if r in ("duration", "last_n"):
        u, count = _unit(lex, g["u"])
        if u is None:
            return None
        q = _quantity(lex, g["q"])
        if q is not None and count:
            q *= count
        return "DURATION", duration(q, u), None, None
    if r == "past_unit":
        u, count = _unit(lex, g["u"])
        if u is not None and norm(g["u"]) in look["VAGUE_DURATIONS"]:
            return "DURATION", duration(None, u), None, None  # "the past years": uncounted
        return ("DURATION", duration(count or 1, u), None, None) if u else None
    if r == "weekday":
        wd = look["WEEKDAYS"][norm(g["wd"])]
        n = _adj_dir(lex, g.get("adj") or g.get("adj2"))
        anchor = ctx.deictic(c.start)
        if anchor is not None and anchor.precision != "day" and ctx.dct is not None:
            anchor = ctx.dct
        part = look["DAY_PARTS"].get(norm(g["dp"])) if g.get("dp") else None
        if anchor is None or anchor.precision != "day":
            return "DATE", f"XXXX-WXX-{wd + 1}", None, anchor
        a = anchor.day
        if n is None:
            if ctx.dct is None and anchor is ctx.ref:
                n = 1  # narrative: the next such day after the last date given
            else:
                ahead = _future(lex, text, c.start, c.end, clause=True)
                n = 1 if ahead or _announced(lex, text, c.start) else -1
            back = (a.weekday() - wd) % 7
            fwd = (wd - a.weekday()) % 7
        else:
            back = (a.weekday() - wd) % 7 or (7 if n < 0 else 0)
            fwd = (wd - a.weekday()) % 7 or (7 if n > 0 else 0)
        if n == 0:
            d = a + timedelta(days=wd - a.weekday())
        else:
            d = a - timedelta(days=back) if n < 0 else a + timedelta(days=fwd)
        if part:
            return "TIME", f"{d.isoformat()}T{part}", "day", anchor
        return "DATE", d.isoformat(), "day", anchor
    if r == "weekdays":
        return "SET", f"XXXX-WXX-{look['WEEKDAYS_PLURAL'][norm(g['wds'])] + 1}", None, None
    if r == "set":
        u, count = _unit(lex, g["u"])
        q = _quantity(lex, g.get("q")) if g.get("q") else (count or 1)
        return ("SET", duration(q, u), None, None) if u else None
    if r == "set_word":
        return "SET", look["SET_WORDS"][norm(g["sw"])], None, None
    if r == "season":
        s = look["SEASONS"][norm(g["se"])]
        y, _ = _explicit_year(lex, ctx, c)
        anchor = None
        n = _adj_dir(lex, g.get("adj") or g.get("adj2"))
        if y is None:
            anchor = ctx.deictic(c.start) if n is not None else ctx.anaphoric(c.start)
            if anchor is None:
                return "DATE", f"XXXX-{s}", None, None
            y = anchor.day.year + (n or 0)
        return "DATE", f"{y:04d}-{s}", "year", anchor
    if r == "quarter":
        u, _ = _unit(lex, g["u"])
        k = look["ORDINALS"].get(norm(g["ord"]))
        if not isinstance(k, int):
            return None
        top = 4 if u == "Q" else 2
        k = top if k == -1 else k
        if not 1 <= k <= top:
            return None
        y, _ = _explicit_year(lex, ctx, c)
        if y is None and g.get("yq"):
            y = int(g["yq"])
        anchor = None
        if y is None:
            anchor = ctx.deictic(c.start)
            if anchor is None:
                return "DATE", f"XXXX-{'Q' if u == 'Q' else 'H'}{k}", None, None
            # As with a month: news reports the latest such quarter, not one still ahead,
            # unless the sentence looks ahead ("the fourth quarter" in January is last year's).
            first_month = (k - 1) * (3 if u == "Q" else 6) + 1
            y = ctx.year_for(c.start, first_month, quarter=True) or anchor.day.year
        return "DATE", f"{y:04d}-{'Q' if u == 'Q' else 'H'}{k}", "year", anchor
    if r == "ref":
        return "DATE", look["REFS"][norm(g["ref"])], None, None
    if r in ("clock", "time"):
        if g.get("noon"):
            h, mi = (12, 0) if norm(g["noon"]).startswith(("noon", "mittag", "midi", "mediod")) else (24, 0)
        else:
            h, mi = int(g["h"]), int(g.get("m") or 0)
            ap = (g.get("ap") or "").lower()
            if ap == "p" and h < 12:
                h += 12
            if ap == "a" and h == 12:
                h = 0
        if h > 24 or mi > 59:
            return None
        anchor = ctx.deictic(c.start)
        day = anchor.value() if anchor and anchor.precision == "day" else "XXXX-XX-XX"
        return "TIME", f"{day}T{h:02d}:{mi:02d}", "day" if anchor else None, anchor
    return None


def _jalali(c: _Cand, lex: Lexicon, ctx: _Context) -> tuple[str, str, str | None, Point | None] | None:
    """A solar Hijri date, given as its Gregorian value."""
    g = c.m.groupdict()
    jm = lex.lookup["JALALI_MONTHS"][norm(g["mo"])]
    anchor = None
    if g.get("y"):
        jy = int(g["y"])
    else:
        anchor = ctx.ref or ctx.deictic(c.start)
        if anchor is None:
            return None
        jy = jalali_year(anchor.day)
    d = int(g["d"]) if g.get("d") else None
    if d is not None and not 1 <= d <= 31:
        return None
    try:
        if d is None:
            return "DATE", jalali_to_gregorian(jy, jm, 15).isoformat()[:7], "month", anchor
        return "DATE", jalali_to_gregorian(jy, jm, d).isoformat(), "day", anchor
    except (ValueError, OverflowError):
        return None


# How far ahead of the speaker's now a month or day without a year may lie (in 31-day months):
# without a cue, about a third of a year; where the sentence looks ahead, half a year.
FUTURE_WINDOW_DAYS = 4 * 31
FUTURE_CUED_DAYS = 6 * 31
_POST_PARAGRAPH = 300  # a post is short: a paragraph longer than a tweet is the article again
_POST_TOTAL = 900


def _post_start(text: str, sig_start: int, floor: int) -> int:
    """Where the post closed by a signature line at `sig_start` begins.

    The paragraphs right above the signature, back to a longer paragraph (the article), the
    previous post, or a length a post cannot have; at least the one above.
    """
    paragraphs = [m for m in re.finditer(r"[^\n]+", text[floor:sig_start]) if m.group(0).strip()]
    begin = sig_start
    for i, p in enumerate(reversed(paragraphs)):
        if i > 0 and (len(p.group(0)) > _POST_PARAGRAPH or sig_start - (floor + p.start()) > _POST_TOTAL):
            break
        begin = floor + p.start()
    return begin


def _dated_blocks(text: str, lex: Lexicon, cands: list[_Cand], ctx: _Context) -> dict[int, str]:
    """Find stretches of text with their own "now"; return values fixed by an apposition."""
    fixed: dict[int, str] = {}
    day_rules = ("iso", "numeric", "dmy", "mdy")
    # Embedded posts: the signature line dates the block it closes.
    for sig in _SIGNATURE.finditer(text):
        inside = [c for c in cands if sig.start() <= c.start < sig.end() and c.rule in day_rules]
        if not inside:
            continue
        got = _evaluate(inside[-1], lex, ctx)
        # A date without a year and no DCT ("XXXX-04-05") cannot anchor anything.
        if not got or got[2] != "day" or (day := parse_iso_date(got[1])) is None:
            continue
        previous = max([e for _, e, _ in ctx.blocks if e <= sig.start()], default=0)
        begin = _post_start(text, sig.start(), previous)
        ctx.blocks.append((begin, sig.end(), Point(day, "day")))
    # Quotes whose "today" an apposition names: "heute, am 13. Januar dieses Jahres".
    quotes = [(q.start(), q.end()) for q in _QUOTES.finditer(text)]
    for a, b in itertools.pairwise(cands):
        if a.rule != "deictic" or b.rule not in day_rules:
            continue
        if lex.lookup["DEICTIC_DAYS"].get(norm(a.m.group("dd"))) != 0:
            continue
        if not re.fullmatch(r"\s*[,(–—-]?\s*(?:\w{1,4}\s+)?", text[a.end : b.start]):
            continue
        got = _evaluate(b, lex, ctx)
        if not got or got[2] != "day" or (named := parse_iso_date(got[1])) is None:
            continue
        fixed[a.start] = got[1]
        day = Point(named, "day")
        span = next(((s, e) for s, e in quotes if s <= a.start < e), None)
        if span:
            ctx.blocks.append((span[0], span[1], day))
    return fixed


def find_timexes(text: str, lang: str, dct: str | None = None) -> list[Timex]:
    """Time expressions in `text` (language `lang`) with TIMEX3 values, in text order.

    `dct` is the publication date (ISO); relative expressions are counted from it, from the
    date of a dated quote or post they stand in, or from the last date the text gave (see
    the module docstring). Without a DCT, the text's own dates are the only anchor.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    original = text
    text = _lower(text.translate(_DIGITS) if _NATIVE_DIGIT.search(text) else text)
    lex = lexicon(lang)
    ctx = _Context(text, lex, parse_iso_date(dct))
    cands = _candidates(text, original, lex)
    ctx.detect_narrative(cands)
    fixed = _dated_blocks(text, lex, cands, ctx)
    out: list[Timex] = []
    for c in cands:
        got = _evaluate(c, lex, ctx)
        if got is None:
            continue
        typ, value, prec, anchor = got
        if c.start in fixed:
            value, anchor = fixed[c.start], Point(date.fromisoformat(fixed[c.start][:10]), "day")
        quarter = _QUARTER.match(value) if typ == "DATE" else None
        prec = "year" if prec == "quarter" else prec  # Timex precision: day | week | month | year
        out.append(Timex(c.start, c.end, original[c.start : c.end], typ, value, c.mod, prec,
                         anchor.value() if anchor else None,
                         _prev_word(text, c.start) in lex.words["SINCE"]))  # fmt: skip
        if typ in ("DATE", "TIME") and prec in ("day", "month", "year") and not value.startswith("X"):
            if (c.rule in _EXPLICIT or c.rule in _ANAPHORIC) and not _looks_back(c, lex):
                start_day = _start_of(value, prec)
                ref_prec = prec
                if quarter:  # a quarter is counted from as a quarter ("a year earlier")
                    start_day = date(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1)
                    ref_prec = "quarter"
                if (
                    start_day
                    and _moves_reference(ctx.ref, start_day, ref_prec, text[max(0, c.start - 15) : c.start])
                    and not (c.rule == "year" and _aside_year(lex, text, c))
                ):
                    ctx.ref, ctx.ref_pos = Point(start_day, ref_prec), c.end
                # A year written out puts the rest of its sentence in that year ("on 3 March 1990
                # and again on 5 May", "killings of 2015 — the Fourth of July slaying"); a year
                # the tagger inferred does not ("payable Jan. 3 to stock of record Nov. 16").
                if ctx.ref and c.m.groupdict().get("y") and value[:4] == f"{ctx.ref.day.year:04d}":
                    ctx.year_pos = c.end
    _attach_clock_times(out, text)
    return out


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_CLOCK = re.compile(r"^(?:[^T]*)T(\d\d:\d\d)$")


def _attach_clock_times(timexes: list[Timex], text: str) -> None:
    """ "3 p.m. Friday", "Tuesday at 3 pm": a clock time next to a day takes that day."""
    for i, t in enumerate(timexes):
        clock = _CLOCK.match(t.value) if t.type == "TIME" else None
        if not clock:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(timexes):
                continue
            other = timexes[j]
            gap = text[other.end : t.start] if j < i else text[t.end : other.start]
            if other.precision == "day" and other.type == "DATE" and len(gap) <= 6 and "\n" not in gap:
                if re.fullmatch(r"[\s,]*(?:\w{1,3}[\s,]+)?", gap):
                    t.value, t.anchored_on = f"{other.value[:10]}T{clock.group(1)}", other.value[:10]
                    break


def _looks_back(c: _Cand, lex: Lexicon) -> bool:
    """Whether an anaphoric expression looks back from the narrative's time ("im Vorjahr",
    "two years earlier", "tags zuvor"): a glance back, after which the text goes on where it
    was; made the reference, it would pull every later date without a year into the past."""
    if c.rule == "earlier":
        return True
    if c.rule == "anaphoric":
        return lex.lookup["ANAPHORIC"][norm(c.m.group("ana"))][1] < 0
    return False


def _aside_year(lex: Lexicon, text: str, c: _Cand) -> bool:
    """Whether a bare year is said in passing, not as the time the text has come to: the end or
    start of a stretch ("bis 1915", "ab 1941", "since 2013"), a part of a name ("die Deklaration
    von Paris von 1856", "der Krieg 1870/71")."""
    if _prev_word(text, c.start) in lex.words["SINCE"] | lex.words["YEAR_ASIDE"]:
        return True
    return bool(re.match(r"/\d", text[c.end : c.end + 2]))


def _moves_reference(ref: Point | None, day: date, prec: str, before: str) -> bool:
    """Whether a date becomes the narrative's reference time.

    Not a date in parentheses (an aside: "(born 1890)"), and not a bare year that repeats the
    reference's year: it would throw away the month and day the text is at.
    """
    if "(" in before and ")" not in before.split("(")[-1]:
        return False
    return not (prec == "year" and ref is not None and ref.day.year == day.year)


def _start_of(value: str, prec: str) -> date | None:
    try:
        if prec == "day":
            return date.fromisoformat(value[:10])
        if prec == "month":
            return date(int(value[:4]), int(value[5:7]), 1)
        return date(int(value[:4]), 1, 1)
    except ValueError:
        return None
