"""The words that state an interaction: verbs and nouns (the legal-link words are
`legal_words`').

Each table maps a lemma (inflections are registered with `verbs.known`, since kg's pipeline
runs without a lemmatizer) to the predicate it states. A word that is not here says nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.verbs import known


@dataclass(frozen=True)
class VerbSense:
    """How a verb states an interaction: with its direct object, through prepositions
    ("merge with X"; a preposition may state its own predicate: "pay for X"), after a
    particle ("take over X"), or only with an infinitive ("asked X to repay")."""

    predicate: str
    dobj: bool
    preps: tuple[tuple[str, str], ...] = ()  # (preposition, predicate)
    particle: str = ""  # the verb means this only with it ("over": take over)
    needs_infinitive: bool = False
    people_only: bool = False  # "told Mr Blair", never "told the BBC"
    # "Sony will work with Philips"; two people working together are colleagues.
    organisations_only: bool = False


def _verbs(spec: str) -> dict[str, list[VerbSense]]:
    """ "lemma,lemma predicate dobj|- prep[:predicate],...|- [particle=x] [+to] [+people]
    [+organisations]" lines."""
    table: dict[str, list[VerbSense]] = {}
    for line in spec.strip().splitlines():
        lemmas, predicate, dobj, preps, *flags = line.split()
        pairs = tuple(
            (p.split(":")[0], "kg:" + p.split(":")[1] if ":" in p else predicate)
            for p in preps.split(",")
            if p != "-"
        )
        particle = next((f.split("=")[1] for f in flags if f.startswith("particle=")), "")
        sense = VerbSense(
            predicate,
            dobj == "dobj",
            pairs,
            particle,
            "+to" in flags,
            "+people" in flags,
            "+organisations" in flags,
        )
        for word in known(lemmas.split(",")):
            table.setdefault(word, []).append(sense)
    return table


INTERACTS = "kg:interactsWith"

# Interactions (GUIDE: "one acted on the other"). Speech to the press ("told the BBC") and
# membership are not interactions; "see", "know", "like" say nothing.
INTERACTION_VERBS = _verbs(
    """
    write kg:wroteTo - to
    email,e-mail kg:wroteTo dobj -
    meet kg:met dobj with
    talk kg:met - with,to
    speak kg:met - with
    criticise,criticize,condemn,attack,slam,blast,rebuke,censure,lambast kg:criticised dobj -
    ridicule,mock,deride,denounce,castigate,berate,savage,lash kg:criticised dobj -
    reprimand,chide,scold,upbraid,admonish,insult,smear,vilify,disparage,taunt kg:criticised dobj -
    salute kg:praised dobj -
    praise,hail,commend,applaud,laud,thank,congratulate kg:praised dobj -
    urge,press,lobby,implore kg:urged dobj -
    call kg:urged - on,upon
    appeal kg:urged - to
    ask,beg,order,instruct,force,persuade,want kg:urged dobj - +to
    ask,question kg:interactsWith dobj - +people
    warn kg:warned dobj -
    accuse,blame kg:accused dobj -
    sue,countersue kg:sued dobj -
    fine kg:fined dobj -
    investigate,probe kg:investigated dobj -
    look kg:investigated - into
    appoint,nominate,hire,recruit,elect kg:appointed dobj -
    poach kg:appointed dobj from:interactsWith
    sack,fire,oust,axe kg:dismissed dobj -
    replace,succeed kg:replaced dobj -
    fund,finance,bankroll,sponsor,subsidise,subsidize kg:funded dobj -
    invest kg:investedIn - in
    pay kg:paid dobj for:acquired,to
    lend,loan kg:funded - to
    compensate,reimburse kg:paid dobj -
    bail kg:funded dobj - particle=out
    back,support,endorse,champion,promote,accept,prefer,favour,favor,defend kg:backed dobj -
    reject,rebuff,snub,overrule,shun,boycott,veto kg:rejected dobj -
    turn kg:rejected dobj - particle=down
    buy,acquire,purchase kg:acquired dobj from:interactsWith
    buy kg:investedIn - into
    order kg:interactsWith - from
    take kg:acquired dobj - particle=over
    snap kg:acquired dobj - particle=up
    merge kg:mergedWith - with
    bid kg:bidFor - for
    sell kg:soldTo - to
    supply kg:supplied dobj to
    partner,ally,collaborate,cooperate,co-operate kg:partneredWith - with
    team,partner kg:partneredWith - with particle=up
    work kg:partneredWith - with +organisations
    negotiate kg:negotiatedWith - with
    represent kg:represented dobj -
    beat,defeat,overcome,outbid kg:defeated dobj -
    settle kg:signedDealWith - with
    own,control kg:owns dobj -
    visit,phone,contact,invite,threaten,challenge,advise,consult,oppose kg:interactsWith dobj -
    arrest,charge,prosecute,interview,quiz,approach,court,woo kg:interactsWith dobj -
    portray,help,assist,mislead,dismiss,welcome kg:interactsWith dobj -
    convict,acquit,jail,sentence,detain,extradite kg:interactsWith dobj -
    deport,expel,suspend,summon,grill,defy kg:interactsWith dobj -
    tell,inform,brief kg:interactsWith dobj - +people
    clash,side,deal kg:interactsWith - with
    face kg:interactsWith dobj -
    hit,lash kg:criticised - at particle=out
    hit kg:criticised - at particle=back
    round,turn kg:criticised - on
    complain,apologise,apologize,respond,reply kg:interactsWith - to
    """
)

