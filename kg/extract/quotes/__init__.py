"""Quotations and who said them: a `Doc` and its entities in, `Quote`s out
(`quotes.find_quotes`), from the quoted spans, the cues that attribute them ("he said",
"according to") and the speakers those cues name."""
