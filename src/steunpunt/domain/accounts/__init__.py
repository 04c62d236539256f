"""Accounts: signing in, passwords, the waits after failed sign-ins."""
