"""The rights of the people in the register: inzage, erasure, retention."""
