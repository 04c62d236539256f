"""Beheer › Mogelijke dubbelen: the pairs, "niet dezelfde", merging and undoing merges."""
