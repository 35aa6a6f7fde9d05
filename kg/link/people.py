"""People across articles: a surname alone, a shorter form of a full name, one name for two.

Decided per surname (the group "person|blair"), from the group's members alone:

1. *Variants* (`link:variant`). A full name joins a more specific form of it that other
   articles use: "George W. Bush" is "George W Bush" (spelling only: always); "George Bush"
   and "G Bush" are "George W Bush" when that form dominates by context (kg.link.context)
   among the more specific forms that fit. A middle name given is kept ("George W Bush" is
   not "George H W Bush"). An article that names both "George Bush" and "George W Bush"
   means two people; one that names "C Stoica" in a line-up and "Cristian Stoica" in its
   text, one.
2. *Surnames* (`link:surname`). A surname used alone, or with a title ("Blair", "Mr Blair",
   "President Bush"), in an article that names no full form with it, joins the full name
   that dominates by context among the full names with that surname and that title, when
   it has one ("President Carter" is not Labour's general secretary Matt Carter; "King
   Michael", known by his given name, is no one's surname). When the article's
   own text writes one of them in full ("Lib Dem Norman Baker", missed by the model), that
   one; when it writes a full name no other article uses ("Tories Ken Clarke"), none. A full
   name called by a courtesy title of the other sex in every article that gives one ("Mrs
   Wilkinson" against "Mr Jonny Wilkinson") is no candidate; a peer's name ("Lord
   Goldsmith") is a name in itself and only joins a full name some article gives that title.
3. *Homonyms*. A full name whose articles disagree about the person (a man's title in one,
   a woman's in another; the same post in two organisations, "chief executive of Acme" and
   "chief executive of Globex") is flagged for review, not split.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from kg.link.context import evidence, weigh
from kg.link.decisions import Candidate, GroupDecision, Join, Review
from kg.link.records import Member, feature, person_tokens
from kg.model import PERSON

VARIANT = "link:variant"
SURNAME = "link:surname"
_MAX_CANDIDATES = 5
_PAST = frozenset({"former", "ex", "then", "late", "acting", "interim"})
_MINOR = frozenset({"of", "for", "the", "and", "on", "in", "&", "to", "at"})
# Words many organisations' names share, which say nothing of which one is meant.
_GENERIC = frozenset(
    "party group plc ltd limited inc company co corporation corp association council "
    "committee union bank society trust board authority agency office department uk "
    "national international british".split()
)


def decide_people(
    group: str, members: list[tuple[str, Member]], features_of: Callable[[str], frozenset[str]]
) -> GroupDecision:
    fulls = [(a, m) for a, m in members if m.form == "full"]
    shorts = [(a, m) for a, m in members if m.form in ("short", "peer")]
    ignore = frozenset(feature(PERSON, m.key) for _, m in fulls)
    spelling = _spellings(fulls)
    articles: dict[str, set[str]] = defaultdict(set)  # spelling -> articles naming it
    for a, m in fulls:
        articles[spelling[m.key]].add(a)
    joins = _Joins()
    candidates = _Candidates()

    # 1. Variants: each full name's occurrence to the form it is a variant of, if any.
    target_of: dict[tuple[str, str], str] = {}  # (article, key) -> consolidated key
    forms = sorted(articles)
    in_article: dict[str, set[str]] = defaultdict(set)
    for a, m in fulls:
        in_article[a].add(spelling[m.key])
    for a, m in fulls:
        own = spelling[m.key]
        wider = _widest([f for f in forms if _less_specific(own, f)])
        target = own
        here = in_article[a] & set(wider)
        initial = len(person_tokens(own)[0]) == 1
        if initial and len(here) == 1:
            # A line-up's "C Stoica" beside the text's "Cristian Stoica": one man.
            target = here.pop()
            joins.add(VARIANT, m, target, a, {})
        elif wider and not here:
            # (An article that names "George W Bush" and "George Bush" means two people.)
            verdict = weigh(a, features_of(a), {f: articles[f] for f in wider}, features_of, ignore)
            if verdict.winner:
                target = verdict.winner
                joins.add(VARIANT, m, target, a, verdict.overlap)
            elif verdict.topical:
                candidates.add(VARIANT, m, verdict, a)
        if target == own and own != m.key:
            joins.add(VARIANT, m, own, a, {})
        target_of[(a, m.key)] = target

    # The consolidated full names, with what their own articles say of them.
    named: dict[str, set[str]] = defaultdict(set)
    genders: dict[str, Counter[str]] = defaultdict(Counter)
    peers: set[str] = set()
    styles: dict[str, set[str]] = defaultdict(set)
    for a, m in fulls:
        target = target_of[(a, m.key)]
        named[target].add(a)
        styles[target] |= set(m.styles)
        if m.gender:
            genders[target][m.gender] += 1
        if m.titles:
            peers.add(target)

    # 2. Surnames alone.
    for a, m in shorts:
        fits = {
            t: named[t]
            for t in sorted(named)
            if not (m.gender and genders[t] and m.gender not in genders[t])
            and (m.form != "peer" or t in peers)
            and (not m.styles or styles[t] & set(m.styles))
        }
        if not fits:
            continue
        # The article writes one of them in full, though it was not found as an entity; or
        # writes someone else in full ("Tories Ken Clarke"), whom no other article names.
        spelled = set(m.written) | set(m.opening)
        written = [t for t in fits if " ".join(person_tokens(t)) in spelled]
        if len(written) == 1:
            joins.add(SURNAME, m, written[0], a, {})
            continue
        if m.written and not written:
            continue
        verdict = weigh(a, features_of(a), fits, features_of, ignore)
        if verdict.winner:
            joins.add(SURNAME, m, verdict.winner, a, verdict.overlap)
        elif verdict.topical:
            candidates.add(SURNAME, m, verdict, a)

    names = _names(fulls, spelling)
    return GroupDecision(
        group,
        joins.frozen(names),
        candidates.frozen(),
        tuple(_reviews(fulls, target_of)),
    )


def _spellings(fulls) -> dict[str, str]:
    """Each full key -> the key of its spelling ("george w. bush" -> "george w bush")."""
    by_words: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for _, m in fulls:
        by_words[tuple(person_tokens(m.key))].add(m.key)
    found = {}
    for words, keys in by_words.items():
        plain = " ".join(words)
        canonical = plain if plain in keys else min(keys)
        for key in keys:
            found[key] = canonical
    return found


def _fits(short: str, long: str) -> bool:
    return short == long or (len(short) == 1 and long.startswith(short))


def _less_specific(a: str, b: str) -> bool:
    """ "george bush" and "g bush" are less specific forms of "george w bush"; "george w bush"
    is not one of "george h w bush" (a middle name given is kept: one middle name each)."""
    x, y = person_tokens(a), person_tokens(b)
    if x == y or len(x) > len(y) or x[-1] != y[-1] or not _fits(x[0], y[0]):
        return False
    middle, wider = x[1:-1], y[1:-1]
    if middle and len(middle) != len(wider):
        return False
    if not all(_fits(w, v) for w, v in zip(middle, wider, strict=False)):
        return False
    return len(y) > len(x) or any(len(w) < len(v) for w, v in zip(x, y, strict=True))


def _widest(forms: list[str]) -> list[str]:
    return [f for f in forms if not any(_less_specific(f, g) for g in forms)]


def _names(fulls, spelling) -> dict[str, str]:
    """Each consolidated key -> the name its own articles give it most."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _, m in fulls:
        counts[spelling[m.key]][m.name] += 1
    return {key: max(c, key=lambda n: (c[n], len(n), n)) for key, c in counts.items()}


