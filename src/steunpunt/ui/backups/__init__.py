"""Screens of the backups: choosing one to put back, their settings, the automatic backups."""
