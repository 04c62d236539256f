"""Household help that relieves a caregiver: statuses, settings, rules and hour budget."""