class _Joins:
    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], dict] = {}

    def add(self, rule: str, m: Member, target: str, article: str, overlap) -> None:
        item = self.found.setdefault(
            (rule, m.key, target), {"forms": set(), "articles": set(), "overlaps": []}
        )
        item["forms"].add(m.name)
        item["articles"].add(article)
        item["overlaps"].append(overlap)

    def frozen(self, names: dict[str, str]) -> tuple[Join, ...]:
        return tuple(
            Join(
                rule,
                PERSON,
                source,
                target,
                names.get(target, target),
                tuple(sorted(item["forms"])),
                tuple(sorted(item["articles"])),
                evidence(item["overlaps"]),
            )
            for (rule, source, target), item in sorted(self.found.items())
        )


class _Candidates:
    def __init__(self) -> None:
        self.found: dict[tuple[str, str, tuple[str, ...]], dict] = {}

    def add(self, rule: str, m: Member, verdict, article: str) -> None:
        ranked = tuple(k for k, support in verdict.ranked if support > 0)[:_MAX_CANDIDATES]
        item = self.found.setdefault((rule, m.key, ranked), {"forms": set(), "articles": set()})
        item["forms"].add(m.name)
        item["articles"].add(article)

    def frozen(self) -> tuple[Candidate, ...]:
        return tuple(
            Candidate(
                rule,
                PERSON,
                source,
                tuple(sorted(item["forms"])),
                ranked,
                tuple(sorted(item["articles"])),
            )
            for (rule, source, ranked), item in sorted(self.found.items())
        )


