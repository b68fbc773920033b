"""The learner database: articles, their stored analysis, terms with statuses, history and progress."""

from .db import Store, default_db_path, open_store

__all__ = ["Store", "default_db_path", "open_store"]
