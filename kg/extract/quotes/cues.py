"""Attribution cues: the speech verb that introduces or follows a quotation, and its subject.

Three places hold the cue, tried in this order by kg.extract.quotes.quotes:
- after the closing mark: `"...," he said` / `"...," said Mr Oaten` / `"...", according to X`;
- before the opening mark: `X said: "..."` / `X told the BBC: "..."` / `..., saying: "..."`;
- above a quotation inside a sentence, in the parse: `X said the bill was "badly drawn-up"`.
The pipeline runs without a lemmatizer, so the lexicon lists inflected forms itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Verbs that report what someone said (or wrote, or thought aloud): their subject owns the
# quoted words. Denials ("denied it was a 'ploy'") are left out: they quote the other side.
_SPEECH = """
    say tell add warn insist argue claim state write note explain continue stress declare
    admit acknowledge confirm announce agree reply respond answer ask urge accuse describe
    brand call dub label condemn criticise criticize praise promise pledge vow predict
    believe think fear complain concede contend maintain allege assert recall remark
    comment observe emphasise emphasize tweet testify
""".split()
# Verbs that report speech only with their particle: "she went on", "he pointed out".
_WITH_PARTICLE = {"go": "on", "point": "out", "carry": "on"}
_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "go": ("went", "gone", "goes"),
    "carry": ("carried", "carries"),
}
_DOUBLED = {"admit", "dub", "label", "testify"}  # admitted, dubbed, labelled
_QUOTE_MARKS = frozenset("\"“”‘’'")
_RELATIVES = frozenset("who which that".split())
_PUNCT_BETWEEN = frozenset(",—–-")
_QUOTING = frozenset({"quoted", "quotes", "quoting", "quote"})


def _forms(lemma: str) -> set[str]:
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
        return forms
    double = lemma + lemma[-1] if lemma in _DOUBLED else stem
    forms |= {
        lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"),
        double + "ed" if not lemma.endswith("e") else lemma + "d",
        double + "ing",
    }
    if lemma == "label":  # both spellings
        forms |= {"labeled", "labeling"}
    return forms


_FORMS = {form: lemma for lemma in _SPEECH + list(_WITH_PARTICLE) for form in _forms(lemma)}


def speech_lemma(tok: Token) -> str | None:
    """The speech verb `tok` is a form of ("said" -> "say"), or None."""
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT":
        return None
    lemma = _FORMS.get(tok.lower_)
    if lemma in _WITH_PARTICLE:
        particle = _WITH_PARTICLE[lemma]
        if not any(
            c.lower_ == particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children
        ):
            return None
    return lemma


@dataclass(frozen=True)
class Cue:
    """A speech verb and the token naming who speaks (None when the text gives nobody)."""

    verb: Token
    subject: Token | None
    kind: str  # "after", "colon", "before", "partial", "according"
    start: int  # character span of the attribution
    end: int
    fallback: Token | None = None  # who else the parse may mean, tried when `subject` names nobody


def subject_of(verb: Token) -> Token | None:
    """Who speaks: the verb's subject, inherited from the verb it is an open clause of."""
    found = _subject_and_holder(verb)
    return found[0] if found else None


def fallback_subject(verb: Token) -> Token | None:
    """The subject of the speech verb above, when `verb` inherits a subject from a clause
    that the parser hung under it: in "X said prosecution comes first, stating: ..." and
    "X said the team had reached a view, but admitted it was ...", X speaks."""
    found = _subject_and_holder(verb)
    if found is None or found[1] is verb:
        return None
    holder = found[1]
    if holder.dep_ == "ccomp" and speech_lemma(holder.head) is not None:
        return subject_of(holder.head)
    return None


def _subject_and_holder(verb: Token) -> tuple[Token, Token] | None:
    """The subject and the verb it was found on."""
    tok = verb
    for _ in range(5):
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        # "the courts which, said Mr Hopkins, ...": a name beside the relative pronoun
        # is the speaker.
        named = [c for c in subjects if c.lower_ not in _RELATIVES]
        if len(subjects) > 1 and named:
            return named[0], tok
        for child in subjects:
            if child.lower_ in _RELATIVES and tok.dep_ == "relcl":
                return tok.head, tok
            return child, tok
        quoted = _quoted_as(tok)
        if quoted is not None:
            return quoted, tok
        non_finite = tok.tag_ in ("VBG", "VBN", "VB")
        if tok.dep_ in ("xcomp", "conj") or (tok.dep_ == "advcl" and non_finite):
            tok = tok.head  # "has backed the plan, saying: ..."; "said ... and added ..."
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj":
            tok = tok.head.head  # "defended the move saying ...": the participle is hers
            continue
        return None
    return None


