"""Storage: typed SQLAlchemy models, the engine factory, migrations and query builders."""
