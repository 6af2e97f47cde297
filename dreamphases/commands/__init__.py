"""One module per `dreamphases` subcommand; see `dreamphases.cli`."""
