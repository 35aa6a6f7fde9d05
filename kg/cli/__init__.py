"""The `kg` command line: one module per group of commands, each thin (arguments checked,
one library call, errors mapped to exit codes); `app` makes the app and `main` runs it."""