def _quoted_as(tok: Token) -> Token | None:
    """ "The paper quoted Mr Smith as saying": Mr Smith speaks; "The minister quoted the
    plan as saying": a document says nothing itself, so the one who quotes it speaks."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "as" or tok.head.head.lower_ not in _QUOTING:
        return None
    verb = tok.head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG")):
        return obj
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _cue(verb: Token, subject: Token | None, kind: str, start: int, end: int) -> Cue:
    return Cue(verb, subject, kind, start, end, fallback_subject(verb))


def cue_after(doc: Doc, close_i: int) -> Cue | None:
    """`"...," he said` and `"...," said X`: a speech clause right after the closing mark."""
    j = close_i + 1
    while j < len(doc) and doc[j].text in _PUNCT_BETWEEN:
        j += 1
    if j >= len(doc) or doc[j].is_space:
        return None
    # A quotation that ends a sentence ("... alone.") is not followed by its own cue; after
    # "?" or "!" the sentence goes on in lower case ("... is this?" he asked) or with a name
    # ("... is this?" Ms Hunter asked); the speech verb must still follow.
    k = close_i - 1
    while k >= 0 and not doc[k].text.strip():
        k -= 1
    last = doc[k].text.rstrip()[-1:] if k >= 0 else ""
    goes_on = doc[j].text[:1].islower() or doc[j].pos_ == "PROPN"
    if last == "." or (last in ("?", "!") and not goes_on):
        return None
    according = _according(doc, j)
    if according is not None:
        return according
    for k in range(j, min(j + 10, len(doc))):
        tok = doc[k]
        if tok.is_space or tok.text in _QUOTE_MARKS or tok.text in ".!?;":
            return None
        if tok.pos_ != "VERB":
            continue
        if speech_lemma(tok) is None:
            return None
        subj = subject_of(tok)
        if k == j:  # inversion: the speaker follows the verb
            subj = subj if subj is not None and subj.i > k else _noun_after(doc, k)
            if subj is None:
                return None
            return _cue(tok, subj, "after", tok.idx, _end(subj.right_edge))
        if subj is None or not _covers(tok, subj, j, k):
            return None
        return _cue(tok, subj, "after", doc[j].idx, _end(_last_word(tok)))
    return None


def cue_before(doc: Doc, open_i: int) -> Cue | None:
    """`X said: "..."`, `..., saying: "..."`, `X said "..."`: the verb just before the mark."""
    p = open_i - 1
    while p >= 0 and doc[p].is_space:
        p -= 1
    if p < 0:
        return None
    colon = doc[p].text in (":", ",")
    if colon:
        p -= 1
    for k in range(p, max(-1, p - 12), -1):
        tok = doc[k]
        if tok.text in _QUOTE_MARKS or tok.is_space or (tok.is_sent_end and k != p):
            return None
        according = _according(doc, k)
        if according is not None and colon:
            return according
        if tok.pos_ != "VERB":
            continue
        if speech_lemma(tok) is None or not all(
            _in_subtree(doc[i], tok) for i in range(k + 1, p + 1)
        ):
            return None
        if not colon and k != p:
            return None  # without a colon, only a verb right before the mark introduces it
        subj = subject_of(tok)
        start = min(subj.left_edge.idx, tok.idx) if subj is not None and subj.i < tok.i else tok.idx
        return _cue(tok, subj, "colon" if colon else "before", start, _end(doc[p]))
    return None


def cue_governing(doc: Doc, start: int, end: int) -> Cue | None:
    """A quotation inside a clause that a speech verb governs: `X said it was "..."`."""
    inside = [t for t in doc if start <= t.idx < end]
    roots = [t for t in inside if not start <= t.head.idx < end or t.head is t]
    if not roots:
        return None
    tok = max(roots, key=lambda t: len(list(t.subtree))).head
    for _ in range(8):
        if not start <= tok.idx < end and speech_lemma(tok) is not None:
            subj = subject_of(tok)
            if subj is not None:
                first = min(subj.left_edge.idx, tok.idx)
                return _cue(tok, subj, "partial", first, _end(_last_word(tok)))
            # No subject ("wrong to suggest ..."): the clause above may still say who speaks.
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _according(doc: Doc, k: int) -> Cue | None:
    """ "according to X" starting at token k."""
    if doc[k].lower_ != "according" or k + 1 >= len(doc) or doc[k + 1].lower_ != "to":
        return None
    pobj = next((c for c in doc[k + 1].children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    return Cue(doc[k], pobj, "according", doc[k].idx, _end(pobj.right_edge))


def _noun_after(doc: Doc, k: int) -> Token | None:
    """The last word of the noun phrase after token k ("said [the spokesman]")."""
    last = None
    for tok in doc[k + 1 : k + 8]:
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            last = tok
        elif tok.pos_ in ("DET", "ADJ") and last is None:
            continue
        else:
            break
    return last


def _covers(verb: Token, subj: Token, j: int, k: int) -> bool:
    """Tokens j..k-1 are the subject and the verb's own adverbs or auxiliaries."""
    for tok in verb.doc[j:k]:
        if tok.i in range(subj.left_edge.i, subj.right_edge.i + 1):
            continue
        if tok.head is verb and tok.dep_ in ("aux", "advmod", "npadvmod", "punct"):
            continue
        return False
    return True


def _in_subtree(tok: Token, root: Token) -> bool:
    return tok is root or root in tok.ancestors


def _last_word(verb: Token) -> Token:
    """The verb, or its particle when one follows ("went on")."""
    particles = [c for c in verb.children if c.dep_ == "prt" and c.i > verb.i]
    return particles[-1] if particles else verb


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)
