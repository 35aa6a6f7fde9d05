import gzip
import hashlib
import json
import os
from pathlib import Path

import pytest

from kg.ingest.files import read_articles
from kg.model import Article, Skipped


def _read(*paths, **kwargs):
    return list(read_articles([str(p) for p in paths], **kwargs))


def _one(*paths, **kwargs):
    results = _read(*paths, **kwargs)
    assert len(results) == 1, results
    return results[0]


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- plain text and markdown -------------------------------------------------------------


def test_txt_keeps_whole_text_and_takes_title_before_blank_line(tmp_path):
    content = "Fix room plan blocked\n\nThe Home Office said no.\n"
    article = _one(_write(tmp_path / "a.txt", content))
    assert isinstance(article, Article)
    assert article.text == content  # title stays in the text so offsets are into the file
    assert article.title == "Fix room plan blocked"
    assert article.origin == str(tmp_path / "a.txt")


def test_no_title_without_blank_line(tmp_path):
    article = _one(_write(tmp_path / "a.txt", "First line\nsecond line.\n"))
    assert article.title is None


def test_markdown_title_loses_hashes(tmp_path):
    article = _one(_write(tmp_path / "a.md", "## Budget day\n\nThe Chancellor spoke.\n"))
    assert article.title == "Budget day"
    assert article.text.startswith("## Budget day")


def test_newlines_normalised_and_control_characters_blanked(tmp_path):
    raw = "Title\r\n\r\nLine one\rLine\x0btwo\x07 and\ttab\ufffe\uffff end\x1f"
    article = _one(_write(tmp_path / "a.txt", raw))
    assert article.text == "Title\n\nLine one\nLine two  and\ttab   end "
    assert article.title == "Title"


def test_utf8_bom_is_stripped(tmp_path):
    article = _one(_write(tmp_path / "a.txt", b"\xef\xbb\xbfCaf\xc3\xa9 opens."))
    assert article.text == "Café opens."


# --- bad files ---------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", b"\x01\x02\n"])
def test_empty_or_blank_file_is_skipped(tmp_path, content):
    result = _one(_write(tmp_path / "a.txt", content))
    assert isinstance(result, Skipped)
    assert "empty" in result.reason


def test_binary_file_is_skipped(tmp_path):
    data = gzip.compress(b"The Home Office said no. " * 50, mtime=0)
    assert b"\x00" in data[:8192]
    result = _one(_write(tmp_path / "archive.txt", data))
    assert isinstance(result, Skipped)
    assert "binary" in result.reason


def test_latin1_file_is_skipped_with_offset(tmp_path):
    data = "Le café est fermé.".encode("latin-1")
    result = _one(_write(tmp_path / "fr.txt", data))
    assert isinstance(result, Skipped)
    assert "not valid UTF-8" in result.reason
    assert f"byte offset {data.index(0xE9)}" in result.reason
    assert "0xe9" in result.reason


def test_bad_utf8_offset_counts_the_bom(tmp_path):
    data = b"\xef\xbb\xbfabc\xff"
    result = _one(_write(tmp_path / "a.txt", data))
    assert "byte offset 6" in result.reason


def test_file_over_max_bytes_is_refused_without_reading(tmp_path, monkeypatch):
    path = _write(tmp_path / "big.txt", "word " * 100)

    def _no_read(self):
        raise AssertionError("an oversized file must not be read")

    monkeypatch.setattr(Path, "read_bytes", _no_read)
    result = _one(path, max_bytes=100)
    assert isinstance(result, Skipped)
    assert "500" in result.reason and "100" in result.reason


def test_article_over_max_chars_is_skipped(tmp_path):
    path = _write(tmp_path / "long.txt", "x" * 50)
    assert isinstance(_one(path, max_chars=50), Article)
    result = _one(path, max_chars=49)
    assert isinstance(result, Skipped)
    assert "50 characters" in result.reason


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    path = _write(tmp_path / "secret.txt", "Hidden news.")

    def _denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", _denied)
    result = _one(path)
    assert isinstance(result, Skipped)
    assert "Permission denied" in result.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_file_without_read_permission_is_skipped(tmp_path):
    path = _write(tmp_path / "secret.txt", "Hidden news.")
    path.chmod(0)
    try:
        assert isinstance(_one(path), Skipped)
    finally:
        path.chmod(0o644)


def test_fifo_is_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _one(fifo)  # would block forever if it were opened
    assert isinstance(result, Skipped)
    assert "regular file" in result.reason


def test_explicit_unsupported_file_is_skipped(tmp_path):
    result = _one(_write(tmp_path / "paper.pdf", b"%PDF-1.4"))
    assert result == Skipped(
        str(tmp_path / "paper.pdf"),
        "unsupported file type .pdf; kg reads .txt .md .html .htm .jsonl",
    )


