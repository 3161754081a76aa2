"""Deprecated home of the understanding code, kept only while assistant/ranking.py moves to the
new names: `Facets` lives in retrieval/facets.py, the standing search in assistant/dialogue."""

from retrieval.facets import Facets, find_terms  # noqa: F401
from .dialogue.state import Constraints as SearchIntent  # noqa: F401
