"""Duplicates: decisions that two caregivers are not the same, and merges with what undoes them."""
