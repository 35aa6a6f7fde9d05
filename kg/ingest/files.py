"""Read articles from disk: files, directories and glob patterns in, `Article`s out.

This module finds the files and reads their bytes as UTF-8 text; kg.ingest.formats makes
articles of the text, by file type.

Every input that cannot be used becomes a `Skipped` with a reason the user can act on; one
bad file never stops a batch. Order is deterministic (sorted expansion, input order kept).
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.config import MAX_ARTICLE_CHARS, MAX_INPUT_BYTES, OUT_MARKER
from kg.ingest.formats import SUPPORTED_SUFFIXES, articles_in
from kg.model import Article, Skipped

_SUPPORTED_LIST = " ".join(SUPPORTED_SUFFIXES)
_GLOB_CHARS = frozenset("*?[")
# A NUL byte this early means a binary file; text formats never contain one.
_BINARY_PROBE = 8192
_BOM = b"\xef\xbb\xbf"
# Text in UTF-16 or UTF-32 is read when it starts with its byte-order mark (the longer marks
# first: UTF-32-LE's starts with UTF-16-LE's).
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# A corpus directory's own documentation is not an article (named explicitly, it is read).
_NOT_ARTICLES = frozenset({"readme", "license", "licence"})


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
            path, origin, relative = item
            for result in _read_file(path, origin, max_bytes=max_bytes, max_chars=max_chars):
                if isinstance(result, Article):
                    result = replace(result, source_file=relative)
                if isinstance(result, Article):
                    if result.id in first_origin:
                        reason = f"duplicate of {first_origin[result.id]}"
                        yield Skipped(origin=result.origin, reason=reason)
                        continue
                    first_origin[result.id] = result.origin
                yield result


# A file to read: its path, its origin (for messages) and its path relative to the input.
_Found = tuple[Path, str, str]


def _expand(raw: str | Path) -> Iterator[_Found | Skipped]:
    """The files named by one input path, or why there are none."""
    origin = str(raw)
    path = Path(raw)
    if path.is_dir() and (path / OUT_MARKER).is_file():
        yield Skipped(origin, "is an OUT directory written by kg, not articles")
    elif path.is_dir():
        yield from _walk(path, origin)
    elif path.exists() or path.is_symlink():
        if _supported(path):
            yield path, origin, path.name
        else:
            yield Skipped(origin, _unsupported_reason(path))
    elif _GLOB_CHARS & set(origin):
        yield from _expand_glob(origin)
    else:
        yield Skipped(origin, "no such file or directory; check the path")


def _expand_glob(pattern: str) -> Iterator[_Found | Skipped]:
    found = False
    start = _glob_start(pattern)
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if _in_out(path):
            continue
        relative = Path(os.path.relpath(match, start)).as_posix()
        if path.is_dir():
            for item in _walk(path, match, report_empty=False, relative=relative):
                found = True
                yield item
        elif _walkable(path):
            found = True
            yield path, match, relative
    if not found:
        yield Skipped(pattern, f"glob pattern matched no {_SUPPORTED_LIST} files")


def _glob_start(pattern: str) -> str:
    """The directory a glob pattern starts from: its parts before the first wildcard."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if _GLOB_CHARS & set(part):
            break
        parts.append(part)
    return os.path.join(*parts) if parts else "."


def _walk(
    root: Path, origin: str, *, report_empty: bool = True, relative: str = ""
) -> Iterator[_Found | Skipped]:
    """Supported files under `root`, sorted by relative path; hidden files and dirs skipped."""
    errors: list[OSError] = []
    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        if OUT_MARKER in filenames:  # kg's own output (`kg build . -o out`): not articles
            dirnames[:] = []
            continue
        # Pruning in place stops os.walk descending into hidden directories (.git, .cache).
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = Path(dirpath).relative_to(root).parts
        for name in filenames:
            if _walkable(Path(name)):
                found.append((*rel, name))
    for error in sorted(errors, key=lambda e: str(e.filename)):
        yield Skipped(str(error.filename), f"cannot read directory: {error.strerror}")
    for parts in sorted(found):
        inside = "/".join(parts)
        yield (
            root.joinpath(*parts),
            os.path.join(origin, *parts),
            (f"{relative}/{inside}" if relative and relative != "." else inside),
        )
    if not found and not errors and report_empty:
        yield Skipped(origin, f"directory has no {_SUPPORTED_LIST} files")


def _in_out(path: Path) -> bool:
    """`path` is, or is in, an OUT directory kg wrote."""
    return any((d / OUT_MARKER).is_file() for d in (path, *path.parents) if d.name)


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
    yield from articles_in(text, path.suffix.lower(), origin, max_chars=max_chars)


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
    return data


def _decode(data: bytes) -> str:
    for bom, encoding in _OTHER_BOMS:
        if data.startswith(bom):
            return _decode_other(data[len(bom) :], encoding)
    probe = data[:_BINARY_PROBE]
    if b"\x00" in probe:
        utf16 = _utf16_without_bom(probe)
        if utf16:
            raise _Unusable(
                f"looks like {utf16.upper()} text without a byte-order mark; "
                f"convert it to UTF-8, e.g. iconv -f {utf16} -t utf-8"
            )
        raise _Unusable("binary file (NUL byte found); kg reads UTF-8 text")
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + skip
        raise _Unusable(
            f"not valid UTF-8 (byte 0x{data[offset]:02x} at byte offset {offset}); "
            "convert it to UTF-8, e.g. iconv -f latin1 -t utf-8"
        ) from None


def _decode_other(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _Unusable(
            f"not valid {encoding.upper()} (its byte-order mark says so) at byte offset "
            f"{error.start}; convert it to UTF-8, e.g. iconv -f {encoding} -t utf-8"
        ) from None
    if "\x00" in text[: _BINARY_PROBE // 2]:
        raise _Unusable(f"binary file (NUL character in {encoding.upper()} text)")
    return text


def _utf16_without_bom(probe: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when every other byte is NUL (ASCII text in UTF-16)."""
    if len(probe) < 4:
        return None
    even, odd = probe[0::2], probe[1::2]
    if not odd.strip(b"\x00") and even.strip(b"\x00"):
        return "utf-16-le"
    if not even.strip(b"\x00") and odd.strip(b"\x00"):
        return "utf-16-be"
    return None
