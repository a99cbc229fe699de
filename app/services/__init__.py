"""Use cases shared by the GUI, the CLI and the tests. Each takes the acting user."""
