"""Likely duplicates in the register: who may be the same person, and why."""
