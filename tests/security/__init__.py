"""Security and reliability tests: hostile articles, broken files, crashes during saves, sandboxing."""
