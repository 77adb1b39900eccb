"""Diff stage: align the articles of two Documents and diff each pair word by word."""
