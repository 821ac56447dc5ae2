"""Turkish cue words of article topics, for the relevance judgement (lagebild.events.relevance)."""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("futbol*", "süper lig", "şampiyonlar ligi", "dünya kupası", "olimpi*", "forvet*", "kaleci*",
               "teknik direktör*", "gol*", "penaltı*", "devre arası", "final*", "sezon*", "şampiyona*",
               "turnuva*", "stadyum*", "basketbol*", "madalya*", "maç*", "derbi*", "taraftar*"),
    "business": ("hisse*", "hissedar*", "yatırımcı*", "borsa*", "ciro*", "kâr*", "çeyrek*", "temettü*",
                 "pazar payı", "fiyat savaşı", "fiyatlar*", "indirim*", "süpermarket*", "market zinciri",
                 "müşteri*", "tüketici*", "enflasyon*", "faiz*", "ekonomist*", "analist*"),
    "weather": ("hava durumu", "meteoroloji*", "sıcaklık*", "derece", "yağmur*", "sağanak*",
                "kar yağışı", "sıcak hava dalgası", "fırtına*", "kasırga*", "rüzgar*", "elektrik kesinti*"),
    "culture": ("film*", "sinema*", "oyuncu*", "albüm*", "şarkıcı*", "konser*", "festival*", "müze*",
                "sergi*", "roman*", "tiyatro*", "gala*", "opera*", "orkestra*"),
    "science": ("bilim insan*", "araştırmacı*", "araştırma*", "teleskop*", "astronom*", "galaksi*",
                "gezegen*", "asteroit*", "fosil*", "dinozor*", "laboratuvar*"),
    "lifestyle": ("tarif*", "yemek*", "şef*", "restoran*", "moda*", "tatil*", "seyahat*", "diyet*",
                  "fitness", "ünlü*", "düğün*", "bahçe*"),
}

EVENT_NEWS: tuple[str, ...] = (
    "polis*", "jandarma*", "asker*", "ordu*", "militan*", "terör*", "göstericiler*", "protestocu*",
    "eylemci*", "aktivist*", "hükümet*", "bakanlık*", "bakan*", "cumhurbaşkan*", "meclis*", "muhalefet*",
    "seçim*", "rejim*", "yaptırım*", "büyükelçilik*", "diplomat*", "ateşkes*", "rehine*", "sivil*",
    "mülteci*", "savaş*", "gözaltı*", "tutuklan*", "mahkeme*", "savcı*", "yetkililer", "güvenlik güçleri",
    "hava saldırı*", "öldürül*", "hayatını kaybetti", "yaralan*",
    # Crime news: violence and its investigation, however local the story.
    "cinayet*", "silahlı saldırı*", "kurşun*", "şüpheli*", "bıçakla*", "soygun*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "grev*", "sendika*",
)
