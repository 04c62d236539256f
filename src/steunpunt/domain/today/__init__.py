"""Today: the worklist of what needs doing (rules and values)."""
