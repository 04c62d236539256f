"""The yearly mantelzorgcompliment: round rules, verdicts, caps, fraud checks and statuses."""
