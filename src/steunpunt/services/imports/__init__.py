"""The import's use cases: check a read file against the register, write it, undo it."""
