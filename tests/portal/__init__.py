"""The fixture portal: a local stand-in for pravo.by that tests and bench/fetch.py fetch from."""
