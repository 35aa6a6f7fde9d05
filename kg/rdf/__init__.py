"""RDF: `ArticleExtraction`s in, named graphs out (`graphs.build_quads`), held compactly as
`quads.Quads`; the namespaces and the one IRI minter; the TriG, Turtle and JSON-LD writers;
SHACL validation of a written graph."""
