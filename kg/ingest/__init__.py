"""Reading: files, directories and globs of .txt, .md, .html and .jsonl in; `Article`s (and
`Skipped` inputs, with reasons) out. Also the page furniture (footers, link teasers) that
extraction must not read as news."""
