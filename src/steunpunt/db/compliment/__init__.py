"""The mantelzorgcompliment: rounds, applications, decisions, payments and their letters (tables and queries)."""
