"""Linking across articles: every article's `ArticleExtraction` in, the same with entities
one article alone cannot settle linked (an undated Act to the dated one the batch knows)."""
