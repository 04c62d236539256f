"""The shared kernel of the database: base model, engine, migration, backup, errors."""
