"""Legal instruments found by rules: Acts, Bills, Regulations, Orders, sections and treaties.

The small model's LAW label is too unreliable to build on, while the way news text names an
instrument is regular: capitalised title words, a head word ("Act", "Bill", ...), maybe a
year. So this stage reads `doc.text` with regular expressions and uses the model only as a
hint (a PERSON entity over "Bill" means a man called Bill). Three passes:

1. named instruments ("Misuse of Drugs Act 1971", "the 1989 Children Act", "Treaty of Rome");
2. references that need an antecedent ("the Act", "the 1971 Act", "the bill", "the ID cards
   bill") and sections ("Section 41 of the Terrorism Act 2000", "s.6 of the Act");
3. names settled per document: a yearless title takes the year the document gives it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from kg.errors import InputError
from kg.extract.instruments import (
    ACT,
    BILL,
    ORDER,
    REGULATIONS,
    SECTION,
    TREATY,
    YEAR,
    LegalMention,
)
from kg.extract.legal_refs import find_references
from kg.extract.names import HONORIFICS, name_key
from kg.paths import DATA

IDS_FILE = DATA / "legislation_ids.tsv"
# Every identifier in IDS_FILE is an IRI under this (written as owl:sameAs).
LEGISLATION_GOV_UK = "http://www.legislation.gov.uk/id/"

# --- patterns -------------------------------------------------------------------------------
_YEAR = YEAR
# A title word is capitalised; "Act" and "Bill" are heads, never title words, so two
# instruments joined by "and" stay two.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WORD = rf"(?!(?:Acts?|Bills?|{_MONTHS})\b)[A-Z][\w’'&-]*"
_PAREN = r"\((?:No\. ?\d+|[A-Z][\w’'-]*(?: (?:and|of|[A-Z][\w’'-]*))*)\)"
_ITEM = rf"(?:{_WORD}|{_PAREN})"
# At most one connector between title words; "and the" never joins ("X and the Y Act").
# "Controlling the Assault of ...": a title word in -ing may take "the" after it.
_CONN = (
    r"(?:(?:of|to|for|on|in|against|from|with|under) the|(?<=ing )the"
    r"|of|and|for|on|to|in|against|&)"
)
_TITLE = rf"{_ITEM}(?:,? (?:{_CONN} )?{_ITEM})*"
_HEADS = {
    "Act": ACT,
    "Bill": BILL,
    "Regulations": REGULATIONS,
    "Order": ORDER,
    "Convention": TREATY,
    "Treaty": TREATY,
    "Protocol": TREATY,
}
_NAMED = re.compile(
    rf"(?:(?<=[Tt]he )(?P<y1>{_YEAR}) )?(?:(?P<title>{_TITLE}) )?"
    rf"(?P<head>Act|Bill|Regulations|Order|Convention|Treaty|Protocol)\b"
    rf"(?P<tail> (?:of|on|for|against|relating to) (?:the )?{_TITLE})?"
    rf"(?:,? (?:of )?(?P<y2>{_YEAR})\b(?![,.]?\d))?"
)
_SECTION = re.compile(
    r"\b(?P<label>[Ss]ections?|[Ss]\.|[Aa]rticle|[Pp]art|[Ss]chedule|[Cc]lause|[Pp]aragraph)"
    r" ?(?P<num>\d{1,4}[A-Z]?(?:\(\w{1,4}\))*) of (?P<the>the )?"
)
_LOWER_BILL = re.compile(r"(?P<words>(?:[\w’'-]+ ){1,4})[Bb]ill\b(?! [A-Z])")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")

# Function words that open a sentence or phrase but never a title ("Under the Terrorism Act").
# (spaCy's STOP_WORDS will not do: it holds "serious", "former", "full", ...)
_FUNCTION_WORDS = frozenset(
    """the a an under in on at by for from with without to of and but or nor if as since after
    before during while when where whether this that these those its his her their our my your
    no not all any every some both each either neither why how what which who so then also
    only even yet because although though unlike like against over through into until despite
    via per about among between beyond within there here it is was are were be has have had
    do does did will would can could should may might must shall""".split()
)
# Leading words that qualify a title without being part of it ("the US Patriot Act").
_QUALIFIERS = frozenset({"uk", "us", "british", "american", "federal", "government", "new"})
# Words before "Act" that make it a performer ("Best Urban Act") or an idiom ("Riot Act").
_NOT_ACT_WORDS = frozenset(
    """best live dance urban pop rock solo group breakthrough newcomer double class tribute
    support supporting opening headline comedy balancing disappearing vanishing riot circus
    cabaret variety""".split()
)
# Last words before "Bill" that make it a first name or a film ("Sir Bill", "Kill Bill").
_NOT_BILL_WORDS = HONORIFICS | {"president", "chief", "analyst", "uncle", "old", "kill", "big"}
# "Act of God", "Act of Parliament": a head word with a tail that is not a title.
_NOT_ACT_TAILS = frozenset(
    {"god", "parliament", "congress", "assembly", "faith", "contrition", "remembrance", "war"}
)
# A "Convention" of these is a political gathering, not a treaty.
_NOT_TREATY_WORDS = frozenset(
    """democratic republican national party labour conservative liberal green annual
    comic fan fans""".split()
)
_SECTION_LABELS = {"s.": "Section", "sections": "Section"}
_BEFORE_SENTENCE = "\n.!?:;\"“”‘’'(—–"


# --- public API -----------------------------------------------------------------------------
def find_legislation(doc: Doc, *, excluded: Sequence[tuple[int, int]] = ()) -> list[LegalMention]:
    """Every mention of a legal instrument in `doc`, in text order.

    Spans overlapping `excluded` (page furniture) yield nothing. References such as "the
    Act" are kept only when an earlier instrument of the same kind resolves them.
    """
    text = doc.text
    hints = {
        label: [(e.start_char, e.end_char) for e in doc.ents if e.label_ in labels]
        for label, labels in (("person", {"PERSON"}), ("place", {"GPE", "LOC", "LAW"}))
    }
    starts = _sentence_starts(doc)
    named = [m for m in _named(doc, text, hints, starts) if not _overlaps(m, excluded)]
    named = _abbreviations(text, _settle_names(named))
    taken = [(m.start, m.end) for m in named]
    found = list(named)
    for m in _informal_bills(text, named, taken):
        if not _overlaps(m, excluded):
            found.append(m)
            taken.append((m.start, m.end))
    found += find_references(doc, found, taken, starts, excluded)
    found += [m for m in _sections(text, found) if not _overlaps(m, excluded)]
    return sorted(found, key=lambda m: (m.start, -m.end))


def legislation_uri(name: str) -> str | None:
    """The legislation.gov.uk identifier URI of a canonical name, when the curated table has it."""
    return _ids().get(name_key(name))


# --- named instruments ----------------------------------------------------------------------
def _named(doc: Doc, text: str, hints, starts) -> list[LegalMention]:
    out = []
    for match in _NAMED.finditer(text):
        mention = _from_match(doc, text, match, hints, starts)
        if mention is not None:
            out.append(mention)
    return out


def _from_match(doc, text, match, hints, starts) -> LegalMention | None:
    head = match["head"]
    kind = _HEADS[head]
    year_text = match["y2"] or match["y1"]
    year = int(year_text) if year_text else None
    title, start = _trim_title(doc, text, match["title"] or "", match.start("title"), starts)
    if not title:
        start = match.start("head")
    if match["y1"]:
        start = match.start("y1")
    tail = (match["tail"] or "").strip()
    end = match.end()
    if tail and not _tail_ok(kind, title, tail):
        tail, end = "", match.end("head")
        year = int(match["y1"]) if match["y1"] else None  # a year after a bad tail is not ours
    if not title and not tail:
        return None
    if not _plausible(kind, title, tail, year, text, match.start("head"), end, hints):
        return None
    if head == "Protocol" and not any(s <= start < e for s, e in hints["place"]):
        return None  # "Kyoto Protocol" is a treaty, "Internet Protocol" is not
    full = " ".join(p for p in (title, head, tail) if p)
    return LegalMention(
        start=start,
        end=end,
        text=text[start:end],
        title=full,
        year=year,
        kind=kind,
        name=_canonical(full, year, kind),
        anaphor=False,
        rule="legislation:year-first" if match["y1"] else f"legislation:titled-{kind.lower()}",
        confidence=0.95 if year else 0.9,
    )


def _trim_title(doc, text, title, offset, starts) -> tuple[str, int]:
    """Drop what precedes the real title: "Under the", "Labour's", "Critics of the"."""
    if not title:
        return "", offset
    cut = 0
    for m in re.finditer(r"[\w’'-]+(?:'s|’s|s'|s’)(?= |$)|, (?!.* and )", title):
        cut = m.end() + (0 if m.group().startswith(",") else 1)
    if cut == 0 and " the " in title and _is_sentence_start(doc, text, offset, starts):
        # "Critics of the Prevention of Terrorism Bill": a sentence-initial common word is
        # not the start of a title that contains "of the".
        first = doc.char_span(offset + cut, offset + cut + len(title[cut:].split()[0]))
        if first is None or first[0].pos_ != "PROPN":
            cut = title.rindex(" the ") + len(" the ")
    words = title[cut:].split(" ")
    while words and (
        words[0].casefold() in _FUNCTION_WORDS | _QUALIFIERS
        or not words[0][:1].isupper()
        and not words[0].startswith("(")
    ):
        cut += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), offset + cut


def _tail_ok(kind: str, title: str, tail: str) -> bool:
    last = tail.split()[-1].casefold()
    if kind == ACT:
        return not title and tail.startswith("of ") and last not in _NOT_ACT_TAILS
    return kind == TREATY


def _plausible(kind, title, tail, year, text, head_start, end, hints) -> bool:
    words = [w.casefold() for w in title.split()]
    after = text[end : end + 3]
    if re.match(r" [A-Z][a-z]", after) and year is None:
        return False  # "Bill Clinton", "Treaty Organisation", "Act Now"
    if kind == BILL:
        if words and words[-1] in _NOT_BILL_WORDS:
            return False
        # The model tags the "Bill" of "Finance Bill" PERSON too, so only a PERSON that
        # also takes in the word before ("Tom Bill") says it is a man's name; one of three
        # or more words up to "Bill" ("Crossrail Link Bill") is a title the model misread.
        if any(
            s < head_start - 1 and e > head_start and len(text[s:head_start].split()) < 2
            for s, e in hints["person"]
        ):
            return False
    if kind == ACT and words and (words[-1] in _NOT_ACT_WORDS or "best" in words):
        return False
    if kind == ORDER:
        return year is not None and bool(title)
    if kind == TREATY and set(words) & _NOT_TREATY_WORDS and not tail:
        return False
    return True


def _canonical(title: str, year: int | None, kind: str) -> str:
    if kind == TREATY or year is None:
        return title  # treaties are named without their year ("Treaty of Rome")
    if kind in (REGULATIONS, ORDER):
        return f"The {title} {year}"  # the official title of a statutory instrument
    return f"{title} {year}"


def _settle_names(named: list[LegalMention]) -> list[LegalMention]:
    """A yearless title the document dates elsewhere takes that year's name."""
    years: dict[tuple[str, str], set[int]] = {}
    for m in named:
        if m.year is not None:
            years.setdefault((m.kind, m.title.casefold()), set()).add(m.year)
    settled = []
    for m in named:
        dated = years.get((m.kind, m.title.casefold()), set())
        if m.year is None and len(dated) == 1:
            year = next(iter(dated))
            m = replace(m, year=year, name=_canonical(m.title, year, m.kind))
        settled.append(m)
    return settled


