"""Commentary drafts: the facts of a diff, its flags and its sources put into a template the
workspace's users edit (ADR-29). `scaffold` makes the facts and renders them; the CLI writes."""
