"""The verantwoording on screen: the dashboard and the report dialog."""
