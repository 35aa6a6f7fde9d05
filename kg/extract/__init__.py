"""Extraction: one article's parsed `Doc` in, its `ArticleExtraction` out (entities with
every mention, facts, quotations, affiliations), by `article.extract`, a pure function.

Mentions are found (`mentions`, `legislation`) and resolved into entities (`resolve`); the
relations are read off the parse (`roles/`, `quotes/`, `interactions`, `legal_links`,
`located`, sharing `verbs`); `names` and `gazetteer` normalise and classify names."""
