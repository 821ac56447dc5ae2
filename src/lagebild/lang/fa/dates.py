"""Persian date words for lagebild.time (see lagebild.time.lexicon for what each name means).

Iranian news dates by the solar Hijri calendar ("۲۳ دی ۱۴۰۰"): its months are in JALALI_MONTHS
and the tagger converts them; Gregorian month names are used for foreign news. Persian
digits are read as digits.
"""

MONTHS = {"ژانویه": 1, "ژانویهٔ": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "مه": 5, "می": 5, "ژوئن": 6,
          "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11,
          "دسامبر": 12}  # fmt: skip
JALALI_MONTHS = {"فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "تیرماه": 4, "مرداد": 5, "امرداد": 5,
                 "شهریور": 6, "مهر": 7, "مهرماه": 7, "آبان": 8, "آذر": 9, "دی": 10, "دی‌ماه": 10, "دیماه": 10,
                 "بهمن": 11, "اسفند": 12}  # fmt: skip
# Month names that are also common words ("تیر" arrow, "مهر" seal, "می" a verb prefix).
AMBIGUOUS_MONTHS = frozenset({"تیر", "مهر", "دی", "می", "مه"})
JALALI_YEARS = (1300, 1499)
WEEKDAYS = {"دوشنبه": 0, "سه‌شنبه": 1, "سه شنبه": 1, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "پنج‌شنبه": 3,
            "پنج شنبه": 3, "جمعه": 4, "شنبه": 5, "یکشنبه": 6, "یک‌شنبه": 6}  # fmt: skip
NUMBERS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "ده": 10,
           "بیست": 20, "سی": 30, "صد": 100}  # fmt: skip
FEW = frozenset({"چند"})
ORDINALS = {"اول": 1, "نخست": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "آخر": -1}
UNITS = {"سال": "Y", "سال‌ها": "Y", "ماه": "M", "ماه‌ها": "M", "هفته": "W", "هفته‌ها": "W", "روز": "D",
         "روزها": "D", "روز‌ها": "D", "ساعت": "H", "دقیقه": "MIN", "دهه": "DE", "قرن": "CE", "سده": "CE",
         "فصل": "Q"}  # fmt: skip
DEICTIC_DAYS = {"امروز": 0, "دیروز": -1, "فردا": 1, "پریروز": -2, "پس فردا": 2, "پس‌فردا": 2,
                "امشب": (0, "NI"), "دیشب": (-1, "NI"), "صبح امروز": (0, "MO"), "عصر دیروز": (-1, "AF"),
                "صبح دیروز": (-1, "MO"), "شب گذشته": (-1, "NI")}  # fmt: skip
DAY_PARTS = {"صبح": "MO", "ظهر": "MI", "عصر": "AF", "شب": "NI", "بعدازظهر": "AF"}
SEASONS = {"بهار": "SP", "تابستان": "SU", "پاییز": "FA", "زمستان": "WI"}
LAST = frozenset({"گذشته", "پیش", "قبل", "اخیر"})
NEXT = frozenset({"آینده", "بعد", "دیگر", "آتی"})
THIS = frozenset({"این", "جاری"})
DEICTIC_UNITS = {"امسال": ("Y", 0), "پارسال": ("Y", -1), "سال جاری": ("Y", 0)}
SAME = frozenset({"همان"})
AGO_AFTER = ("پیش", "قبل")
IN_FUTURE_AFTER = ("دیگر",)
LATER = ("بعد",)
ANAPHORIC = {"روز بعد": ("D", 1), "فردای آن روز": ("D", 1), "روز قبل": ("D", -1), "همان روز": ("D", 0),
             "سال بعد": ("Y", 1), "همان سال": ("Y", 0)}  # fmt: skip
REFS = {"اکنون": "PRESENT_REF", "حالا": "PRESENT_REF", "هم‌اکنون": "PRESENT_REF", "در حال حاضر": "PRESENT_REF",
        "اخیرا": "PAST_REF", "اخیراً": "PAST_REF", "در آینده": "FUTURE_REF", "امسال": None}  # fmt: skip
REFS = {k: v for k, v in REFS.items() if v}
MODIFIERS = {"حدود": "APPROX", "تقریبا": "APPROX", "تقریباً": "APPROX", "بیش از": "MORE_THAN",
             "کمتر از": "LESS_THAN", "اوایل": "START", "اواخر": "END", "اواسط": "MID", "اوائل": "START"}  # fmt: skip
SET_PREFIX = frozenset({"هر"})
SET_WORDS = {"روزانه": "P1D", "هفتگی": "P1W", "ماهانه": "P1M", "سالانه": "P1Y"}
YEAR_PREP = frozenset({"در", "سال", "از", "تا", "و", "سالِ"})
YEAR_NOUN = ("سال",)
YEAR_SUFFIX = ("میلادی", "شمسی", "خورشیدی")
YEAR_BC = ("پیش از میلاد", "ق.م")
DAY_SUFFIX = r"(?:\s*ام)?"
RANGE = ("-", "–", "تا", "و")
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"خواهد", "خواهند", "فردا", "آینده"})
TIME_PATTERNS = (r"ساعت\s+(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?",)
PUBLISHED_CUES = ("تاریخ انتشار", "منتشر شده", "به‌روزرسانی")
AGE_AFTER = ("سن",)
AGE_BEFORE = ("در سن",)
EXTENT_STRIP = ("در",)
ADJ_AFTER_NOUN = True

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset("اعلام فراخوان".split())
PLANNED_EVENTS = frozenset("اعتصاب تظاهرات تجمع راهپیمایی انتخابات همه‌پرسی".split())
