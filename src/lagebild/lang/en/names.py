"""English name shapes (see lagebild.actors.names): organisation heads, name particles."""

# fmt: off
ORG_HEADS = (
    "Party", "Union", "Association", "Council", "Committee", "Commission", "Ministry", "Department",
    "University", "College", "Bank", "Company", "Corporation", "Corp", "Inc", "Ltd", "LLC", "Agency",
    "Institute", "Foundation", "Group", "Court", "Airlines", "Airways", "Times", "Post", "News",
    "Front", "Movement", "Army", "Brigade", "Federation", "Organisation", "Organization", "Service",
    "Office", "Authority", "Board", "Club", "Society", "Trust", "Fund", "Network", "Alliance",
)
ORG_CONNECTORS = ("of", "for", "and", "the")
NAME_PARTICLES = ("van", "von", "de", "der", "da", "di", "del", "bin", "al", "el", "la", "le", "du")
# fmt: on
