"""The graph for people: RDF in, a networkx graph of entities out (`project`); centrality,
communities and paths on it (`analytics`); the self-contained HTML view (`view`); GraphML
and GEXF files (`export`)."""