def test_missing_path_is_skipped(tmp_path):
    result = _one(tmp_path / "nope.txt")
    assert isinstance(result, Skipped)
    assert result.origin == str(tmp_path / "nope.txt")
    assert "no such file" in result.reason


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    bad = _write(tmp_path / "bad.txt", b"\xff\xfe")
    good = _write(tmp_path / "good.txt", "Good news.")
    results = _read(bad, tmp_path / "missing.txt", good)
    assert [type(r) for r in results] == [Skipped, Skipped, Article]


# --- directories and globs ---------------------------------------------------------------


def _tree(root: Path) -> None:
    _write(root / "b.txt", "B story.")
    _write(root / "a.md", "A story.")
    _write(root / "sub" / "c.jsonl", json.dumps({"text": "C story."}) + "\n")
    _write(root / "sub" / "deeper" / "d.html", "<html><body><p>D story.</p></body></html>")
    _write(root / "notes.pdf", b"%PDF")
    _write(root / "table.csv", "x,y")
    _write(root / ".hidden.txt", "Hidden story.")
    _write(root / ".git" / "e.txt", "Git story.")
    _write(root / "README.txt", "About this corpus.")


def test_directory_is_walked_sorted_skipping_hidden_and_unsupported(tmp_path):
    _tree(tmp_path)
    results = _read(tmp_path)
    origins = [r.origin for r in results]
    assert origins == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "c.jsonl") + ":1",
        str(tmp_path / "sub" / "deeper" / "d.html"),
    ]


def test_directory_without_articles_is_reported(tmp_path):
    _write(tmp_path / "x.csv", "a,b")
    result = _one(tmp_path)
    assert isinstance(result, Skipped)
    assert "no .txt" in result.reason


def test_glob_is_expanded_sorted_and_recursively(tmp_path):
    _tree(tmp_path)
    flat = _read(tmp_path / "*.txt")
    assert [r.origin for r in flat] == [str(tmp_path / "b.txt")]  # not hidden, not README
    deep = _read(tmp_path / "**" / "*.*")
    assert [Path(r.origin.split(":")[0]).name for r in deep] == [
        "a.md",
        "b.txt",
        "c.jsonl",
        "d.html",
    ]


def test_glob_matching_nothing_is_skipped(tmp_path):
    result = _one(tmp_path / "*.txt")
    assert result == Skipped(str(tmp_path / "*.txt"), result.reason)
    assert "matched no" in result.reason


def test_a_single_path_string_is_not_iterated_per_character(tmp_path):
    path = _write(tmp_path / "a.txt", "News.")
    assert [r.text for r in read_articles(str(path))] == ["News."]


def test_order_is_deterministic(tmp_path):
    _tree(tmp_path)
    assert _read(tmp_path) == _read(tmp_path)


# --- ids and duplicates ------------------------------------------------------------------


def test_id_is_content_hash_of_cleaned_text(tmp_path):
    unix = _one(_write(tmp_path / "a.txt", "One.\nTwo.\n"))
    dos = _one(_write(tmp_path / "b.txt", "One.\r\nTwo.\r\n"))
    assert unix.id == dos.id == hashlib.sha256(b"One.\nTwo.\n").hexdigest()[:16]


def test_duplicate_content_is_skipped_naming_the_first(tmp_path):
    first = _write(tmp_path / "a.txt", "Same story.")
    second = _write(tmp_path / "b.txt", "Same story.")
    results = _read(tmp_path)
    assert isinstance(results[0], Article)
    assert results[1] == Skipped(str(second), f"duplicate of {first}")


def test_duplicates_are_per_call(tmp_path):
    path = _write(tmp_path / "a.txt", "Same story.")
    assert isinstance(_one(path), Article)
    assert isinstance(_one(path), Article)


# --- jsonl -------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First story.", "title": "First", "url": "https://x.org/1",
                    "date": "2021-01-28", "source": "Wire"}),
        "",
        "{not json",
        json.dumps(["text", "in a list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Typed badly.", "title": 7}),
        json.dumps({"text": "Second story.", "extra": {"ignored": True}}),
        "   ",
        json.dumps({"id": "a1", "text": "Reused id."}),
    ]  # fmt: skip
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    results = _read(path)
    by_line = {r.origin.rsplit(":", 1)[1]: r for r in results}
    assert sorted(by_line, key=int) == ["1", "3", "4", "5", "6", "7", "8", "9", "11"]
    first = by_line["1"]
    assert first == Article(
        id="a1", text="First story.", title="First", url="https://x.org/1",
        date="2021-01-28", source="Wire", origin=f"{path}:1",
        source_file="batch.jsonl", source_line=1,
    )  # fmt: skip
    assert "bad JSON" in by_line["3"].reason
    assert "JSON object" in by_line["4"].reason
    for lineno in ("5", "6", "7"):
        assert '"text"' in by_line[lineno].reason
    assert '"title" must be a string' in by_line["8"].reason
    second = by_line["9"]
    assert isinstance(second, Article)
    assert second.id == hashlib.sha256(b"Second story.").hexdigest()[:16]
    assert by_line["11"] == Skipped(f"{path}:11", f"duplicate of {path}:1")


