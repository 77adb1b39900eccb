"""Text stage: extract text from HTML, PDF, DOCX and TXT and parse it into a Document."""

# What a stored version's articles were read by. Raise it by one in the commit that changes what any
# stored file reads as (an article's title, text, number or heading; a preamble; a text a PDF's or a
# page's extractor gives): a store re-reads each version stored by a lower one from its raw file once,
# so every command reads an old version as this lexwatch reads it (ADR-34). tests/test_parser_version.py
# fails on a change of the reading that leaves it where it was.
PARSER = 3
