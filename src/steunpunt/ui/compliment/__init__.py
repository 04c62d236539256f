"""The yearly mantelzorgcompliment: rounds, their applications, decisions and the steekproef."""
