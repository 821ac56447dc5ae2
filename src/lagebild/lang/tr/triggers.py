"""Turkish event triggers, modality cues and page furniture (syntax: lagebild.events.lexicon).

Turkish is agglutinative: verb and noun stems with `*` carry the case, tense and person suffixes
(gözaltına al* finds gözaltına alındı, gözaltına alınan).
"""

# fmt: off
TRIGGERS: dict[str, tuple[str, ...]] = {
    # Phrases that contain a trigger word but are no trigger.
    "NONE": ("çevik kuvvet",),
    "AGREE": ("anlaşma*", "anlaşt*", "mutabakat*", "imzala*", "uzlaş*", "taahhüt*", "söz verdi"),
    "AGREE/ceasefire": ("ateşkes*", "ateş kes*", "insani ara"),
    "AGREE/settle": ("barış anlaşma*", "esir takas*", "tutuklu takas*"),
    "CONSULT": ("görüşme*", "görüştü", "müzakere*", "bir araya geldi", "zirve*", "toplantı*"),
    "CONSULT/visit": ("ziyaret*",),
    "CONSULT/phone": ("telefon görüşmesi", "telefonda görüştü"),
    "SUPPORT": ("destekle*", "memnuniyetle karşıla*", "övdü", "takdir etti", "tanıdı"),
    "CONCEDE": ("özür diledi", "af çıkar*", "affetti", "gevşet*", "kaldırıldı"),
    "COOPERATE": ("ortak tatbikat*", "işbirliği", "iade edildi", "iadesi"),
    "AID": ("yardım*", "kredi*", "hibe*", "bağış*"),
    "AID/military": ("askeri yardım*", "silah sevkiyat*", "silah yardımı"),
    "AID/humanitarian": ("insani yardım*",),
    "AID/asylum": ("sığınma hakkı",),
    "RETREAT/withdraw": ("çekil*", "çekildi", "geri çek*", "tahliye*", "terk etti", "ayrıldı"),
    "RETREAT/release": ("serbest bırak*", "tahliye edildi", "salıver*"),
    "RETREAT/disarm": ("silah bırak*", "silahsızlan*", "teslim ol*", "teslim oldu"),
    "RETREAT/resign": ("istifa*", "görevden ayrıldı"),
    "RETREAT/cede": ("kontrolü devret*", "çatışmasız"),
    "REQUEST": ("talep*", "çağrı*", "çağırdı", "istedi", "istiyor", "rica etti"),
    "ACCUSE/disapprove": ("kınadı", "kına*", "eleştir*", "tepki gösterdi"),
    "ACCUSE/allege": ("suçla*", "itham*"),
    # weak: a routine investigation is rarely what the news reports (the crime it follows is)
    "ACCUSE/investigate": ("~soruşturma*", "~inceleme başlat*", "~tahkikat*"),
    "ACCUSE/sue": ("dava açtı", "dava aç*", "suç duyurusu*"),
    "REJECT": ("reddet*", "reddedildi", "kabul etmedi", "veto*"),
    "THREATEN": ("tehdit*", "ültimatom*", "uyardı"),
    "PROTEST/demo": ("protesto*", "gösteri*", "eylem*", "yürüyüş*", "miting*", "oturma eylemi",
                     "sokağa döküldü",
                     "sokaklara döküldü", "protestocu*", "göstericiler*"),
    "PROTEST/strike-gen": ("grev*",),
    "PROTEST/strike-hun": ("açlık grevi*",),
    "PROTEST/obstruct": ("yolu kapat*", "yol kapat*", "barikat*", "abluka*"),
    "PROTEST/boycott": ("boykot*",),
    "PROTEST/riot": ("ayaklanma*", "isyan*", "kargaşa*", "yağma*", "taşlı saldırı", "olaylar çıktı"),
    "PROTEST/mob": ("linç*", "öfkeli kalabalık"),
    "SANCTION": ("yaptırım*", "ambargo*", "ilişkileri kes*", "diplomatları sınır dışı"),
    "SANCTION/convict": ("hapis cezası", "mahkum edildi", "mahkûm edildi", "suçlu bulundu"),
    "SANCTION/cancel": ("iptal et*", "iptal edildi"),
    "MOBILIZE/troops": ("konuşlandır*", "sevk edildi", "sevk etti", "takviye*", "asker gönder*", "seferber*",
                        "tatbikat*", "devriye*", "yığınak*", "intikal*"),
    "MOBILIZE/police": ("güvenlik önlemleri artırıldı", "alarma geçti", "teyakkuz*"),
    "MOBILIZE/weapons": ("füze denemesi", "nükleer deneme"),
    "MOBILIZE/base": ("üs kur*", "karargah kur*", "üs kurdu"),
    "COERCE/arrest": ("gözaltı*", "gözaltına al*", "tutukla*", "tutuklan*", "yakala*", "yakalandı",
                      "hapse at*"),
    "COERCE/confiscate": ("el koy*", "el konuldu", "müsadere*"),
    "COERCE/restrict": ("kısıtlama*", "sınırı kapat*"),
    "COERCE/ban": ("yasakla*", "yasak*", "kapatıldı"),
    "COERCE/censor": ("sansür*", "erişim engeli", "erişime engel*"),
    "COERCE/curfew": ("sokağa çıkma yasağı",),
    "COERCE/martial-law": ("olağanüstü hal", "sıkıyönetim*"),
    "COERCE/deport": ("sınır dışı*", "sürgün*", "deport*"),
    "COERCE/disperse": ("dağıt*", "biber gazı", "gaz bombası", "tazyikli su", "plastik mermi", "müdahale etti"),
    "COERCE/defuse": ("etkisiz hale getir*", "imha edildi", "ele geçir* silah", "silah ele geçiril*",
                      "düşürüldü", "düşürdü", "önlendi", "engellendi"),
    "ASSAULT": ("saldırı*", "saldırdı", "öldür*", "öldü", "hayatını kaybetti", "yaralan*", "yaralı*",
                "kurban*",
                "şiddet*", "katliam*", "pusu*", "baskın*", "hedef aldı", "şehit*"),
    "ASSAULT/firearms": ("silahlı saldırı*", "ateş açtı", "ateş açıldı", "kurşunla*", "vuruldu", "vurdu",
                         "keskin nişancı*"),
    "ASSAULT/clash": ("çatışma*", "çatıştı", "muharebe*", "savaş*", "taarruz*", "karşı saldırı*", "püskürt*"),
    "ASSAULT/heavy-weapons": ("bombala*", "topçu*", "obüs*", "roket*", "füze*", "havan*", "top atışı*"),
    "ASSAULT/aerial": ("hava saldırı*", "hava harekat*", "hava harekâtı", "insansız hava aracı", "İHA",
                       "SİHA",
                       "savaş uçak*", "helikopter*"),
    "ASSAULT/explosives": ("patlama*", "patla*", "bomba*", "bombalı", "el yapımı patlayıcı", "EYP", "mayın*",
                           "bombalı araç", "infilak*", "patlayıcı*"),
    "ASSAULT/suicide-attack": ("intihar saldırı*", "canlı bomba*", "kendini patlat*"),
    "ASSAULT/grenade": ("el bombası*",),
    "ASSAULT/chemical": ("kimyasal silah*", "kimyasal saldırı*", "sarin*", "klor gazı", "zehirli gaz*"),
    "ASSAULT/abduct": ("kaçır*", "rehin*", "kayıp*", "zorla kaybed*"),
    "ASSAULT/sexual": ("tecavüz*", "cinsel saldırı*", "cinsel şiddet*", "taciz*"),
    "ASSAULT/beat": ("darp*", "dövüldü", "dövdü", "dayak*"),
    "ASSAULT/primitive": ("bıçakla*", "bıçaklı*", "yakıldı", "kundakla*"),
    "ASSAULT/torture": ("işkence*",),
    "ASSAULT/execute": ("idam*", "infaz*"),
    "ASSAULT/assassinate": ("suikast*",),
    "ASSAULT/destroy": ("tahrip*", "yıkıldı", "yıktı", "ateşe verdi", "ateşe verildi", "yağmala*"),
    "ASSAULT/retake": ("geri al*", "kurtarıldı", "yeniden kontrol*"),
    "ASSAULT/occupy": ("ele geçir*", "kontrolü ele", "işgal*", "kontrolüne geçti", "düştü"),
}
MODE_HINTS: dict[str, tuple[str, ...]] = {
    "ASSAULT/suicide-attack": ("intihar*", "canlı bomba*"),
    "ASSAULT/chemical": ("kimyasal*",),
    "ASSAULT/aerial": ("hava*", "İHA", "SİHA", "uçak*", "helikopter*"),
    "ASSAULT/grenade": ("el bombası*",),
    "ASSAULT/explosives": ("bomba*", "patlayıcı*", "mayın*"),
    "ASSAULT/heavy-weapons": ("topçu*", "roket*", "füze*", "havan*", "obüs*"),
    "ASSAULT/firearms": ("silahlı", "kurşun*", "tüfek*"),
    "ASSAULT/clash": ("asker*", "ordu*", "terörist*", "militan*", "PKK", "güvenlik güçleri"),
}
MODE_OVERRIDES: dict[str, tuple[str, ...]] = {
    "ASSAULT/suicide-attack": ("intihar saldırı*", "canlı bomba*"),
    "ASSAULT/chemical": ("kimyasal silah*", "kimyasal saldırı*"),
    "ASSAULT/aerial": ("hava saldırı*", "hava harekat*", "İHA", "SİHA"),
    "ASSAULT/grenade": ("el bombası*",),
}
# Accidents and disasters: "killed" or "injured" beside them is no violence.
ACCIDENT: tuple[str, ...] = ("kaza*", "kazada", "sel felaketi", "selde", "deprem*", "heyelan*", "fırtına*",
                             "boğul*", "çökme*", "göçük*", "orman yangın*", "izdiham*")
