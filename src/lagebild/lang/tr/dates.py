"""Turkish date words for lagebild.time (see lagebild.time.lexicon for what each name means).

Turkish glues case endings to words ("Ocak'ta", "yılında"): the common inflected forms are
listed, and an apostrophe before a suffix ends a word for the tagger anyway.
"""


def _forms(words: dict[str, object], endings: tuple[str, ...]) -> dict[str, object]:
    return {w + e: v for w, v in words.items() for e in endings}


MONTHS = {
    **_forms({"ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
              "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12}, ("", " ayında", " ayı")),
    "ocakta": 1, "şubatta": 2, "martta": 3, "nisanda": 4, "mayısta": 5, "haziranda": 6, "temmuzda": 7,
    "ağustosta": 8, "eylülde": 9, "ekimde": 10, "kasımda": 11, "aralıkta": 12,
}  # fmt: skip
AMBIGUOUS_MONTHS = frozenset({"ekim", "kasım", "nisan", "mart", "yaz", "yazın"})  # also common words or names
WEEKDAYS = _forms({"pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4, "cumartesi": 5,
                   "pazar": 6}, ("", " günü"))  # fmt: skip
NUMBERS = {"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9,
           "on": 10, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "yüz": 100, "birkaç": None}  # fmt: skip
NUMBERS = {k: v for k, v in NUMBERS.items() if v is not None}
FEW = frozenset({"birkaç", "birçok", "kaç"})
ORDINALS = {"ilk": 1, "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "son": -1}
UNITS = {
    **_forms({"yıl": "Y", "sene": "Y"}, ("", "dır", "dir", "lık", "lik", "ı", "i", "ın", "in", "da", "de",
                                       "ında", "inde", "lar", "ler", "lardır")),
    **_forms({"ay": "M", "hafta": "W", "gün": "D", "saat": "H", "dakika": "MIN"},
             ("", "dır", "dir", "dur", "dür", "lık", "lik", "luk", "lük", "ı", "i", "u", "ü", "ın", "in",
              "da", "de", "ta", "te", "lar", "ler", "ya", "ye")),
    "yüzyıl": "CE", "yüzyılda": "CE", "yüzyılın": "CE", "çeyrek": "Q", "çeyrekte": "Q", "hafta sonu": "WE",
}  # fmt: skip
DEICTIC_DAYS = {"bugün": 0, "dün": -1, "yarın": 1, "evvelsi gün": -2, "öbür gün": 2, "bu sabah": (0, "MO"),
                "bu akşam": (0, "EV"), "bu gece": (0, "NI"), "dün gece": (-1, "NI"), "dün akşam": (-1, "EV"),
                "dün sabah": (-1, "MO"), "bugünkü": 0, "dünkü": -1}  # fmt: skip
DAY_PARTS = {"sabah": "MO", "öğleden sonra": "AF", "akşam": "EV", "gece": "NI"}
SEASONS = {"ilkbahar": "SP", "ilkbaharda": "SP", "yaz": "SU", "yazın": "SU", "sonbahar": "FA",
           "sonbaharda": "FA", "kış": "WI", "kışın": "WI"}  # fmt: skip
LAST = frozenset({"geçen", "geçtiğimiz", "önceki", "son"})
NEXT = frozenset({"gelecek", "önümüzdeki", "ertesi", "sonraki", "bir sonraki"})
THIS = frozenset({"bu"})
SAME = frozenset({"aynı"})
AGO_AFTER = ("önce",)
IN_FUTURE_AFTER = ("içinde", "sonra içinde")
EARLIER = ("evvel",)
LATER = ("sonra",)
ANAPHORIC = {"ertesi gün": ("D", 1), "bir gün önce": ("D", -1), "aynı gün": ("D", 0), "o gün": ("D", 0),
             "ertesi yıl": ("Y", 1), "o yıl": ("Y", 0), "aynı yıl": ("Y", 0)}  # fmt: skip
REFS = {"şimdi": "PRESENT_REF", "şu anda": "PRESENT_REF", "halen": "PRESENT_REF", "günümüzde": "PRESENT_REF",
        "son zamanlarda": "PAST_REF", "geçenlerde": "PAST_REF", "gelecekte": "FUTURE_REF"}  # fmt: skip
MODIFIERS = {
    "yaklaşık": "APPROX",
    "yaklaşık olarak": "APPROX",
    "en az": "EQUAL_OR_MORE",
    "neredeyse": "LESS_THAN",
}
SET_PREFIX = frozenset({"her"})
SET_WORDS = {"her gün": "P1D", "her hafta": "P1W", "her ay": "P1M", "her yıl": "P1Y", "yıllık": "P1Y"}
YEAR_PREP = frozenset({"yılı", "yılında", "ve", "ile", "sene"})
YEAR_SUFFIX = (
    "yılında",
    "yılı",
    "yılının",
    "yılından",
    "'da",
    "'de",
    "'te",
    "'ta",
    "’da",
    "’de",
    "’te",
    "’ta",
)
YEAR_BC = ("mö", "m.ö.", "milattan önce")
DAY_SUFFIX = r"(?:\.)?"
RANGE = ("-", "–", "ile", "ve")
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"yarın", "gelecek", "önümüzdeki", "olacak", "yapılacak", "edecek"})
TIME_PATTERNS = (r"saat\s+(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?",)
DECADE_PATTERNS = (r"(?P<y>1\d\d0|20\d0)'?(?:l[ıi]|’l[ıi])\s*(?:yıllar\w*)?",)
CENTURY_PATTERNS = (r"(?P<c>\d{1,2})\.\s*yüzyıl\w*",)
PUBLISHED_CUES = ("yayınlanma", "güncelleme", "yayımlanma")
AGE_AFTER = ("yaşında", "yaşındaki")
AGE_BEFORE = ()

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset("duyurdu açıkladı çağrı çağrısı çağırdı".split())
PLANNED_EVENTS = frozenset(
    "grev grevi eylem eylemi protesto yürüyüş yürüyüşü miting seçim referandum zirve".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_BEFORE = (r"(?i:sokak|sokağı|cadde|caddesi|bulvar|bulvarı|mahallesi)\s+(?:no\s*:?\s*)?",)
