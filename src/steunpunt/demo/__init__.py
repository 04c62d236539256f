"""Generated Dutch demo data for the CLI, the benches and the tests; not a use case."""