_ABBREVIATION = re.compile(r" \((?P<abbr>[A-Z][\w-]{1,15})\)")


def _abbreviations(text: str, named: list[LegalMention]) -> list[LegalMention]:
    """ "the ... Marketing Act (Can-Spam)": the short form, and "the Can-Spam Act" after it,
    name the same instrument."""
    out = list(named)
    for m in named:
        match = _ABBREVIATION.match(text, m.end)
        if match is None or m.kind == SECTION:
            continue
        abbr = match["abbr"]
        forms = {abbr.casefold(), f"{abbr} {m.kind}".casefold()}
        out = [
            replace(
                n,
                title=m.title,
                year=m.year,
                kind=m.kind,
                name=m.name,
                anaphor=False,
                rule="legislation:abbreviation",
            )
            if n.start > m.end and n.title.casefold() in forms
            else n
            for n in out
        ]
        taken = [(n.start, n.end) for n in out]
        for found in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text[m.end :]):
            start, end = m.end + found.start(), m.end + found.end()
            if not any(s < end and start < e for s, e in taken):
                out.append(
                    replace(
                        m,
                        start=start,
                        end=end,
                        text=abbr,
                        rule="legislation:abbreviation",
                        confidence=0.85,
                    )
                )
    return sorted(out, key=lambda n: n.start)


