"""Querying: a store, an OUT directory or an RDF file in; answers out. Read-only SPARQL with
limits (`sparql`), results as tables, CSV, JSON or Turtle (`formats`), the named analyst
queries in `queries/*.rq` (`named`), and a SPARQL 1.1 endpoint (`serve`)."""
