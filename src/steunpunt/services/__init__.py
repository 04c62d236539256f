"""Use cases: each call opens a short session, commits or rolls back, and returns DTOs."""
