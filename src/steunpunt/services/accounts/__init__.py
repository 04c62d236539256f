"""Accounts: the first beheerder, signing in, and managing accounts."""
