"""The import's tables: each run, each row it wrote, and the saved column mappings."""
