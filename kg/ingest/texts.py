"""Articles held in memory, for `kg.build_texts`: each a string (its text) or an `Article`.

A string is read as a .txt file's content would be (a first line followed by a blank line
and a body is the headline). An `Article` made in Python is checked as a JSON Lines record
is (kg.ingest.check): text that cannot be written, a url that is not http(s), a date that is
not one, an empty id; its text is normalised as a file's is. Each input that cannot be used
becomes a `Skipped` (origin `texts[N]`, N its index), as for files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.config import MAX_ARTICLE_CHARS
from kg.ingest.check import date_problem, text_problem, url_problem
from kg.ingest.formats import article_id, articles_in, clean
from kg.model import Article, Skipped


def read_texts(
    texts: Iterable[str | Article], *, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[Article | Skipped]:
    """One `Article` per usable text, one `Skipped` per unusable one, in order; an article
    whose id an earlier one has is skipped as a duplicate."""
    if isinstance(texts, str | Article):  # one text, not a sequence of its characters
        texts = [texts]
    first: dict[str, str] = {}
    for index, item in enumerate(texts):
        origin = f"texts[{index}]"
        for result in _read_one(item, origin, max_chars):
            if isinstance(result, Article):
                if result.id in first:
                    yield Skipped(origin, f"duplicate of {first[result.id]}")
                    continue
                first[result.id] = origin
            yield result


def _read_one(item: object, origin: str, max_chars: int) -> Iterator[Article | Skipped]:
    if isinstance(item, str):
        if problem := text_problem("text", item):
            yield Skipped(origin, problem)
            return
        yield from articles_in(item, ".txt", origin, max_chars=max_chars)
    elif isinstance(item, Article):
        yield _checked(item, origin, max_chars)
    else:
        yield Skipped(origin, f"expected a str or a kg.Article, got {type(item).__name__}")


def _checked(article: Article, origin: str, max_chars: int) -> Article | Skipped:
    fields = {
        "id": article.id, "text": article.text, "title": article.title,
        "date": article.date, "url": article.url, "source": article.source,
    }  # fmt: skip
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            return Skipped(origin, f'"{name}" must be a string, got {type(value).__name__}')
        if value is not None and (problem := text_problem(name, value)):
            return Skipped(origin, problem)
    text = clean(article.text)
    if not text.strip():
        return Skipped(origin, '"text" is required and must be a non-empty string')
    if len(text) > max_chars:
        return Skipped(origin, f"article is {len(text):,} characters, over the limit of "
                       f"{max_chars:,}; split it")  # fmt: skip
    problem = (article.url and url_problem(article.url)) or (
        article.date and date_problem(article.date)
    )
    if problem:
        return Skipped(origin, problem)
    given = article.id.strip()
    return replace(
        article,
        id=given or article_id(text),
        text=text,
        title=_line(article.title),
        source=_line(article.source),
        origin=article.origin or origin,
    )


def _line(value: str | None) -> str | None:
    # Metadata is one line of text, as a file's is (kg.ingest.formats).
    value = " ".join(clean(value).split()) if value is not None else None
    return value or None