def test_jsonl_text_is_cleaned_and_unicode_line_separator_kept(tmp_path):
    record = {"text": "A\r\nB\u2028C\u0001D"}
    path = _write(tmp_path / "a.jsonl", json.dumps(record, ensure_ascii=False) + "\r\n")
    assert _one(path).text == "A\nB\u2028C D"


def test_jsonl_over_max_bytes_is_refused(tmp_path):
    path = _write(tmp_path / "a.jsonl", json.dumps({"text": "x" * 200}) + "\n")
    result = _one(path, max_bytes=100)
    assert isinstance(result, Skipped)
    assert result.origin == str(path)


# --- html --------------------------------------------------------------------------------


_PAGE = """<html><head><title>Fix room plan blocked | Example News</title>
<meta property="og:url" content="https://news.example.org/fix-room">
<meta property="og:site_name" content="Example News">
<meta name="date" content="2021-01-28"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World navigation</a></li></ul></nav>
<article><h1>Fix room plan blocked</h1>
<p>The Home Office has admitted a drug consumption room could ease problems in Glasgow.</p>
<p>Officials said allowing the planned facility would risk problems for police elsewhere.</p>
<p>Glasgow City Council said the acceptance of the health benefits was a change in attitude.</p>
<table><tr><td>Tabulated figure</td><td>13,600</td></tr></table>
</article>
<div class="comments"><h3>Comments</h3><p>Reader comment: what a disgrace!</p></div>
<footer><p>Footer links and contact details</p></footer>
</body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    article = _one(_write(tmp_path / "page.html", _PAGE))
    assert isinstance(article, Article)
    assert "Glasgow City Council said" in article.text
    for noise in ("World navigation", "Reader comment", "Footer links", "Tabulated figure"):
        assert noise not in article.text
    assert article.title == "Fix room plan blocked"
    assert article.url == "https://news.example.org/fix-room"
    assert article.date == "2021-01-28"


def test_html_without_text_is_skipped(tmp_path):
    result = _one(_write(tmp_path / "empty.htm", "<html><body><div> </div></body></html>"))
    assert isinstance(result, Skipped)
    assert "no article text" in result.reason


@pytest.mark.parametrize("field", ["text", "title", "url", "id", "source", "date"])
@pytest.mark.parametrize("with_id", [True, False])
def test_jsonl_lone_surrogate_skips_its_line_only(tmp_path, field, with_id):
    # Issue 13.6: a lone surrogate sank the batch with a traceback.
    record = {"text": "Bad text by Tony Blair.", "title": "T", "url": "https://x.org/a"}
    if with_id:
        record["id"] = "bad1"
    record[field] = record.get(field, "x") + "\ud800"
    good = json.dumps({"id": "a1", "text": "Charles Clarke met the Home Office."})
    path = _write(tmp_path / "feed.jsonl", good + "\n" + json.dumps(record) + "\n")
    first, second = _read(path)
    assert isinstance(first, Article) and first.id == "a1"
    assert isinstance(second, Skipped) and second.origin == f"{path}:2"
    assert f'"{field}" holds a lone surrogate (\\ud800' in second.reason
    assert isinstance(second.reason.encode("utf-8"), bytes)  # the reason itself can be printed


def test_jsonl_surrogate_pair_is_one_character(tmp_path):
    path = _write(tmp_path / "a.jsonl", '{"text": "Smile \\ud83d\\ude00 please."}\n')
    assert _one(path).text == "Smile \U0001f600 please."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, encoding):
    # Issue 13.13: a UTF-16 file with a BOM was called "binary file (NUL byte found)".
    text = "Café owner José Müller met the Home Office.\n"
    data = text.encode(encoding)
    if not encoding.endswith("-be"):
        assert data[:2] == b"\xff\xfe"  # Python writes little-endian with its mark
    else:
        data = ("\ufeff" + text).encode(encoding)
    article = _one(_write(tmp_path / "a.txt", data))
    assert isinstance(article, Article), article
    assert article.text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_named(tmp_path, encoding):
    data = "The Home Office said no.".encode(encoding)
    result = _one(_write(tmp_path / "a.txt", data))
    assert isinstance(result, Skipped)
    assert result.reason == (
        f"looks like {encoding.upper()} text without a byte-order mark; "
        f"convert it to UTF-8, e.g. iconv -f {encoding} -t utf-8"
    )


def test_broken_utf16_is_skipped_naming_the_encoding(tmp_path):
    data = b"\xff\xfe" + "News".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate
    result = _one(_write(tmp_path / "a.txt", data))
    assert isinstance(result, Skipped)
    assert "not valid UTF-16-LE" in result.reason


# --- issue 13.14: data kg must not invent or keep ----------------------------------------


@pytest.mark.parametrize("content", ["One line of news.", "One line of news.\n", "Line.\n\n"])
def test_a_one_line_text_has_no_headline(tmp_path, content):
    article = _one(_write(tmp_path / "a.txt", content))
    assert isinstance(article, Article) and article.title is None


def test_a_copyright_year_is_not_a_publication_date(tmp_path):
    page = _PAGE.replace('<meta name="date" content="2021-01-28">', "").replace(
        "<footer><p>Footer links and contact details</p></footer>",
        "<footer><p>(c) 2021 BBC. The BBC is not responsible for the content of external "
        "sites.</p></footer>",
    )
    article = _one(_write(tmp_path / "page.html", page))
    assert isinstance(article, Article)
    assert article.date is None


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://x.org/a",
     "https://", "//x.org/a", "x.org/a", "https://x.org/a b", "https://x.org/<script>"],
)  # fmt: skip
def test_jsonl_url_must_be_http_or_https(tmp_path, url):
    path = _write(tmp_path / "a.jsonl", json.dumps({"text": "News.", "url": url}) + "\n")
    result = _one(path)
    assert isinstance(result, Skipped), result
    assert result.reason.startswith('"url" must')
    assert "\n" not in result.reason


@pytest.mark.parametrize("url", ["http://x.org", "https://x.org/a?b=1#c", "HTTPS://X.ORG/é"])
def test_jsonl_http_urls_are_kept(tmp_path, url):
    path = _write(tmp_path / "a.jsonl", json.dumps({"text": "News.", "url": url}) + "\n")
    assert _one(path).url == url


@pytest.mark.parametrize(
    "date",
    ["2005-13-45T99:99:99", "2005-13-45", "2021-02-29", "2021-01-28T24:00:01", "28/01/2021",
     "2021-01-28 10:00", "2021-1-28", "2021-01-28T10:00:00+15:00", "yesterday"],
)  # fmt: skip
def test_jsonl_invalid_dates_are_refused(tmp_path, date):
    path = _write(tmp_path / "a.jsonl", json.dumps({"text": "News.", "date": date}) + "\n")
    result = _one(path)
    assert isinstance(result, Skipped), result
    assert result.reason.startswith('"date" must be a date YYYY-MM-DD')
    assert json.dumps(date) in result.reason


@pytest.mark.parametrize(
    "date",
    ["2021-01-28", "2020-02-29", "2021-01-28T09:30:00", "2021-01-28T09:30:00Z",
     "2021-01-28T09:30:00.250+01:00", "2021-01-28T24:00:00", "2021-01-28Z"],
)  # fmt: skip
def test_jsonl_valid_dates_are_kept(tmp_path, date):
    path = _write(tmp_path / "a.jsonl", json.dumps({"text": "News.", "date": date}) + "\n")
    assert _one(path).date == date


def test_an_html_page_s_url_that_is_not_http_is_left_out(tmp_path):
    page = _PAGE.replace("https://news.example.org/fix-room", "javascript:alert(1)")
    article = _one(_write(tmp_path / "page.html", page))
    assert isinstance(article, Article) and article.url is None


# --- where each article was read from, for its provenance (issue 14) ---------------------


def test_each_article_knows_its_file_relative_to_the_input(tmp_path):
    _tree(tmp_path)
    found = {r.source_file: r.source_line for r in _read(tmp_path)}
    assert found == {"a.md": 0, "b.txt": 0, "sub/c.jsonl": 1, "sub/deeper/d.html": 0}
    (one,) = _read(tmp_path / "sub" / "c.jsonl")
    assert (one.source_file, one.source_line) == ("c.jsonl", 1)  # the input is the file
    globbed = _read(tmp_path / "**" / "*.txt", tmp_path / "sub")
    assert [r.source_file for r in globbed] == ["b.txt", "c.jsonl", "deeper/d.html"]
    deep = _read(str(tmp_path / "su*"))  # a directory the glob matched
    assert [r.source_file for r in deep] == ["sub/c.jsonl", "sub/deeper/d.html"]


def test_the_source_does_not_depend_on_where_kg_runs(tmp_path, monkeypatch):
    _tree(tmp_path)
    absolute = [r.source_file for r in _read(tmp_path / "sub")]
    monkeypatch.chdir(tmp_path)
    assert [r.source_file for r in _read("sub")] == absolute
    assert [r.source_file for r in _read("./sub/")] == absolute
