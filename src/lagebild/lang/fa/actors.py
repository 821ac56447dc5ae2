"""Persian actor vocabulary: sector terms, role titles, demonyms (see lagebild.actors).

Persian script has no case (CASED = False); the plural -ها/-های is often joined by a zero-width
non-joiner, which the tokenizer splits on, and otherwise stripped as an ending.
"""

SUFFIXES = ("ها", "های", "هایی", "ان", "ی", "ای")
MIN_STEM = 3
CASED = False
DEMONYM_AFTER = True  # "نیروهای روسی"
CONNECTORS = ()

# Words that make a title a past one ("former president"): role "Former ...", sector ELI.
FORMER = ("سابق", "پیشین")

COUNTRY_ALIASES = {
    "US": "آمریکا|ایالات متحده آمریکا|واشنگتن",
    "GB": "انگلیس|انگلستان|لندن",
    "RU": "مسکو|کرملین",
    "PS": "فلسطین|غزه|نوار غزه",
    "IR": "تهران",
    "IL": "تل‌آویو",
}

DEMONYMS = {
    "RU": "روسی|روس",
    "UA": "اوکراینی",
    "KZ": "قزاقستانی|قزاق",
    "US": "آمریکایی",
    "CN": "چینی",
    "DE": "آلمانی",
    "FR": "فرانسوی",
    "GB": "انگلیسی|بریتانیایی",
    "TR": "ترکیه‌ای",
    "IR": "ایرانی",
    "IL": "اسرائیلی",
    "PS": "فلسطینی",
    "SY": "سوری",
    "IQ": "عراقی",
    "SA": "سعودی",
    "EG": "مصری",
    "LB": "لبنانی",
    "YE": "یمنی",
    "AF": "افغان|افغانستانی",
    "PK": "پاکستانی",
    "IN": "هندی",
}

SECTORS = {
    "دولت": "GOV",
    "حکومت": "GOV",
    "مقامات": "GOV",
    "وزارت": "GOV",
    "ارتش": "MIL",
    "نظامیان": "MIL",
    "نیروها": "MIL",
    "سربازان": "MIL",
    "نیروهای مسلح": "MIL",
    "وزارت دفاع": "MIL",
    "پلیس": "COP",
    "نیروهای امنیتی": "COP",
    "ماموران": "COP",
    "ماموران امنیتی": "COP",
    "نیروی انتظامی": "COP",
    "وزارت کشور": "COP",
    "اطلاعات": "SPY",
    "دادگاه": "JUD",
    "قاضی": "JUD",
    "دادستان": "JUD",
    "قوه قضاییه": "JUD",
    "مجلس": "LEG",
    "پارلمان": "LEG",
    "نمایندگان": "LEG",
    "مخالفان": "OPP",
    "حزب": "PTY",
    "شورشیان": "REB",
    "ستیزه‌جویان": "REB",
    "تروریست‌ها": "REB",
    "جدایی‌طلبان": "SEP",
    "شبه‌نظامیان": "UAF",
    "غیرنظامیان": "CVL",
    "ساکنان": "CVL",
    "معترضان": "CVL/protesters",
    "تظاهرکنندگان": "CVL/protesters",
    "شهروندان": "CVL",
    "فعالان": "CVL",
    "خبرنگاران": "MED",
    "روزنامه‌نگاران": "MED",
    "رسانه‌ها": "MED",
    "دانشجویان": "EDU",
    "معلمان": "EDU",
    "کارگران": "LAB",
    "پناهجویان": "REF",
    "پناهندگان": "REF",
    "آوارگان": "REF",
    "پزشکان": "HLH",
    "روحانیون": "REL",
    "نیروهای حافظ صلح": "PKO",
    "قاچاقچیان": "CRM",
}

ROLES = {
    "رئیس‌جمهور": ("President", "GOV"),
    "رئیس جمهور": ("President", "GOV"),
    "نخست‌وزیر": ("Prime Minister", "GOV"),
    "نخست وزیر": ("Prime Minister", "GOV"),
    "وزیر امور خارجه": ("Minister of Foreign Affairs", "GOV"),
    "وزیر خارجه": ("Minister of Foreign Affairs", "GOV"),
    "وزیر دفاع": ("Minister of Defence", "MIL"),
    "وزیر کشور": ("Minister of the Interior", "COP"),
    "وزیر": ("Minister", "GOV"),
    "دبیرکل": ("Secretary General", "GOV"),
    "سخنگو": ("Spokesperson", "GOV"),
    "پادشاه": ("King", "GOV"),
    "رهبر": ("Supreme Leader", "GOV"),
    "ژنرال": ("General", "MIL"),
    "سردار": ("General", "MIL"),
    "فرمانده": ("Commander", "MIL"),
    "سفیر": ("Ambassador", "GOV"),
}
