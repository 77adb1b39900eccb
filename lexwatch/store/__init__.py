"""Version store: SQLite state (WAL, numbered migrations) and content-addressed files in drafts/."""
