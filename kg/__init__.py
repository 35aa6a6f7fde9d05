"""kg: a knowledge-graph builder for news articles."""

__version__ = "0.1.0"

from kg.config import BuildConfig  # noqa: E402
from kg.errors import (  # noqa: E402
    GoldError,
    InputError,
    KgError,
    ModelError,
    OutputError,
    QueryError,
)

__all__ = [
    "BuildConfig",
    "GoldError",
    "InputError",
    "KgError",
    "ModelError",
    "OutputError",
    "QueryError",
    "__version__",
]
