"""English cue words of article topics, for the document-level relevance judgement
(lagebild.events.relevance; pattern syntax: lagebild.events.lexicon).

OFF_TOPIC lists words that mark sports, business, weather, culture, science and lifestyle pieces;
EVENT_NEWS words that mark political, security and crime news. Only words that keep their domain
in a metaphor-rich text belong here: "attack" and "battle" are everywhere, "striker" and
"shareholders" are not.
"""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("football", "soccer", "basketball", "tennis", "cricket", "rugby", "hockey", "golf",
               "premier league", "champions league", "la liga", "bundesliga", "serie a", "world cup",
               "olympic*", "paralympic*", "nba", "nfl", "fifa", "uefa", "grand prix", "formula one",
               "striker*", "midfielder*", "goalkeeper*", "goalscorer*", "defender*", "head coach", "coach*",
               "goal*", "scored", "scoring", "equaliser", "equalizer", "penalty kick", "free kick",
               "hat-trick", "half-time", "halftime", "kick-off", "final whistle", "semi-final*",
               "quarter-final*", "semifinal*", "quarterfinal*", "championship*", "tournament*",
               "league", "season", "fixture*", "stadium", "home side", "away side", "the visitors",
               "wicket*", "innings", "touchdown*", "medal*", "sprinter*", "marathon", "athlete*",
               "match", "matches", "derby", "title race", "relegation", "transfer window"),
    "business": ("shares", "share price", "stock*", "investor*", "shareholder*", "dividend*",
                 "revenue*", "profit*", "earnings", "quarterly", "fiscal year", "market share",
                 "price war", "prices", "discount*", "retailer*", "supermarket*", "grocer*", "customers",
                 "consumers", "shoppers", "sales", "brand*", "chief executive", "ceo", "startup*",
                 "merger*", "takeover bid", "ipo", "nasdaq", "dow jones", "ftse", "s&p 500", "analysts",
                 "per share", "bond yields", "interest rate*", "central bank", "inflation", "economists"),
    "weather": ("weather", "forecast*", "forecaster*", "meteorolog*", "temperature*", "degrees celsius",
                "celsius", "fahrenheit", "rainfall", "heavy rain", "showers", "snowfall", "snow",
                "heatwave", "heat wave", "humidity", "gusts", "wind speeds", "met office", "storm*",
                "hurricane*", "typhoon*", "tornado*", "cyclone*", "flood warning*", "power cuts",
                "power outage*", "sunny", "drought"),
    "culture": ("film*", "movie*", "actor", "actress", "album*", "singer*", "songwriter*", "concert*",
                "festival*", "museum*", "exhibition*", "novel*", "novelist*", "theatre", "theater",
                "box office", "premiere*", "oscar*", "grammy", "band's", "orchestra*", "opera",
                "gallery", "painting*", "tv series", "netflix", "streaming", "bestseller*", "hollywood"),
    "science": ("scientists", "researchers", "species", "telescope*", "astronom*", "galax*", "planet*",
                "asteroid*", "spacecraft", "nasa", "fossil*", "dinosaur*", "genome", "physicist*",
                "biologist*", "peer-reviewed", "journal nature", "the study", "a study", "laboratory"),
    # Accidents and disasters: news, but no political or security event, even when people die.
    "accident": ("firefighters", "fire crews", "fire department", "fire chief", "fire marshal", "blaze",
                 "house fire", "collision", "car crash", "road accident", "crashed into", "drowned",
                 "drowning", "landslide", "flooding", "rescue teams", "rescuers", "search and rescue",
                 "derailed", "capsized", "earthquake", "hunting accident", "road toll", "air ambulance",
                 "hit by a car", "struck by a car", "struck by a vehicle", "run over", "pedestrian*",
                 "motorist*", "tree fell", "fell on", "electrocuted", "carbon monoxide"),
    "lifestyle": ("recipe*", "cooking", "chef*", "restaurant*", "fashion", "designer*", "travel",
                  "holiday*", "vacation*", "diet", "fitness", "wellness", "celebrity", "wedding*",
                  "skincare", "beauty", "gardening", "tips", "lifestyle"),
}

EVENT_NEWS: tuple[str, ...] = (
    "police", "policemen", "officers", "troops", "soldier*", "army", "military", "militant*", "rebel*",
    "insurgent*", "gunmen", "terror*", "jihadist*", "protester*", "demonstrator*", "activists",
    "government", "ministry", "minister", "president", "parliament", "opposition", "election*",
    "regime", "sanctions", "embassy", "diplomat*", "ceasefire", "hostage*", "civilians", "refugees",
    "war", "arrested", "detained", "court", "prosecutor*", "authorities", "security forces",
    "airstrike*", "air strike*", "shelling", "killed", "wounded", "injured", "casualties", "riot*",
    # Crime news: violence and its investigation, however local the story.
    "shooting*", "gunshot*", "gunfire", "gunman", "sheriff*", "deputies", "homicide*", "murder*",
    "manslaughter", "stabbing*", "stabbed", "suspect*", "shot dead", "shot and killed", "fatally shot",
    "robbery", "robber*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "on strike", "went on strike", "gone on strike", "striking workers", "striking miner*", "striking employee*", "striking teacher*", "striking nurse*", "strike action", "walkout", "picket*", "trade union*",
)
