"""``python -m dikas.cli`` runs the command line."""

from dikas.cli.main import main

main()
