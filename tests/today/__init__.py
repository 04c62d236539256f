"""Today: the worklist of what needs doing (tests)."""
