"""The command-line layer: options in, one library call, rendering out. No SQL, no HTTP here."""
