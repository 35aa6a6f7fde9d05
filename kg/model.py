"""Data types passed between stages: frozen, hashable, picklable, offsets not Spans."""

from __future__ import annotations

from dataclasses import dataclass, field

# Entity types kg extracts; the values are the schema.org class local names.
PERSON = "Person"
ORGANIZATION = "Organization"
LEGISLATION = "Legislation"
PLACE = "Place"
ENTITY_TYPES = (PERSON, ORGANIZATION, LEGISLATION, PLACE)
# The types that act: speak, write, meet, sue, hold a post.
AGENTS = (PERSON, ORGANIZATION)


@dataclass(frozen=True)
class Article:
    """One news article as read from disk: text plus optional metadata."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # path (and line) it was read from, for messages
    # Where it was read from, for its provenance: the file's path relative to the input the
    # build was given (its name, when the input was the file), and the line of a .jsonl.
    source_file: str = ""
    source_line: int = 0


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read; reported, never fatal to the batch."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A span of article text that names an entity."""

    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES
    rule: str  # what found it, e.g. "ner:PERSON" or "legislation:pattern"
    confidence: float
    sentence: int = -1  # index into ArticleExtraction.sentences
    title: str = ""  # a role title written just before the name ("Councillor")
    title_start: int = -1  # where that title starts


@dataclass(frozen=True)
class Entity:
    """One real-world thing named in one article, with every surface form used for it.

    `key` is the normalised canonical name the IRI is minted from, so the same thing in
    two articles gets the same IRI.
    """

    type: str
    name: str  # canonical label
    key: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()  # other surface forms (not including name)
    # Typed extras: legislation year/kind/identifier, person titles, etc.
    attributes: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str) -> str | None:
        for key, value in self.attributes:
            if key == name:
                return value
        return None

    def attrs(self, name: str) -> list[str]:
        return [value for key, value in self.attributes if key == name]


@dataclass(frozen=True)
class Fact:
    """A binary relation between two entities (or an entity and a literal) with evidence."""

    subject: str  # entity key
    predicate: str  # CURIE, e.g. "schema:jobTitle" or "kg:invokes"
    object: str  # entity key, or literal value when `literal` is true
    rule: str
    confidence: float
    start: int  # evidence span in the article text
    end: int
    sentence: int = -1
    literal: bool = False
    subject_type: str = ""
    object_type: str = ""
    label: str = ""  # the words that state it, for people to read ("wrote a letter to")
    modality: str = ""  # "" for a plain statement, "hedged" or "negated" otherwise


@dataclass(frozen=True)
class Quote:
    """A direct quotation attributed to a person or an organisation."""

    start: int  # the quoted words, without the quotation marks
    end: int
    text: str
    speaker: str  # entity key
    speaker_type: str
    rule: str
    confidence: float
    sentence: int = -1
    cue_start: int = -1  # the attribution, e.g. "the councillor said"
    cue_end: int = -1


@dataclass(frozen=True)
class Affiliation:
    """A person's post and/or membership of an organisation, as the text states it."""

    person: str  # entity key
    rule: str
    confidence: float
    start: int  # evidence span
    end: int
    sentence: int = -1
    organization: str = ""  # entity key, when the text names the organisation
    role: str = ""  # the post as written: "city convener for health and social care integration"
    head: bool = False  # leads the organisation (org:headOf)
    office: bool = False  # an office that outlives its holders ("Home Secretary"): an org:Post
    former: bool = False  # a post or membership the person no longer holds ("former chairman")


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything extracted from one article: the unit written as one named graph."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    excluded: tuple[tuple[int, int], ...] = field(default=())  # furniture spans
