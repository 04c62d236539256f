"""Use cases of the privacy rights: inzage export, erasure, retention."""
