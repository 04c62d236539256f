"""The shared kernel of the use cases: session scope, acting user, errors, settings, records."""
