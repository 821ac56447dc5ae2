"""Place-spotting hints for English: see lagebild.places.spotter for how each is used."""

# Words before a name that say "a place follows"; they let a sentence-initial or common word count.
PREPOSITIONS = frozenset({"in", "near", "from", "to", "at", "outside", "across", "around", "towards"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"and", "or"})

# Capitalised words that are place names somewhere but almost never meant as one in English prose.
NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter god lord
    police army government president university college school church street road avenue
    mission commerce enterprise justice date price
    centre center north south east west northern southern eastern western central
    northeast northwest southeast southwest midwest downtown greater upper lower
    city town village county state valley lake river hall council congress court lane street road
    park bay island mount fort port beach hill parish district province region capitol
    white green king union senate house station airport bridge""".split()
)

# Words before a person's name: a place name right after them is a surname ("Mr Lincoln").
HONORIFICS = frozenset(
    """mr mrs ms miss dr sir lady lord president senator sen rep gov governor mayor gen general
    col lt sgt capt officer judge justice chief coach pastor rev father sister brother prince king
    queen pope minister secretary""".split()
)

# Words that may follow a place inside a longer capitalised phrase without making it another name:
# "Texas Governor Rick Perry", "Paris police", "Kabul Province".
PLACE_TITLES = frozenset(
    """governor gov mayor police sheriff officials official authorities government president premier
    minister state province region district county city area airport border capital""".split()
)

# Words around a town's name that local news writes of its own town ("Paris police", "a Dublin
# man", "the Berea Police Department", "City of Oxford"): the town is the article's home, so it
# lies where the article's other places lie, not in the far country of a bigger namesake.
LOCAL_AFTER = frozenset(
    """police city town village township borough council mayor fire sheriff schools school
    elementary high middle library man woman men women resident residents native teen boy girl
    couple family chamber board commissioners aldermen""".split()
)
LOCAL_BEFORE = frozenset({"city of", "town of", "village of", "township of", "borough of", "mayor of"})

# Written right before a name, these say a place follows, as a preposition does: a legislator's
# party and home ("Rep. Brent Boggs, D-Braxton", "(R-Ocilla)").
PLACE_MARKS = frozenset({"D-", "R-", "I-"})

# (ending of a region's name, ending of its people's): "Ontario" -> "Ontarians", "Texas" ->
# "Texans", "Minnesota" -> "Minnesotans", "Oregon" -> "Oregonians". Plurals only: singular
# forms are as often adjectives of other things ("Victorian", "Georgian").
PEOPLE_ENDINGS = (("io", "ians"), ("o", "ans"), ("a", "ians"), ("as", "ans"), ("", "ns"), ("n", "nians"))

# A plural region noun after a list of names: each is named without its noun ("Barrow and
# Jackson counties" are Barrow County and Jackson County): plural -> the noun of each name.
REGION_PLURALS = {"counties": "county", "parishes": "parish", "townships": "township"}

# The last two words before a name that only a street's name follows: "the 9500 block of Page".
STREET_BEFORE = frozenset({"block of", "blocks of", "intersection of", "corner of"})

# Generic nouns that end the name of a place no gazetteer lists: "Main Street", "Neches River".
PLACE_NOUNS = frozenset(
    """street st avenue ave road rd drive dr boulevard blvd lane highway freeway parkway river creek lake
    park bridge mountain mountains island islands valley township airport square canyon bay beach
    harbor harbour falls springs hills heights plaza peninsula desert forest""".split()
)

# Generic nouns that begin such a name: "Lake Tahoe", "Mount Hood".
PLACE_PREFIXES = frozenset("lake mount mt cape isle gulf".split())

# Place names that are also ordinary words: not taken when they open a sentence.
COMMON_WORDS = frozenset(
    """will mobile reading nice bath best orange hope union independence liberty victoria
    however meanwhile also many most some this after before during""".split()
)

# Stems of demonyms and adjectives of countries: context for resolution, never a place mention.
DEMONYMS = {
    "american": "US",
    "russian": "RU",
    "ukrainian": "UA",
    "german": "DE",
    "french": "FR",
    "british": "GB",
    "chinese": "CN",
    "turkish": "TR",
    "iranian": "IR",
    "iraqi": "IQ",
    "syrian": "SY",
    "israeli": "IL",
    "palestinian": "PS",
    "afghan": "AF",
    "pakistani": "PK",
    "indian": "IN",
    "kazakh": "KZ",
    "mexican": "MX",
    "canadian": "CA",
    "japanese": "JP",
    "korean": "KR",
    "egyptian": "EG",
    "libyan": "LY",
    "saudi": "SA",
    "yemeni": "YE",
    "lebanese": "LB",
    "nigerian": "NG",
    "spanish": "ES",
    "italian": "IT",
    "polish": "PL",
    "brazilian": "BR",
    "australian": "AU",
    "kenyan": "KE",
    "sudanese": "SD",
    "ethiopian": "ET",
    "somali": "SO",
    "georgian": "GE",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "tunisian": "TN",
    "moroccan": "MA",
    "algerian": "DZ",
    "jordanian": "JO",
    "kuwaiti": "KW",
    "qatari": "QA",
    "emirati": "AE",
    "omani": "OM",
    "bahraini": "BH",
    "sri lankan": "LK",
    "bangladeshi": "BD",
    "nepalese": "NP",
    "nepali": "NP",
    "vietnamese": "VN",
    "thai": "TH",
    "filipino": "PH",
    "indonesian": "ID",
    "malaysian": "MY",
    "czech": "CZ",
    "slovak": "SK",
    "hungarian": "HU",
    "romanian": "RO",
    "bulgarian": "BG",
    "serbian": "RS",
    "croatian": "HR",
    "bosnian": "BA",
    "greek": "GR",
    "dutch": "NL",
    "belgian": "BE",
    "swiss": "CH",
    "austrian": "AT",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "finnish": "FI",
    "irish": "IE",
    "scottish": "GB",
    "welsh": "GB",
    "english": "GB",
    "portuguese": "PT",
    "belarusian": "BY",
    "moldovan": "MD",
    "lithuanian": "LT",
    "latvian": "LV",
    "estonian": "EE",
    "uzbek": "UZ",
    "tajik": "TJ",
    "kyrgyz": "KG",
    "turkmen": "TM",
    "mongolian": "MN",
    "taiwanese": "TW",
    "cuban": "CU",
    "venezuelan": "VE",
    "colombian": "CO",
    "peruvian": "PE",
    "chilean": "CL",
    "argentine": "AR",
    "argentinian": "AR",
    "haitian": "HT",
    "jamaican": "JM",
    "ghanaian": "GH",
    "ugandan": "UG",
    "rwandan": "RW",
    "congolese": "CD",
    "zimbabwean": "ZW",
    "malian": "ML",
    "nigerien": "NE",
    "chadian": "TD",
    "eritrean": "ER",
    "south african": "ZA",
    "new zealander": "NZ",
    "south ossetian": "GE",
    "saudis": "SA",
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
    "arab": "Middle East",
    "kurdish": "Kurdistan",
}

# Postal and AP-style abbreviations of first-level regions, read only right after "Place, ".
REGION_ABBREVIATIONS = {
    "ala": "US.AL",
    "al": "US.AL",
    "alaska": "US.AK",
    "ak": "US.AK",
    "ariz": "US.AZ",
    "az": "US.AZ",
    "ark": "US.AR",
    "ar": "US.AR",
    "calif": "US.CA",
    "cal": "US.CA",
    "ca": "US.CA",
    "colo": "US.CO",
    "co": "US.CO",
    "conn": "US.CT",
    "ct": "US.CT",
    "del": "US.DE",
    "de": "US.DE",
    "fla": "US.FL",
    "fl": "US.FL",
    "ga": "US.GA",
    "hawaii": "US.HI",
    "hi": "US.HI",
    "idaho": "US.ID",
    "id": "US.ID",
    "ill": "US.IL",
    "il": "US.IL",
    "ind": "US.IN",
    "in": "US.IN",
    "iowa": "US.IA",
    "ia": "US.IA",
    "kan": "US.KS",
    "kans": "US.KS",
    "ks": "US.KS",
    "ky": "US.KY",
    "la": "US.LA",
    "maine": "US.ME",
    "me": "US.ME",
    "md": "US.MD",
    "mass": "US.MA",
    "ma": "US.MA",
    "mich": "US.MI",
    "mi": "US.MI",
    "minn": "US.MN",
    "mn": "US.MN",
    "miss": "US.MS",
    "ms": "US.MS",
    "mo": "US.MO",
    "mont": "US.MT",
    "mt": "US.MT",
    "neb": "US.NE",
    "nebr": "US.NE",
    "ne": "US.NE",
    "nev": "US.NV",
    "nv": "US.NV",
    "n h": "US.NH",
    "nh": "US.NH",
    "n j": "US.NJ",
    "nj": "US.NJ",
    "n m": "US.NM",
    "nm": "US.NM",
    "n y": "US.NY",
    "ny": "US.NY",
    "n c": "US.NC",
    "nc": "US.NC",
    "n d": "US.ND",
    "nd": "US.ND",
    "ohio": "US.OH",
    "oh": "US.OH",
    "okla": "US.OK",
    "ok": "US.OK",
    "ore": "US.OR",
    "or": "US.OR",
    "pa": "US.PA",
    "r i": "US.RI",
    "ri": "US.RI",
    "s c": "US.SC",
    "sc": "US.SC",
    "s d": "US.SD",
    "sd": "US.SD",
    "tenn": "US.TN",
    "tn": "US.TN",
    "texas": "US.TX",
    "tex": "US.TX",
    "tx": "US.TX",
    "utah": "US.UT",
    "ut": "US.UT",
    "vt": "US.VT",
    "va": "US.VA",
    "wash": "US.WA",
    "wa": "US.WA",
    "w va": "US.WV",
    "wv": "US.WV",
    "wis": "US.WI",
    "wi": "US.WI",
    "wyo": "US.WY",
    "wy": "US.WY",
    "d c": "US.DC",
    "dc": "US.DC",
    "b c": "CA.02",
    "bc": "CA.02",
    "ont": "CA.08",
    "que": "CA.10",
    "alta": "CA.01",
    "sask": "CA.12",
    "man": "CA.03",
    "n s": "CA.07",
    "n b": "CA.04",
}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("capital".split())
# Determiners the capital noun takes ("the capital"); without one it is an adjective ("capital gains").
CAPITAL_BEFORE = frozenset("the its their this that".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset(
    "province provinces region state county oblast governorate department prefecture district".split()
)

# Words before a region's name that speak of a part of it ("central Washington", "eastern
# Kentucky"): the region is meant, not the city that bears its name.
PART_WORDS = frozenset(
    """central eastern western northern southern northeastern northwestern southeastern southwestern
    upstate downstate rural""".split()
)
