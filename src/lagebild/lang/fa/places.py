"""Place-spotting hints for Persian: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"در", "از", "به", "نزدیک"})

DEMONYMS = {"آمریکایی": "US", "روسی": "RU", "اوکراینی": "UA", "آلمانی": "DE", "ایرانی": "IR", "عراقی": "IQ"}