# --- references to instruments --------------------------------------------------------------
def _informal_bills(text, named, taken) -> list[LegalMention]:
    """ "the ID cards bill": a Bill named informally, by an acronym or a known Bill's title."""
    bills = [m for m in named if m.kind == BILL]
    out = []
    for match in _LOWER_BILL.finditer(text):
        words = match["words"].split()
        run: list[str] = []
        for word in reversed(words):
            if word.casefold() in STOP_WORDS or not re.fullmatch(r"[\w’'-]+", word):
                break
            run.insert(0, word)
        found = _match_bill(run, bills)
        if found is None:
            continue
        phrase, known = found
        end = match.end()
        start = end - len("bill") - 1 - len(" ".join(phrase))
        if any(s < end and start < e for s, e in taken):
            continue
        surface = text[start:end]
        if known is not None:
            out.append(
                replace(
                    known,
                    start=start,
                    end=end,
                    text=surface,
                    rule="legislation:informal-bill",
                    confidence=0.75,
                )
            )
        else:
            out.append(
                LegalMention(
                    start,
                    end,
                    surface,
                    surface,
                    None,
                    BILL,
                    surface,
                    False,
                    rule="legislation:informal-bill",
                    confidence=0.6,
                )
            )
    return out


def _match_bill(run: list[str], bills: list[LegalMention]):
    for i in range(len(run)):
        phrase = run[i:]
        for bill in bills:
            title_words = bill.title.split()[:-1]
            if len(title_words) == len(phrase) and all(
                t.casefold() == w.casefold()
                or (_ACRONYM.fullmatch(w) and t.casefold().startswith(w.casefold()))
                for w, t in zip(phrase, title_words, strict=True)
            ):
                return phrase, bill
    for i in range(len(run)):
        phrase = run[i:]
        if _ACRONYM.fullmatch(phrase[0]) and phrase[0].casefold() not in _QUALIFIERS | {"eu"}:
            return phrase, None
    return None