# Nouns that carry an interaction: (predicate, the prepositions that lead to the other
# party). Their actor is whoever owns the noun: the subject of a light verb ("held talks
# with"), its possessor ("Verizon's offer for MCI"), or "by"/"from" ("a buyout by Verizon").
INTERACTION_NOUNS: dict[str, tuple[str, frozenset[str]]] = {
    "letter": ("kg:wroteTo", frozenset({"to"})),
    "email": ("kg:wroteTo", frozenset({"to"})),
    "talk": ("kg:met", frozenset({"with"})),
    "meeting": ("kg:met", frozenset({"with"})),
    "discussion": ("kg:met", frozenset({"with"})),
    "negotiation": ("kg:negotiatedWith", frozenset({"with"})),
    "call": ("kg:urged", frozenset({"on", "upon"})),
    "appeal": ("kg:urged", frozenset({"to"})),
    "criticism": ("kg:criticised", frozenset({"of"})),
    "attack": ("kg:criticised", frozenset({"on"})),
    "swipe": ("kg:criticised", frozenset({"at"})),
    "dig": ("kg:criticised", frozenset({"at"})),
    "jibe": ("kg:criticised", frozenset({"at"})),
    "broadside": ("kg:criticised", frozenset({"at", "against"})),
    "praise": ("kg:praised", frozenset({"for", "of"})),
    "tribute": ("kg:praised", frozenset({"to"})),
    "congratulation": ("kg:praised", frozenset({"to"})),
    "warning": ("kg:warned", frozenset({"to"})),
    "backing": ("kg:backed", frozenset({"for", "of"})),
    "support": ("kg:backed", frozenset({"for"})),
    "offer": ("kg:bidFor", frozenset({"for"})),
    "bid": ("kg:bidFor", frozenset({"for"})),
    "takeover": ("kg:acquired", frozenset({"of"})),
    "acquisition": ("kg:acquired", frozenset({"of"})),
    "purchase": ("kg:acquired", frozenset({"of"})),
    "buyout": ("kg:acquired", frozenset({"of"})),
    "merger": ("kg:mergedWith", frozenset({"with"})),
    "deal": ("kg:signedDealWith", frozenset({"with"})),
    "contract": ("kg:signedDealWith", frozenset({"with"})),
    "agreement": ("kg:signedDealWith", frozenset({"with"})),
    "partnership": ("kg:partneredWith", frozenset({"with"})),
    "alliance": ("kg:partneredWith", frozenset({"with"})),
    "lawsuit": ("kg:sued", frozenset({"against"})),
    "suit": ("kg:sued", frozenset({"against"})),
    "action": ("kg:sued", frozenset({"against"})),
    "case": ("kg:sued", frozenset({"against"})),
    "investigation": ("kg:investigated", frozenset({"into"})),
    "inquiry": ("kg:investigated", frozenset({"into"})),
    "probe": ("kg:investigated", frozenset({"into"})),
    "stake": ("kg:owns", frozenset({"in"})),
    "relationship": (INTERACTS, frozenset({"with"})),
    "investment": ("kg:investedIn", frozenset({"in"})),
    "victory": ("kg:defeated", frozenset({"over"})),
    "win": ("kg:defeated", frozenset({"over"})),
    "apology": (INTERACTS, frozenset({"to"})),
    "statement": (INTERACTS, frozenset({"to"})),
    "complaint": (INTERACTS, frozenset({"to", "against"})),
    "evidence": (INTERACTS, frozenset({"against"})),
    "allegation": ("kg:accused", frozenset({"against"})),
    "accusation": ("kg:accused", frozenset({"against"})),
    "charge": ("kg:accused", frozenset({"against"})),
    "sanction": (INTERACTS, frozenset({"against"})),
    "settlement": ("kg:signedDealWith", frozenset({"with"})),
    "pact": ("kg:signedDealWith", frozenset({"with"})),
    "accord": ("kg:signedDealWith", frozenset({"with"})),
    "venture": ("kg:partneredWith", frozenset({"with"})),
    "question": (INTERACTS, frozenset({"to"})),
    "pressure": ("kg:urged", frozenset({"on"})),  # "put pressure on X"
    "force": ("kg:partneredWith", frozenset({"with"})),  # "joined forces with X"
    # Nominalisations of the verbs above: "X's appointment of Y", "the sacking of Y by X".
    "appointment": ("kg:appointed", frozenset({"of"})),
    "sacking": ("kg:dismissed", frozenset({"of"})),
    "dismissal": ("kg:dismissed", frozenset({"of"})),
    "rejection": ("kg:rejected", frozenset({"of"})),
    "rebuff": ("kg:rejected", frozenset({"to"})),
    "condemnation": ("kg:criticised", frozenset({"of"})),
    "endorsement": ("kg:backed", frozenset({"of"})),
    "defeat": ("kg:defeated", frozenset({"of"})),
    "tie-up": ("kg:partneredWith", frozenset({"with"})),
    # A conflict owned by one side: "X's battle with Y", "X's row with Y".
    **{
        noun: (INTERACTS, frozenset({"with"}))
        for noun in "battle row dispute clash feud fight war rivalry spat confrontation".split()
    },
}
# Nouns whose "from X" names their author: "a question from X", "a complaint from X".
FROM_NOUNS = frozenset(
    "letter email call appeal offer bid complaint question request warning criticism".split()
)
# Nouns for a relation between the two sides of "between X and Y".
BETWEEN_NOUNS: dict[str, str] = {
    "talk": "kg:met",
    "meeting": "kg:met",
    "negotiation": "kg:negotiatedWith",
    "merger": "kg:mergedWith",
    "deal": "kg:signedDealWith",
    "agreement": "kg:signedDealWith",
    "contract": "kg:signedDealWith",
    "partnership": "kg:partneredWith",
    "alliance": "kg:partneredWith",
    "war": INTERACTS,
    "row": INTERACTS,
    "battle": INTERACTS,
    "dispute": INTERACTS,
    "clash": INTERACTS,
    "feud": INTERACTS,
    "rivalry": INTERACTS,
    "fight": INTERACTS,
    "contest": INTERACTS,
    "confrontation": INTERACTS,
    "spat": INTERACTS,
    "race": INTERACTS,
    "competition": INTERACTS,
    "combination": "kg:mergedWith",
    "tie-up": "kg:partneredWith",
}
# Of these, "a merger of X and Y" names the two sides with "of" too.
OF_BOTH_NOUNS = frozenset("merger combination tie-up partnership alliance meeting".split())
# Verbs after which a cue noun's act is the subject's own ("held talks", "made an offer").
LIGHT_VERBS = known(
    """
    have hold make launch file bring start begin open table put submit lodge mount sign
    strike agree reach seal complete announce unveil enter conclude pursue continue resume
    write send issue place repeat renew lead take step seek pay express voice offer
    deliver give publish win secure clinch finalise finalize join pile increase
    """.split()
)
# A proposal or act of someone's: acting on it is acting on its author.
PROPOSALS = frozenset(
    """plan proposal idea call bid policy comment remark claim decision move suggestion
    apology statement offer order speech announcement admission answer approach stance
    handling request demand report budget strategy manifesto reform record leadership
    campaign warning criticism accusation ruling verdict advice assessment view position
    promise pledge""".split()
)
# Nouns that relate the one they name to another: "X, lawyer for Y", "Y's lawyer, X", "X,
# a critic of Y", "Y's owner X" -> (predicate, the prepositions that lead to the other).
_FOR = frozenset({"for", "of"})
_AGENT_NOUNS = "lawyer solicitor barrister counsel advocate representative attorney".split()
_OF = frozenset({"of"})
RELATIONAL_NOUNS: dict[str, tuple[str, frozenset[str]]] = {
    **{noun: ("kg:represented", _FOR) for noun in _AGENT_NOUNS},
    "critic": ("kg:criticised", _OF),
    "opponent": (INTERACTS, _OF),
    "rival": (INTERACTS, _OF),
    "competitor": (INTERACTS, _OF),
    "ally": ("kg:partneredWith", _OF),
    "partner": ("kg:partneredWith", _OF),
    "owner": ("kg:owns", _OF),
    "parent": ("kg:owns", _OF),
    "successor": ("kg:replaced", _OF),
    "suitor": ("kg:bidFor", _OF),
    "buyer": ("kg:acquired", _OF),
    "backer": ("kg:backed", _OF),
    "funder": ("kg:funded", _OF),
}
# Verbs after which coordinated subjects act on each other: "X and Y met", "X and Y
# signed a deal" (these need a cue noun: SYMMETRIC_OBJECTS).
SYMMETRIC_VERBS: dict[str, str] = {
    **{w: "kg:met" for w in known("meet talk".split())},
    **{w: "kg:mergedWith" for w in known("merge".split())},
    **{w: "kg:negotiatedWith" for w in known("negotiate".split())},
    **{w: "kg:partneredWith" for w in known("partner ally collaborate cooperate".split())},
    **{w: INTERACTS for w in known("clash compete".split())},
}
SYMMETRIC_LIGHT = known("sign strike reach agree hold seal conclude".split())
SYMMETRIC_OBJECTS = {
    "deal": "kg:signedDealWith",
    "agreement": "kg:signedDealWith",
    "contract": "kg:signedDealWith",
    "pact": "kg:signedDealWith",
    "merger": "kg:mergedWith",
    "partnership": "kg:partneredWith",
    "alliance": "kg:partneredWith",
    "talk": "kg:met",
    "meeting": "kg:met",
}
