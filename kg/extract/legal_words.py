"""The words that state a legal link: verbs, verb-preposition pairs and nouns that relate
an entity to a legal instrument, each mapped to the predicate it states. Inflections are
registered with `verbs.known`, since kg's pipeline runs without a lemmatizer."""

from __future__ import annotations

from kg.extract.verbs import known

LEGAL = "kg:legalRelation"


def _legal(spec: str) -> dict[str, str]:
    table = {}
    for line in spec.strip().splitlines():
        predicate, words = line.split(None, 1)
        for word in known(words.split()):
            table[word] = predicate
    return table


# Verbs whose object (or prepositional object) is the instrument.
LEGAL_VERBS = _legal(
    """
    kg:introduced introduce unveil table publish draft propose launch
    kg:passed pass approve enact clear ratify
    kg:opposes oppose reject fight resist block defeat criticise criticize condemn attack scrap
    kg:opposes repeal abolish scrap axe slam
    kg:supports support back welcome endorse defend adopt champion favour favor praise
    kg:enforces enforce implement apply administer police
    kg:challenged challenge contest test
    kg:amended amend rewrite revise tighten dilute
    kg:invokes invoke cite
    kg:breaches break breach violate flout defy contravene infringe
    kg:compliesWith obey observe
    kg:ruledOn uphold quash
    kg:opposes overturn
    kg:legalRelation sign
    """
)
# Verbs that say nothing about the instrument however it is attached.
LEGAL_EMPTY = known("be have do get include mean say tell see make take give".split())
# "arrested under Section 41": the person held is charged under it.
CHARGE_VERBS = known("charge arrest detain hold prosecute convict jail sentence try".split())
# A verb and a preposition that between them name the relation ("vote against the Bill").
LEGAL_VERB_PREPS = {
    ("vote", "against"): "kg:opposes",
    ("vote", "for"): "kg:supports",
    ("campaign", "against"): "kg:opposes",
    ("campaign", "for"): "kg:supports",
    ("rebel", "against"): "kg:opposes",
    ("rebel", "over"): "kg:opposes",
    ("comply", "with"): "kg:compliesWith",
    ("abide", "by"): "kg:compliesWith",
    ("adhere", "to"): "kg:compliesWith",
    ("vote", "on"): LEGAL,
    ("debate", "on"): LEGAL,
}
known(w for w, _ in LEGAL_VERB_PREPS)
# Nouns between the verb and the instrument that name the relation ("an amendment to").
LEGAL_NOUNS = {
    "amendment": "kg:amended",
    "change": "kg:amended",
    "concession": "kg:amended",
    "favour": "kg:supports",
    "support": "kg:supports",
    "backing": "kg:supports",
    "opposition": "kg:opposes",
    "rebellion": "kg:opposes",
    "campaign": "kg:opposes",
    "challenge": "kg:challenged",
    "introduction": "kg:introduced",
    "breach": "kg:breaches",
    "violation": "kg:breaches",
    "compliance": "kg:compliesWith",
    "concern": LEGAL,
    "misgiving": LEGAL,
    "doubt": LEGAL,
    "reservation": LEGAL,
    "fear": LEGAL,
    "worry": LEGAL,
    "objection": LEGAL,
    "criticism": LEGAL,
    "reading": LEGAL,
    "debate": LEGAL,
    "vote": LEGAL,
}
# Verbs after which a cue noun's act is the subject's own ("move an amendment").
LEGAL_LIGHT = known(
    """
    move table make propose introduce offer announce put bring vote express voice lead
    launch mount speak come seek promise win force push pass accept agree back support
    have raise repeat renew step
    """.split()
)
# "incompatible with the Human Rights Act": measuring something against it cites it.
MEASURES = frozenset("incompatible compatible contrary consistent breach".split())
# The instrument as subject moving through a body ("the bill goes to the Lords").
MOTION = known("go pass move return proceed".split())
# The instrument as subject covering what it applies to ("the Act will cover England").
COVERING = known("cover affect govern".split())
COVERING_PREPS = {("apply", "to"), ("extend", "to")}
known(w for w, _ in COVERING_PREPS)
# A court's verbs of judgment over a clause about the instrument ("ruled the Act lawful").
RULING = known("rule find declare judge decide".split())
known(["reserve", "become", "exempt"])
