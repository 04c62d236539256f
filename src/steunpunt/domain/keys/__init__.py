"""The keys of the encrypted database: the recovery key, wrapping, and the key file's content."""
