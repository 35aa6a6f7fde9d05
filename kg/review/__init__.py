"""The review list: a graph (OUT, a store or an RDF file) in, its entities with their names,
article counts and joins across articles out (`entities`), and what linking left for an
editor: the names left apart as candidates and the entities flagged for review."""
