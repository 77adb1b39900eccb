"""Text stage: extract text from HTML, PDF, DOCX and TXT and parse it into a Document."""
