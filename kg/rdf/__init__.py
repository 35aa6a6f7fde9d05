"""RDF: `ArticleExtraction`s in, named graphs out (`graphs.build_quads`), held compactly as
`quads.Quads` or written a batch at a time as sorted runs (`runs`); the namespaces and the
one IRI minter; the TriG, Turtle and JSON-LD writers; SHACL validation of a written graph."""
