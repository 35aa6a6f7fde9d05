"""Read articles from disk: files, directories and glob patterns in, `Article`s out.

Every input that cannot be used becomes a `Skipped` with a reason the user can act on; one
bad file never stops a batch. Order is deterministic (sorted expansion, input order kept).
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.config import MAX_ARTICLE_CHARS, MAX_INPUT_BYTES
from kg.model import Article, Skipped

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_SUPPORTED_LIST = " ".join(SUPPORTED_SUFFIXES)
_GLOB_CHARS = frozenset("*?[")
# A NUL byte this early means a binary file; text formats never contain one.
_BINARY_PROBE = 8192
_BOM = b"\xef\xbb\xbf"
# A corpus directory's own documentation is not an article (named explicitly, it is read).
_NOT_ARTICLES = frozenset({"readme", "license", "licence"})
_JSONL_OPTIONAL = ("id", "title", "url", "date", "source")
# C0 controls other than \t and \n, and the two noncharacters: all illegal in XML 1.0, so
# they would break RDF/XML, TriG and Turtle consumers downstream. One space each keeps offsets.
_CONTROL_TO_SPACE = {
    code: " " for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
}


def read_articles(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = MAX_INPUT_BYTES,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[Article | Skipped]:
    """Yield one `Article` per readable article, one `Skipped` per unusable input.

    Each path is a file, a directory (walked recursively, hidden entries ignored) or a glob
    pattern. An article whose id was already produced in this call is skipped as a duplicate.
    """
    if isinstance(paths, str | Path):  # a lone path would otherwise be iterated per character
        paths = [paths]
    first_origin: dict[str, str] = {}
    for raw in paths:
        for item in _expand(raw):
            if isinstance(item, Skipped):
                yield item
                continue
            path, origin = item
            for result in _read_file(path, origin, max_bytes=max_bytes, max_chars=max_chars):
                if isinstance(result, Article):
                    if result.id in first_origin:
                        reason = f"duplicate of {first_origin[result.id]}"
                        yield Skipped(origin=result.origin, reason=reason)
                        continue
                    first_origin[result.id] = result.origin
                yield result


def _expand(raw: str | Path) -> Iterator[tuple[Path, str] | Skipped]:
    """The files named by one input path, as (path, origin) pairs, or why there are none."""
    origin = str(raw)
    path = Path(raw)
    if path.is_dir():
        yield from _walk(path, origin)
    elif path.exists() or path.is_symlink():
        if _supported(path):
            yield path, origin
        else:
            yield Skipped(origin, _unsupported_reason(path))
    elif _GLOB_CHARS & set(origin):
        yield from _expand_glob(origin)
    else:
        yield Skipped(origin, "no such file or directory; check the path")


def _expand_glob(pattern: str) -> Iterator[tuple[Path, str] | Skipped]:
    found = False
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            for item in _walk(path, match, report_empty=False):
                found = True
                yield item
        elif _walkable(path):
            found = True
            yield path, match
    if not found:
        yield Skipped(pattern, f"glob pattern matched no {_SUPPORTED_LIST} files")


def _walk(
    root: Path, origin: str, *, report_empty: bool = True
) -> Iterator[tuple[Path, str] | Skipped]:
    """Supported files under `root`, sorted by relative path; hidden files and dirs skipped."""
    errors: list[OSError] = []
    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        # Pruning in place stops os.walk descending into hidden directories (.git, .cache).
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = Path(dirpath).relative_to(root).parts
        for name in filenames:
            if _walkable(Path(name)):
                found.append((*rel, name))
    for error in sorted(errors, key=lambda e: str(e.filename)):
        yield Skipped(str(error.filename), f"cannot read directory: {error.strerror}")
    for parts in sorted(found):
        yield root.joinpath(*parts), os.path.join(origin, *parts)
    if not found and not errors and report_empty:
        yield Skipped(origin, f"directory has no {_SUPPORTED_LIST} files")


def _walkable(path: Path) -> bool:
    hidden = path.name.startswith(".")
    return not hidden and _supported(path) and path.stem.lower() not in _NOT_ARTICLES


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _unsupported_reason(path: Path) -> str:
    kind = path.suffix.lower() or "without an extension"
    return f"unsupported file type {kind}; kg reads {_SUPPORTED_LIST}"


class _Unusable(Exception):
    """Internal: why a file cannot be used; becomes a Skipped reason, never escapes."""


def _read_file(
    path: Path, origin: str, *, max_bytes: int, max_chars: int
) -> Iterator[Article | Skipped]:
    try:
        text = _decode(_read_bytes(path, max_bytes))
    except _Unusable as error:
        yield Skipped(origin, str(error))
        return
    if not _clean(text).strip():
        yield Skipped(origin, "file is empty or whitespace only")
        return
    suffix = path.suffix.lower()
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


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; the size is checked with stat so a huge file is never read."""
    try:
        info = path.stat()
    except OSError as error:
        raise _Unusable(f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Unusable("is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs and devices could block or never end; kg reads regular files only.
        raise _Unusable("not a regular file")
    if info.st_size > max_bytes:
        raise _Unusable(
            f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,}; "
            "split it or raise the input size limit"
        )
    if info.st_size == 0:
        raise _Unusable("file is empty or whitespace only")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _Unusable(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:  # grew between stat and read
        raise _Unusable(f"file is over the limit of {max_bytes:,} bytes")
    if b"\x00" in data[:_BINARY_PROBE]:
        raise _Unusable("binary file (NUL byte found); kg reads UTF-8 text")
    return data


def _decode(data: bytes) -> str:
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + skip
        raise _Unusable(
            f"not valid UTF-8 (byte 0x{data[offset]:02x} at byte offset {offset}); "
            "convert it to UTF-8, e.g. iconv -f latin1 -t utf-8"
        ) from None


def _clean(text: str) -> str:
    """Normalise newlines and blank out characters RDF serialisers cannot carry."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL_TO_SPACE)


def _article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _too_long(length: int, max_chars: int) -> str:
    return f"article is {length:,} characters, over the limit of {max_chars:,}; split it"


def _from_plain(raw: str, origin: str, *, markdown: bool) -> Article:
    text = _clean(raw)
    return Article(
        id=_article_id(text), text=text, title=_plain_title(text, markdown), origin=origin
    )


def _plain_title(text: str, markdown: bool) -> str | None:
    """The first line is a title when a blank line follows it (the corpus convention)."""
    lines = text.split("\n", 2)
    if len(lines) < 2 or lines[1].strip():
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
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        return Skipped(origin, "no article text found in the HTML page")
    text = _clean(body)
    return Article(
        id=_article_id(text),
        text=text,
        title=_meta(getattr(doc, "title", None)),
        date=_meta(getattr(doc, "date", None)),
        url=_meta(getattr(doc, "url", None)),
        source=_meta(getattr(doc, "sitename", None)),
        origin=origin,
    )


def _meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(_clean(value).split())
    return value or None


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
        yield _from_record(record, origin, max_chars)


def _from_record(record: object, origin: str, max_chars: int) -> Article | Skipped:
    if not isinstance(record, dict):
        return Skipped(origin, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not _clean(text).strip():
        return Skipped(origin, '"text" is required and must be a non-empty string')
    for key in _JSONL_OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return Skipped(origin, f'"{key}" must be a string, got {type(value).__name__}')
    text = _clean(text)
    if len(text) > max_chars:
        return Skipped(origin, _too_long(len(text), max_chars))
    given_id = record.get("id")
    if given_id is not None and not given_id.strip():
        return Skipped(origin, '"id" must not be empty; give an id or leave the field out')
    return Article(
        id=given_id.strip() if given_id is not None else _article_id(text),
        text=text,
        title=_meta(record.get("title")),
        date=_meta(record.get("date")),
        url=_meta(record.get("url")),
        source=_meta(record.get("source")),
        origin=origin,
    )
