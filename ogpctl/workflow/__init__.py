"""Commands that change the record: contributions, progress, submission."""
