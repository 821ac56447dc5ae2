"""The PLOVER event ontology and its mappings to ACLED and CAMEO.

PLOVER (Open Event Data Alliance) has 16 event types, each with optional modes that say *how*
it happened. We keep PLOVER's own mode names where the manual defines them and add a few of our
own (marked `ours=True`) where ACLED draws a line that PLOVER does not: ACLED separates air
strikes, shelling, grenades, chemical weapons and territorial changes, so ASSAULT gets the
modes `aerial`, `grenade`, `chemical`, `clash` and `occupy`. docs/ontology.md lists them all.

ACLED's categories partly depend on who acts upon whom (armed violence between two armed
groups is a battle; the same firearms used on civilians is violence against civilians; state
force used on protesters is "Excessive force against protesters"), so the mapping is a function
of the actors' sectors: `acled_for`.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- ACLED -------------------------------------------------------------------------------------

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

ACLED_SUB_TO_TYPE: dict[str, str] = {sub: t for t, subs in ACLED_TYPES.items() for sub in subs}

# --- CAMEO -------------------------------------------------------------------------------------

CAMEO_ROOTS: dict[str, str] = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}

# --- PLOVER ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mode:
    name: str
    description: str
    acled: tuple[str, str] | None = None  # (event type, sub-event type); None: not an ACLED event
    cameo: str | None = None  # CAMEO root when it differs from the type's
    ours: bool = False  # True: not in the PLOVER manual, added for ACLED distinctions


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str  # PLOVER quad class
    description: str
    cameo: str
    acled: tuple[str, str] | None  # default when no mode is known
    modes: tuple[Mode, ...] = ()

    def mode(self, name: str | None) -> Mode | None:
        for m in self.modes:
            if m.name == name:
                return m
        return None


_SD = STRATEGIC

EVENT_TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType(
            "AGREE",
            "verbal cooperation",
            "Agree to, offer, promise or sign: willingness or commitment to cooperate.",
            "03",
            (_SD, "Agreement"),
            (
                Mode("ceasefire", "agree to a ceasefire or truce", (_SD, "Agreement"), ours=True),
                Mode("settle", "sign a peace, settlement or other agreement", (_SD, "Agreement"), ours=True),
            ),
        ),
        EventType(
            "CONSULT",
            "verbal cooperation",
            "Meetings, talks, negotiations, visits, phone calls.",
            "04",
            None,
            (
                Mode("visit", "source visits, recipient hosts"),
                Mode("third-party", "meeting hosted by a third party"),
                Mode("multilateral", "meeting in an alliance or IGO setting"),
                Mode("phone", "by phone or another remote medium"),
            ),
        ),
        EventType(
            "SUPPORT",
            "verbal cooperation",
            "Express support, praise, endorse, recognise; non-material diplomatic cooperation.",
            "05",
            None,
        ),
        EventType(
            "CONCEDE",
            "verbal cooperation",
            "Verbal concessions: ease restrictions, declare (not implement) a ceasefire, apologise, pardon.",
            "08",
            None,
        ),
        EventType(
            "COOPERATE",
            "material cooperation",
            "Mutual material cooperation: economic, military (joint exercises), judicial, intelligence.",
            "06",
            None,
        ),
        EventType(
            "AID",
            "material cooperation",
            "Material aid benefiting the recipient: money, arms, humanitarian aid, asylum.",
            "07",
            None,
            (
                Mode("economic", "loans, grants, credit"),
                Mode("military", "arms, military or police personnel"),
                Mode("humanitarian", "emergency and humanitarian assistance"),
                Mode("asylum", "grant asylum"),
            ),
        ),
        EventType(
            "RETREAT",
            "material cooperation",
            "Yielding with material consequences: withdraw forces, release captives, disarm, resign.",
            "08",
            (_SD, "Other"),
            (
                Mode(
                    "withdraw",
                    "retreat from territory or withdraw forces",
                    (_SD, "Non-violent transfer of territory"),
                ),
                Mode("release", "release captives", (_SD, "Agreement")),
                Mode("return", "return property", (_SD, "Other")),
                Mode("disarm", "disarm, surrender, give up weapons", (_SD, "Agreement")),
                Mode("ceasefire", "implement a ceasefire", (_SD, "Agreement")),
                Mode("access", "allow observers, peacekeepers or aid workers access", (_SD, "Other")),
                Mode("resign", "official resignation", (_SD, "Other")),
                Mode(
                    "cede",
                    "hand over territory without fighting",
                    (_SD, "Non-violent transfer of territory"),
                    ours=True,
                ),
            ),
        ),
        EventType(
            "REQUEST",
            "verbal conflict",
            "Demands, calls and orders (PLOVER's older name: DEMAND).",
            "10",
            None,
            (
                Mode("assist", "any exchange, relations or assistance"),
                Mode("change", "changes in policy, government or institutions"),
                Mode("yield", "release prisoners, end sanctions, ceasefire"),
                Mode("meet", "meetings and negotiations"),
            ),
        ),
        EventType(
            "ACCUSE",
            "verbal conflict",
            "Criticise, condemn, accuse, sue, investigate (older PLOVER: DISAPPROVE, INVESTIGATE).",
            "11",
            None,
            (
                Mode("disapprove", "criticise, condemn, denounce", ours=True),
                Mode("allege", "accuse, blame, charge informally", ours=True),
                Mode("investigate", "open or conduct an investigation", cameo="09", ours=True),
                Mode("sue", "sue or bring to court", ours=True),
            ),
        ),
        EventType(
            "REJECT",
            "verbal conflict",
            "Reject, refuse, veto, defy.",
            "12",
            None,
            (
                Mode("assist", "refuse exchange, relations or assistance"),
                Mode("change", "refuse changes in policy, government or institutions"),
                Mode("yield", "refuse to release, ease sanctions, cease fire"),
                Mode("meet", "refuse meetings and negotiations"),
            ),
        ),
        EventType(
            "THREATEN",
            "verbal conflict",
            "Threats and ultimatums; the mode says what is threatened.",
            "13",
            None,
            (
                Mode("restrict", "restrict movement of people or goods: boycotts, blockades, curfews"),
                Mode("ban", "ban political activities of parties or persons"),
                Mode("arrest", "arrest, detain, imprison"),
                Mode("relations", "suspend relations or talks"),
                Mode("expel", "expel diplomats, peacekeepers, NGOs"),
                Mode("territory", "occupy or seize territory"),
                Mode("violence", "use violence"),
            ),
        ),
        EventType(
            "PROTEST",
            "material conflict",
            "Civilian demonstrations and collective protest actions.",
            "14",
            (PROTESTS, "Peaceful protest"),
            (
                Mode("demo", "organised, largely peaceful demonstration", (PROTESTS, "Peaceful protest")),
                Mode("riot", "violent riot", (RIOTS, "Violent demonstration")),
                Mode("strike-gen", "general strike", (PROTESTS, "Peaceful protest")),
                Mode("strike-lim", "strike in limited sectors", (PROTESTS, "Peaceful protest")),
                Mode("strike-hun", "hunger strike", (PROTESTS, "Peaceful protest")),
                Mode("boycott", "boycott", (PROTESTS, "Peaceful protest")),
                Mode("obstruct", "obstruct passage, blockade, sit-in", (PROTESTS, "Peaceful protest")),
                Mode(
                    "mob", "mob violence by a crowd without a protest aim", (RIOTS, "Mob violence"), ours=True
                ),
            ),
        ),
        EventType(
            "SANCTION",
            "material conflict",
            "Reduce relations: sanctions, embargoes, expulsions, cancellations, convictions.",
            "16",
            None,
            (
                Mode("convict", "find guilty in a court of law"),
                Mode("cancel", "cancel meetings, summits, dialogues"),
                Mode("expel", "expel an actor from a group, organisation or country"),
                Mode("withdraw", "withdraw non-military resources: aid, diplomats, observers"),
                Mode("sever", "curtail or break diplomatic, commercial or material exchange"),
            ),
        ),
        EventType(
            "MOBILIZE",
            "material conflict",
            "Military or police moves short of the use of force.",
            "15",
            (_SD, "Change to group/activity"),
            (
                Mode(
                    "troops", "mobilise or deploy armed personnel or units", (_SD, "Change to group/activity")
                ),
                Mode("weapons", "increase readiness of weapons systems, weapons tests", (_SD, "Other")),
                Mode("police", "mobilise police or security units", (_SD, "Change to group/activity")),
                Mode(
                    "base",
                    "establish a headquarters or base",
                    (_SD, "Headquarters or base established"),
                    ours=True,
                ),
            ),
        ),
        EventType(
            "COERCE",
            "material conflict",
            "Repression and restrictions on rights, short of physical violence.",
            "17",
            (_SD, "Other"),
            (
                Mode("confiscate", "confiscate property", (_SD, "Looting/property destruction")),
                Mode("restrict", "restrict political freedoms or movement", (_SD, "Other")),
                Mode("ban", "ban persons or organisations", (_SD, "Other")),
                Mode("censor", "censor or block publications", (_SD, "Other")),
                Mode("curfew", "impose a curfew", (_SD, "Other")),
                Mode("martial-law", "impose a state of emergency or martial law", (_SD, "Other")),
                Mode("arrest", "arrest, detain, charge", (_SD, "Arrests")),
                Mode("deport", "expel or deport persons", (_SD, "Other")),
                Mode("withhold", "cut power, internet, water, food or medical supplies", (_SD, "Other")),
                Mode(
                    "disperse",
                    "break up a gathering: tear gas, water cannon, dispersal",
                    (PROTESTS, "Protest with intervention"),
                    ours=True,
                ),
                Mode(
                    "defuse",
                    "seize or defuse weapons or explosives before use",
                    (_SD, "Disrupted weapons use"),
                    ours=True,
                ),
            ),
        ),
        EventType(
            "ASSAULT",
            "material conflict",
            "Deliberate actions that can cause substantial physical harm (older PLOVER: FIGHT too).",
            "18",
            (VAC, "Attack"),
            (
                Mode("abduct", "abduct, kidnap, hijack", (VAC, "Abduction/forced disappearance")),
                Mode("beat", "physical assault", (VAC, "Attack")),
                Mode("torture", "torture", (VAC, "Attack")),
                Mode("execute", "judicially sanctioned execution", (VAC, "Attack")),
                Mode("sexual", "sexual violence", (VAC, "Sexual violence")),
                Mode("assassinate", "targeted killing with any weapon", (VAC, "Attack")),
                Mode("destroy", "destroy property, loot, set on fire", (_SD, "Looting/property destruction")),
                Mode("primitive", "fire, edged weapons, rocks", (VAC, "Attack")),
                Mode("firearms", "rifles, pistols, light machine guns", (BATTLES, "Armed clash"), "19"),
                Mode("explosives", "mines, IEDs, car bombs", (EXPLOSIONS, "Remote explosive/landmine/IED")),
                Mode("suicide-attack", "suicide attacks", (EXPLOSIONS, "Suicide bomb")),
                Mode(
                    "heavy-weapons",
                    "crew-served weapons: artillery, rockets, missiles",
                    (EXPLOSIONS, "Shelling/artillery/missile attack"),
                    "19",
                ),
                Mode("aerial", "air or drone strike", (EXPLOSIONS, "Air/drone strike"), "19", ours=True),
                Mode("grenade", "grenade attack", (EXPLOSIONS, "Grenade"), ours=True),
                Mode("chemical", "chemical weapon", (EXPLOSIONS, "Chemical weapon"), "20", ours=True),
                Mode(
                    "clash",
                    "armed clash between organised armed groups",
                    (BATTLES, "Armed clash"),
                    "19",
                    ours=True,
                ),
                Mode(
                    "retake",
                    "regain control of territory by force",
                    (BATTLES, "Government regains territory"),
                    "19",
                    ours=True,
                ),
                Mode(
                    "occupy",
                    "take control of territory by force",
                    (BATTLES, "Non-state actor overtakes territory"),
                    "19",
                    ours=True,
                ),
            ),
        ),
    )
}

PLOVER_TYPES: tuple[str, ...] = tuple(EVENT_TYPES)

# Names older PLOVER drafts (and their gold records) use, mapped to the current (type, mode).
LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
    "YIELD": ("RETREAT", None),
    "COOPERATION": ("COOPERATE", None),
}

# Sector codes (PLOVER / CAMEO style, as lagebild.actors assigns them) grouped by what ACLED cares
# about. Several spellings are accepted because sector vocabularies drift between coders.
STATE_SECTORS = frozenset({"GOV", "MIL", "POL", "COP", "SPY", "JUD", "LEG", "SEC", "PKO"})
ARMED_NONSTATE_SECTORS = frozenset(
    {"REB", "INS", "MILITIA", "MLT", "UAF", "TER", "TERR", "SEP", "CRM", "PMC"}
)
PROTESTER_SECTORS = frozenset({"PROT", "PRO", "DEM", "RIOT"})


def acled_role(sector: str | None, canonical: str | None) -> str | None:
    """The sector ACLED's rules need for an actor.

    CAMEO (and so our actors) codes protesters as civilians, CVL with the gloss "protesters";
    ACLED tells them apart (force against protesters is not an attack on civilians).
    """
    return "PROT" if canonical == "protesters" else sector


CIVILIAN_SECTORS = (
    frozenset(
        {"CVL", "CIV", "REF", "MED", "EDU", "LAB", "REL", "HLH", "NGO", "BUS", "JRN", "AGR", "ELI", "IDP"}
    )
    | PROTESTER_SECTORS
)
ARMED_SECTORS = STATE_SECTORS - {"GOV", "JUD", "LEG"} | ARMED_NONSTATE_SECTORS | {"GOV"}


def normalise_type(type_: str, mode: str | None = None) -> tuple[str, str | None]:
    """(type, mode) in the current PLOVER vocabulary; legacy names are translated."""
    t = (type_ or "").strip().upper()
    if t in LEGACY_TYPES:
        new_t, new_mode = LEGACY_TYPES[t]
        return new_t, mode or new_mode
    if t not in EVENT_TYPES:
        raise ValueError(f"unknown PLOVER event type {type_!r}; known: {', '.join(PLOVER_TYPES)}")
    return t, mode or None


def modes_of(type_: str) -> tuple[str, ...]:
    return tuple(m.name for m in EVENT_TYPES[type_].modes)


def cameo_for(type_: str, mode: str | None = None) -> str:
    """CAMEO root code ("01".."20") of a PLOVER (type, mode)."""
    et = EVENT_TYPES[type_]
    m = et.mode(mode)
    return (m.cameo if m and m.cameo else None) or et.cameo


def _has(sectors: set[str], group: frozenset[str]) -> bool:
    return bool(sectors & group)


def acled_for(
    type_: str,
    mode: str | None = None,
    actor_sectors: list[str | None] | tuple[str | None, ...] | set[str | None] | None = None,
    recipient_sectors: list[str | None] | tuple[str | None, ...] | set[str | None] | None = None,
) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type) of a PLOVER event, or (None, None) when ACLED has none.

    The mode gives the default; the sectors of who acts and who is acted upon refine it where
    ACLED's categories are defined by the actors rather than by the action.
    """
    type_, mode = normalise_type(type_, mode)
    et = EVENT_TYPES[type_]
    m = et.mode(mode)
    base = (m.acled if m and m.acled else None) or et.acled
    if base is None:
        return None, None
    acted = {s.upper() for s in actor_sectors or () if s}
    hit = {s.upper() for s in recipient_sectors or () if s}
    state_actor = _has(acted, STATE_SECTORS)
    armed_target = _has(hit, ARMED_SECTORS)
    civil_target = _has(hit, CIVILIAN_SECTORS) and not armed_target
    protester_target = _has(hit, PROTESTER_SECTORS)

    if type_ == "ASSAULT":
        if protester_target and state_actor and mode not in ("abduct", "sexual", "destroy"):
            return PROTESTS, "Excessive force against protesters"
        if _has(acted, PROTESTER_SECTORS) and mode in (None, "beat", "primitive", "destroy"):
            return RIOTS, "Violent demonstration"
        if mode in ("occupy", "retake"):
            if acted and not state_actor:
                return BATTLES, "Non-state actor overtakes territory"
            if state_actor:
                return BATTLES, "Government regains territory"
            return base
        if mode in ("firearms", "clash", None):
            # A battle needs two armed sides; shooting at anyone else is an attack on civilians.
            if civil_target:
                return VAC, "Attack"
            if mode == "clash" or armed_target:
                return BATTLES, "Armed clash"
            return VAC, "Attack"
        if mode in ("beat", "primitive", "assassinate", "torture") and not civil_target and armed_target:
            return BATTLES, "Armed clash"
        return base
    if type_ == "PROTEST" and mode in (None, "demo", "obstruct", "strike-gen", "strike-lim"):
        return base
    if type_ == "COERCE" and mode == "disperse" and not (hit and not protester_target):
        return PROTESTS, "Protest with intervention"
    return base


def describe() -> list[dict[str, object]]:
    """Every (type, mode) with its mappings, for docs and the API."""
    rows: list[dict[str, object]] = []
    for et in EVENT_TYPES.values():
        for m in (None, *et.modes):
            acled = acled_for(et.name, m.name if m else None)
            rows.append(
                {
                    "type": et.name,
                    "mode": m.name if m else None,
                    "quad": et.quad,
                    "description": m.description if m else et.description,
                    "ours": bool(m and m.ours),
                    "acled_event_type": acled[0],
                    "acled_sub_event_type": acled[1],
                    "cameo_root": cameo_for(et.name, m.name if m else None),
                }
            )
    return rows
