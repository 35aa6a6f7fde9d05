"""RDF namespaces. `KG` is closed: a misspelt term raises instead of minting a new predicate.

Every term here is declared in ontology/kg.ttl (a test checks both directions).
"""

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.config import BASE

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")


class KG(DefinedNamespace):
    """kg's own ontology terms (ontology/kg.ttl)."""

    _NS = Namespace(f"{BASE}/ontology#")
    _fail = True

    # Classes
    ArticleGraph: URIRef  # a named graph holding what was extracted from one article
    BuildRun: URIRef  # one run of the builder (a prov:Activity)
    Act: URIRef
    Bill: URIRef
    StatutoryInstrument: URIRef  # Regulations, Orders, Rules
    Section: URIRef  # a section or part of an instrument
    Treaty: URIRef  # treaties and conventions
    Join: URIRef  # a join across articles: which entity became which, by what rule, why
    Candidate: URIRef  # a short name left apart because several entities fit it
    Review: URIRef  # an entity whose articles disagree about it (a homonym, perhaps)

    # Provenance and evidence
    confidence: URIRef  # 0..1, how sure the rule that fired is
    rule: URIRef  # the rule that produced a mention or fact
    evidence: URIRef  # statement -> NIF span it was read from
    context: URIRef  # article -> its nif:Context
    extractor: URIRef  # article graph -> extractor name and version
    model: URIRef  # run -> spaCy pipeline name
    modelVersion: URIRef
    kgVersion: URIRef
    config: URIRef  # run -> effective configuration (JSON)
    baseIRI: URIRef  # run -> the base its IRIs were minted under
    sourceFile: URIRef  # article graph -> the file read, relative to the build's input
    sourceLine: URIRef  # article graph -> the line of a JSON Lines file

    cue: URIRef  # quotation -> the span that attributes it ("the councillor said")
    hedged: URIRef  # statement -> true when the text hedges it ("would be supportive")
    negated: URIRef  # statement -> true when the text denies it ("will not allow")
    former: URIRef  # membership -> true when the post is past ("former chairman")

    # Linking across articles (the links graph)
    joins: URIRef  # join -> the entity (IRI before the join) it folded in
    into: URIRef  # join -> the entity it joined
    form: URIRef  # join or candidate -> a name the entity folded in had
    appliesIn: URIRef  # join, candidate or review -> an article it concerns
    basis: URIRef  # join -> an article whose evidence decided it
    about: URIRef  # candidate or review -> the entity it is about
    candidate: URIRef  # candidate -> an entity the short name may be
    reason: URIRef  # review -> why the entity needs a look, in words

    # Entity attributes
    year: URIRef  # legislation year (xsd:integer)

    # Relations: two super-properties so consumers (and kg eval) can ask for any kind
    interactsWith: URIRef  # a person or organisation acted on another
    legalRelation: URIRef  # an entity stands in a stated relation to a legal instrument
    # ... kg:legalRelation and its sub-properties
    enactedAs: URIRef  # Bill -> the Act it became
    invokes: URIRef  # entity -> legislation it acts under or cites as authority
    introduced: URIRef
    passed: URIRef
    opposes: URIRef
    supports: URIRef
    enforces: URIRef
    chargedUnder: URIRef  # person -> legislation they are charged under
    challenged: URIRef
    amended: URIRef
    reservedTo: URIRef  # legislation -> the body it is reserved to
    breaches: URIRef
    compliesWith: URIRef
    exemptFrom: URIRef
    appliesTo: URIRef  # legislation -> what it covers
    ruledOn: URIRef  # court -> legislation it ruled on
    # ... kg:interactsWith and its sub-properties
    wroteTo: URIRef
    met: URIRef
    criticised: URIRef
    urged: URIRef
    accused: URIRef
    sued: URIRef
    appointed: URIRef
    funded: URIRef
    backed: URIRef
    rejected: URIRef
    praised: URIRef
    warned: URIRef
    investigated: URIRef
    dismissed: URIRef
    replaced: URIRef
    defeated: URIRef
    fined: URIRef
    paid: URIRef
    acquired: URIRef
    mergedWith: URIRef
    bidFor: URIRef
    soldTo: URIRef
    owns: URIRef
    investedIn: URIRef
    partneredWith: URIRef
    signedDealWith: URIRef
    supplied: URIRef
    negotiatedWith: URIRef
    represented: URIRef
    # Organisations and places
    basedIn: URIRef  # organisation -> place it is based in (a schema:location)
    serves: URIRef  # organisation -> place it serves (a schema:areaServed)


# The vocabularies kg writes, by prefix: declared in SPARQL queries, written in Turtle.
VOCABULARIES: dict[str, str] = {
    "schema": "https://schema.org/",
    "kg": str(KG._NS),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": "http://purl.org/dc/terms/",
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "eli": str(ELI),
}


# For rdflib's writers: the vocabularies, and kg's own IRIs.
BOUND_PREFIXES = {**VOCABULARIES, "kgid": BASE + "/id/"}


def bind_prefixes(graph: Graph) -> None:
    """Bind kg's prefixes on an rdflib graph or dataset, replacing rdflib's defaults."""
    for prefix, ns in BOUND_PREFIXES.items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)
