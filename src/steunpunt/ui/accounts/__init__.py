"""Accounts: the sign-in and first-beheerder dialogs, the lock screen, Beheer › Accounts."""
