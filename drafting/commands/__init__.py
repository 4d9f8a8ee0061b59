"""Command families of the CLI, one module each."""
