"""Extraction: one article's parsed `Doc` in, its `ArticleExtraction` out (entities with
every mention, facts, quotations, affiliations), by `article.extract`, a pure function.

Mentions are found (`mentions`, `legislation`) and resolved into entities (`resolve`); the
relations are read off the parse (`roles/`, `quotes/`, `interactions` with `nominals`,
`passives`, `idioms`, `reported` and `targets`, `legal_links` with `legal_subjects` and
`legal_facts`, `located`), sharing `verbs` (with `lemmas`), `resolver` (with
`antecedents`, `speakers`, `echoes`), `speech`, `stance` and the tables in
`relation_words` and `legal_words`; `names` and `gazetteer` normalise and classify names;
`legal_refs` resolves "the Act", "the ban"."""
