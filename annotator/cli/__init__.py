"""The command line: one handler per subcommand; only ``gui`` loads the Qt layer."""
