"""Today: the worklist of what needs doing (use cases)."""
