"""Duplicates: the scan of the register, "niet dezelfde", merging two caregivers and undoing it."""
