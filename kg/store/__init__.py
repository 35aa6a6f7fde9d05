"""The store: articles in, an on-disk Oxigraph store that grows article by article out
(`incremental.build_store`), with the ledger that lets it (`ledger`); opening and reading a
store (`disk`); named graphs to a remote SPARQL Graph Store (`graph_store`)."""
