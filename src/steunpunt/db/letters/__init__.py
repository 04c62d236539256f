"""Letters: templates, mailings, the letter log and the house style (tables and queries)."""