def _reviews(fulls, target_of) -> list[Review]:
    by_target: dict[str, list[tuple[str, Member]]] = defaultdict(list)
    for a, m in fulls:
        by_target[target_of[(a, m.key)]].append((a, m))
    reviews = []
    for target, seen in sorted(by_target.items()):
        sexes: dict[str, set[str]] = defaultdict(set)
        for a, m in seen:
            if m.gender:
                sexes[m.gender].add(a)
        if len(sexes) > 1:
            reviews.append(
                Review(
                    PERSON,
                    target,
                    f"called by a man's title in {len(sexes['m'])} article(s) and by a "
                    f"woman's in {len(sexes['f'])}",
                    tuple(sorted(sexes["m"] | sexes["f"])),
                )
            )
        reviews.extend(_post_conflicts(target, seen))
    return reviews


def _post_conflicts(target: str, seen) -> list[Review]:
    """The same post in two organisations, in articles that never name both."""
    held: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a, m in seen:
        for post, org in m.posts:
            words = post.split()
            if words and not _PAST & set(words):
                held[post][org].add(a)
    reviews = []
    for post, orgs in sorted(held.items()):
        keys = sorted(orgs)
        clash = [
            (x, y)
            for i, x in enumerate(keys)
            for y in keys[i + 1 :]
            if not orgs[x] & orgs[y] and not _same_organisation(x, y)
        ]
        if clash:
            names = sorted({k for pair in clash for k in pair})
            where = sorted({a for k in names for a in orgs[k]})
            reviews.append(
                Review(PERSON, target, f"{post} of {' and of '.join(names)}", tuple(where))
            )
    return reviews


def _same_organisation(x: str, y: str) -> bool:
    """Two names that may well be one organisation: "bt" and "british telecom" (initials),
    "bt group" and "bt", "british chamber of commerce" and "british chambers of commerce"
    (a distinctive word in common). "labour party" and "conservative party" are not."""
    names = [_words(x), _words(y)]
    distinctive = [[w for w in n if w not in _MINOR | _GENERIC] or n for n in names]
    for one, other in ((0, 1), (1, 0)):
        short, long = distinctive[one], names[other]
        if len(short) == 1 and len(short[0]) > 1 and len(long) > 1:
            initials = "".join(w[0] for w in long if w not in _MINOR)
            if initials.startswith(short[0]) or "".join(w[0] for w in long) == short[0]:
                return True
    stems = [{w.removesuffix("s") for w in n} for n in distinctive]
    return bool(stems[0] & stems[1])


def _words(name: str) -> list[str]:
    return name.replace("-", " ").split()