NEGATION: tuple[str, ...] = ("değil", "yok", "hiçbir", "asla", "olmadı", "yalanladı")
NEGATION_AFTER: tuple[str, ...] = ("değil", "yaşanmadı", "olmadı", "gözlenmedi", "edilmedi", "yapılmadı")
FUTURE: tuple[str, ...] = ("yarın", "gelecek hafta", "planlıyor", "planla*", "hazırlanıyor", "niyetinde",
                           "bekleniyor", "söz verdi", "açıkladı ki")
HYPOTHETICAL: tuple[str, ...] = ("eğer", "halinde", "olursa", "olabilir", "muhtemel*", "ihtimal*", "risk*",
                                 "endişe*", "takdirde")
REPORTING: tuple[str, ...] = ("dedi", "söyledi", "açıkladı", "bildirdi", "göre", "ifade etti", "belirtti",
                              "duyurdu", "aktardı", "kaydetti")
BOILERPLATE: tuple[str, ...] = ("ayrıca bakınız", "ilgili haberler", "ilgili haber", "bunları da okuyun",
                                "bunlar da ilginizi çekebilir", "daha fazla", "en çok okunanlar", "yorumlar",
                                "paylaş", "reklam", "check also", "read more")
SKIP_LINES: tuple[str, ...] = ("fotoğraf:", "foto:", "kaynak:", "görsel:", "©", "video:")
NOT_LOCATION: tuple[str, ...] = ("deneyim*", "tecrübe*", "gibi", "doğumlu", "kökenli", "merkezli")
ORIGIN: tuple[str, ...] = ()
AGENT_MARKERS: tuple[str, ...] = ("tarafından",)
# fmt: on