def _sections(text, found) -> list[LegalMention]:
    """ "Section 41 of the Terrorism Act 2000": a part of the instrument that follows."""
    by_start = {m.start: m for m in found if m.kind != SECTION}
    out = []
    for match in _SECTION.finditer(text):
        # "of the Act" (the anaphor takes in "the") or "of the Terrorism Act" (it does not)
        parent = by_start.get(match.end()) or by_start.get(match.start("the"))
        if parent is None:
            continue
        label = match["label"].casefold()
        label = _SECTION_LABELS.get(label, label.capitalize())
        title = f"{label} {match['num']}"
        parent_name = re.sub(r"^The ", "", parent.name)
        out.append(
            LegalMention(
                start=match.start(),
                end=parent.end,
                text=text[match.start() : parent.end],
                title=title,
                year=None,
                kind=SECTION,
                name=f"{title} of the {parent_name}",
                anaphor=False,
                parent=parent.name,
                rule="legislation:section",
                confidence=0.9,
            )
        )
    return out


# --- helpers --------------------------------------------------------------------------------
def _sentence_starts(doc: Doc) -> list[int]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [s.start_char for s in doc.sents] or [0]
    return [0] + [m.end() for m in _SENTENCE_END.finditer(doc.text)]


def _is_sentence_start(doc: Doc, text: str, i: int, starts: list[int]) -> bool:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in _BEFORE_SENTENCE or i in starts


def _overlaps(m: LegalMention, excluded: Sequence[tuple[int, int]]) -> bool:
    return any(s < m.end and m.start < e for s, e in excluded)


@lru_cache(maxsize=1)
def _ids() -> dict[str, str]:
    """name key -> legislation.gov.uk URI, from the curated table."""
    table: dict[str, str] = {}
    if not IDS_FILE.exists():
        return table
    for number, line in enumerate(IDS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, uri = line.partition("\t")
        if not sep or not uri.startswith(LEGISLATION_GOV_UK) or "\t" in uri:
            raise InputError(
                f"{IDS_FILE}:{number}: expected 'name<TAB>{LEGISLATION_GOV_UK}...', "
                f"got {line!r}; fix or delete the line"
            )
        table[name_key(name)] = uri.strip()
    return table
