"""Where the repository's resources live (kg is installed editable from the checkout)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
DATA = ROOT / "data"
PATTERNS = DATA / "patterns"
ARTICLES = DATA / "articles"
