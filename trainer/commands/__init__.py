"""What each `trainer` command does; trainer/cli.py only parses and dispatches."""
