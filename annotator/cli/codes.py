"""Exit codes of every command: 0 ok, 1 problems found in the data, 2 bad usage or unreadable
input."""

OK, PROBLEMS, USAGE = 0, 1, 2
