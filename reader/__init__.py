"""lesen: a terminal reader for learners of German."""

__version__ = "0.1.0"
