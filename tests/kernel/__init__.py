"""Tests of the shared kernel: layers, migrations, command line, demo data, shared values."""
