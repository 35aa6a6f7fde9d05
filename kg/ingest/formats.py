"""The text of one input file to its articles, by file type: plain text, Markdown, an HTML
page (its main text, by trafilatura) or JSON Lines (one article a line).

The text is normalised (newlines, characters RDF cannot carry) with its offsets kept; an
article without an `id` is named by the hash of its text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from kg.ingest.check import date_problem, text_problem, url_problem
from kg.model import Article, Skipped

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_JSONL_OPTIONAL = ("id", "title", "url", "date", "source")
# C0 controls other than \t and \n, and the two noncharacters: all illegal in XML 1.0, so
# they would break RDF/XML, TriG and Turtle consumers downstream. One space each keeps offsets.
_CONTROL_TO_SPACE = {
    code: " " for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
}


def articles_in(
    text: str, suffix: str, origin: str, *, max_chars: int
) -> Iterator[Article | Skipped]:
    """The articles of one file's `text` (`suffix` gives its type, `origin` where it is from),
    or why there are none; an article over `max_chars` is skipped."""
    if not clean(text).strip():
        yield Skipped(origin, "file is empty or whitespace only")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(text, origin, max_chars)
        return
    if suffix in (".html", ".htm"):
        article = _from_html(text, origin)
    else:
        article = _from_plain(text, origin, markdown=suffix == ".md")
    if isinstance(article, Article) and len(article.text) > max_chars:
        article = Skipped(origin, _too_long(len(article.text), max_chars))
    yield article


def clean(text: str) -> str:
    """Normalise newlines and blank out characters RDF serialisers cannot carry."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL_TO_SPACE)


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _too_long(length: int, max_chars: int) -> str:
    return f"article is {length:,} characters, over the limit of {max_chars:,}; split it"


def _from_plain(raw: str, origin: str, *, markdown: bool) -> Article:
    text = clean(raw)
    return Article(
        id=article_id(text), text=text, title=_plain_title(text, markdown), origin=origin
    )


def _plain_title(text: str, markdown: bool) -> str | None:
    """The first line is a title when a blank line and then the body follow it (the corpus
    convention); a text of one line, with or without a newline, is all body."""
    lines = text.split("\n", 2)
    if len(lines) < 3 or lines[1].strip() or not lines[2].strip():
        return None
    title = lines[0].strip()
    if markdown:
        title = title.lstrip("#").strip()
    return title or None


def _from_html(raw: str, origin: str) -> Article | Skipped:
    import trafilatura  # heavy (lxml, htmldate): imported only when HTML is read

    # Precision over recall: a page's navigation, comments and teasers are not news.
    doc = trafilatura.bare_extraction(
        raw,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
        # Dates from the page's markup only: the extensive search guesses from the text,
        # and takes a footer's "(c) 2021 BBC." for a publication date of 1 January 2021.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        return Skipped(origin, "no article text found in the HTML page")
    text = clean(body)
    return Article(
        id=article_id(text),
        text=text,
        title=_meta(getattr(doc, "title", None)),
        date=_checked(_meta(getattr(doc, "date", None)), date_problem),
        url=_checked(_meta(getattr(doc, "url", None)), url_problem),
        source=_meta(getattr(doc, "sitename", None)),
        origin=origin,
    )


def _meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(clean(value).split())
    return value or None


def _checked(value: str | None, problem) -> str | None:
    # A page's metadata is a guess: a value kg cannot use is left out, not reported.
    return value if value is not None and problem(value) is None else None


def _read_jsonl(content: str, path_origin: str, max_chars: int) -> Iterator[Article | Skipped]:
    # Split on "\n" only: str.splitlines would also split on U+2028, legal inside JSON strings.
    for lineno, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path_origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skipped(origin, f"bad JSON: {error.msg} at column {error.colno}")
            continue
        yield _from_record(record, origin, max_chars, lineno)


def _from_record(record: object, origin: str, max_chars: int, line: int) -> Article | Skipped:
    if not isinstance(record, dict):
        return Skipped(origin, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not clean(text).strip():
        return Skipped(origin, '"text" is required and must be a non-empty string')
    for key in _JSONL_OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return Skipped(origin, f'"{key}" must be a string, got {type(value).__name__}')
    for key in ("text", *_JSONL_OPTIONAL):
        value = record.get(key)
        if value is not None and (problem := text_problem(key, value)):
            return Skipped(origin, problem)
    text = clean(text)
    if len(text) > max_chars:
        return Skipped(origin, _too_long(len(text), max_chars))
    given_id = record.get("id")
    if given_id is not None and not given_id.strip():
        return Skipped(origin, '"id" must not be empty; give an id or leave the field out')
    url, date = _meta(record.get("url")), _meta(record.get("date"))
    problem = (url and url_problem(url)) or (date and date_problem(date))
    if problem:
        return Skipped(origin, problem)
    return Article(
        id=given_id.strip() if given_id is not None else article_id(text),
        text=text,
        title=_meta(record.get("title")),
        date=date,
        url=url,
        source=_meta(record.get("source")),
        origin=origin,
        source_line=line,
    )
