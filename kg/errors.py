"""kg's exceptions. One tree, so callers catch what they can handle::

    KgError                    anything kg raises on purpose
    ├── InputError             an article or input path cannot be read (bad file, bad line)
    ├── ModelError             the spaCy pipeline named cannot be loaded
    ├── QueryError             a SPARQL query is malformed or refused
    ├── OutputError            an output directory is missing, unreadable or not a graph
    └── GoldError              a gold annotation file is malformed

Messages say what happened and what to do about it.
"""


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """An input path or article cannot be read."""


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""


class QueryError(KgError):
    """A SPARQL query is malformed or not allowed."""


class OutputError(KgError):
    """An output directory or graph file is missing or unusable."""


class GoldError(KgError):
    """A gold annotation file is malformed."""
