"""Organisation names that only the phrase around them shows: a committee named in lower
case after its house ("the Commons home affairs select committee"), and a name the model left
unread after a person and "of" ("Laura Brownlees of Save the Children")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract.gazetteer import is_wide_place
from kg.extract.lexicon import COMMITTEE_KINDS, LEGISLATURES
from kg.extract.spans import CONNECTORS, Candidate, is_cap, is_inner_connector, strip_back
from kg.model import ORGANIZATION

# Confidence of each source, from how often it was right on the articles read.
_CONFIDENCE = {"org-pattern": 0.85, "org-cue": 0.7}


def committee_candidates(doc: Doc, taken: Sequence[bool] = ()) -> list[Candidate]:
    """ "the Commons home affairs select committee": a house of a legislature, then the
    committee's remit in lower case, is that committee, an organisation."""
    out: list[Candidate] = []
    for i, token in enumerate(doc):
        if token.text not in LEGISLATURES or token.is_sent_start:
            continue
        k = i + 1
        if k < len(doc) and doc[k].lower_ in ("'s", "’s"):
            k += 1
        j = k
        while j < len(doc) and j - k < 6 and doc[j].text.islower() and doc[j].is_alpha:
            if doc[j].lower_ == "committee":
                break
            j += 1
        if j >= len(doc) or doc[j].lower_ != "committee" or j == k:
            continue
        remit = [t.lower_ for t in doc[k:j] if t.lower_ not in COMMITTEE_KINDS]
        # The house and the remit must be inside the committee's noun phrase.
        inside = {t.i for t in doc[j].subtree}
        if remit and remit[0] != "and" and all(t in inside for t in range(i, j)):
            out.append(
                Candidate(i, j + 1, ORGANIZATION, "org:committee", _CONFIDENCE["org-pattern"])
            )
    return out


def member_of_candidates(doc: Doc, taken: Sequence[bool]) -> list[Candidate]:
    """ "Laura Brownlees of Save the Children said": a name the model left unread after a
    person and "of" is the body the person speaks for, unless it is a place."""
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
            continue
        i = j = ent.end + 1
        while j < len(doc) and not taken[j] and not doc[j].ent_type_:
            if not (is_cap(doc[j]) or (j > i and is_inner_connector(doc, j))):
                break
            j += 1
        j = strip_back(doc, i, j) if j > i else j
        if j == i or not doc[i].text[:1].isupper() or doc[i].is_sent_start:
            continue
        if j < len(doc) and (is_cap(doc[j]) or doc[j].ent_type_):
            continue  # the run goes on into a name the model read: not ours to cut
        name = doc[i:j].text
        if is_wide_place(name) or doc[j - 1].lower_ in CONNECTORS:
            continue
        out.append(Candidate(i, j, ORGANIZATION, "org:member-of", _CONFIDENCE["org-cue"]))
    return out
