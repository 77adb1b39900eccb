"""`python -m lexwatch`."""

from lexwatch.cli.main import run

run()
