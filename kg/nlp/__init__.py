"""The spaCy pipeline, built once and passed in (`pipeline.load_nlp`), with a faster
attribute-ruler match; helpers between an article's character offsets and a `Doc`'s tokens."""
