"""Reports to the gemeente: the verantwoording and the dashboard's figures (tests)."""
