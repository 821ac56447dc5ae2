"""English date words for lagebild.time (see lagebild.time.lexicon for what each name means)."""

MONTHS = {
    "january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar.": 3,
    "april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7,
    "august": 8, "aug": 8, "aug.": 8, "september": 9, "sept": 9, "sept.": 9, "sep.": 9,
    "october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11,
    "december": 12, "dec": 12, "dec.": 12,
}  # fmt: skip
# Month words that are also ordinary words: only dates when written with a capital or next to a number.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar.", "jan", "sept", "fall", "spring"})
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAYS_PLURAL = {"mondays": 0, "tuesdays": 1, "wednesdays": 2, "thursdays": 3, "fridays": 4,
                   "saturdays": 5, "sundays": 6}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a half": 0.5, "half a": 0.5, "one and a half": 1.5,
}  # fmt: skip
# Vague quantities: "a few days ago" -> PAST_REF, "several years" -> PXY.
FEW = frozenset({"a few", "few", "several", "some", "many", "a couple of", "couple of", "a number of"})
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "21st": 21, "last": -1, "final": -1,
}  # fmt: skip
UNITS = {
    "year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W", "day": "D",
    "days": "D", "hour": "H", "hours": "H", "minute": "MIN", "minutes": "MIN", "decade": "DE",
    "decades": "DE", "century": "CE", "centuries": "CE", "quarter": "Q", "quarters": "Q",
    "weekend": "WE", "weekends": "WE", "fortnight": ("W", 2), "half": "H1",
}  # fmt: skip
DEICTIC_DAYS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "tonight": (0, "NI"),
    "the day before yesterday": -2, "the day after tomorrow": 2, "last night": (-1, "NI"),
}  # fmt: skip
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "noon": "MI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
LAST = frozenset({"last", "previous", "preceding", "prior"})
NEXT = frozenset({"next", "coming", "upcoming", "following", "subsequent"})
THIS = frozenset({"this", "current", "the current"})
SAME = frozenset({"the same", "that"})
# "the past year": a duration in news English, not the previous calendar year.
PAST_DURATION = frozenset({"past"})
AGO_AFTER = ("ago", "back")
AGO_BEFORE = ()
IN_FUTURE = ()
IN_FUTURE_AFTER = ("from now", "hence")
# Not "before"/"after": "two days after the vote" counts from the vote, not from a date.
EARLIER = ("earlier", "previously")
LATER = ("later", "afterwards", "afterward")
LATER_BEFORE = ()
ANAPHORIC = {
    "the next day": ("D", 1), "the following day": ("D", 1), "the day before": ("D", -1),
    "the previous day": ("D", -1), "the day after": ("D", 1), "the same day": ("D", 0),
    "that day": ("D", 0), "the following year": ("Y", 1), "the previous year": ("Y", -1),
    "that year": ("Y", 0), "the same year": ("Y", 0), "that month": ("M", 0),
    "the following month": ("M", 1), "the following week": ("W", 1), "the year before": ("Y", -1),
}  # fmt: skip
REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "right now": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "the future": "FUTURE_REF", "recent days": "PAST_REF",
    "recent weeks": "PAST_REF", "recent months": "PAST_REF", "recent years": "PAST_REF",
}  # fmt: skip
MODIFIERS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "beginning of": "START",
    "late": "END", "the end of": "END", "end of": "END", "mid": "MID", "mid-": "MID",
    "the middle of": "MID", "middle of": "MID", "about": "APPROX", "around": "APPROX",
    "approximately": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "less than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "roughly": "APPROX",
}  # fmt: skip
SET_PREFIX = frozenset({"every", "each", "per"})
# "annual", "quarterly" are mostly adjectives of reports ("the annual meeting"): left out.
SET_WORDS = {"annually": "P1Y", "daily": "P1D", "hourly": "PT1H", "nightly": "P1D",
             "every day": "P1D", "each year": "P1Y", "twice a year": "P6M"}  # fmt: skip
# News speaks of the period it is in with the definite article; "the quarter" of a business
# report is the last one completed (results come out after the quarter ends).
DEICTIC_UNITS = {"the quarter": ("Q", -1), "the latest quarter": ("Q", -1), "the current quarter": ("Q", 0),
                 "the week": ("W", 0), "the month": ("M", 0)}  # fmt: skip
# Bare plurals after a duration preposition: "for weeks" (PXW).
VAGUE_DURATIONS = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "decades": "DE", "hours": "H",
                   "centuries": "CE", "minutes": "MIN"}  # fmt: skip
# Words before a bare year that make it a year ("in 1998"), and nouns that may head it ("the year 1998").
YEAR_PREP = frozenset({"in", "since", "by", "until", "till", "from", "of", "for", "during", "before",
                       "after", "through", "to", "and", "fiscal", "early", "late", "mid", "year"})  # fmt: skip
YEAR_NOUN = ("the year", "year", "fiscal", "fiscal year")
YEAR_SUFFIX = ()
DAY_SUFFIX = r"(?:st|nd|rd|th)?"
DAY_MONTH_LINK = ("of", "of the")
MONTH_YEAR_LINK = ("of",)
RANGE = ("to", "-", "–", "and", "through", "until")
MONTH_FIRST = True  # "January 13, 2022"
NUMERIC_ORDER = "mdy"
# Only firm markers of the future: "expected", "plans" also go with past events.
FUTURE_CUES = frozenset({"will", "shall", "'ll", "scheduled", "tomorrow", "slated", "payable", "upcoming"})
PAST_CUES = frozenset({"was", "were", "had", "did", "ago"})
TIME_PATTERNS = (
    r"(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\.?(?!\w)",
    r"(?P<h>[01]?\d)\s+o'clock",
    r"(?P<noon>noon|midnight)",
)
DECADE_PATTERNS = (r"(?:the\s+)?(?P<y>1\d\d0|20\d0)'?s", r"(?:the\s+)?'(?P<yy>\d0)s")
CENTURY_PATTERNS = (r"(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century",
                    r"(?:the\s+)?(?P<cw>\w+)\s+century")  # fmt: skip
DEICTIC_BLOCKERS = frozenset()
# "a week" is a duration only after one of these ("for a week"); elsewhere it is often "twice a week".
ARTICLES = frozenset({"a", "an"})
DURATION_PREP = frozenset({"for", "over", "within", "in", "about", "nearly", "almost", "than", "last", "past",
                           "next", "first", "after", "during", "throughout", "around", "least"})  # fmt: skip
YEAR_BC = ("bc", "b.c.", "bce", "b.c.e.")
PUBLISHED_CUES = ("published", "updated", "posted", "last modified", "first published")
DAYPART_LINK = ("of",)
AGE_AFTER = ("old", "of age")
AGE_BEFORE = ("aged", "age of")
EXTENT_STRIP = ("on", "in")
DEFINITE_ARTICLES = ("the",)

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset(
    "announced announce announces called call calls urged urge plan plans planned planning scheduled threatened threaten vowed set organised organized".split()
)
PLANNED_EVENTS = frozenset(
    "strike strikes walkout walkouts protest protests march marches rally rallies demonstration demonstrations sit-in vote referendum election elections shutdown blockade boycott meeting summit talks hearing".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_AFTER = (
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]*\.?\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Terrace|Trail|Pike)\b",
    r"\s+block\b",
)

# A date after these words opens a period that runs on ("since 2013"): it dates no event.
SINCE = frozenset({"since"})
# A bare year after these is said in passing ("plans drawn up from 1941", "until 1915"): a
# narrative stays where it was.
YEAR_ASIDE = frozenset({"until", "till", "from", "of"})
