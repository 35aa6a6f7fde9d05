"""kg's version: written into every graph's provenance (kg:kgVersion) and the store's ledger."""

__version__ = "0.1.0"
