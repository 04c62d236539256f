"""Pure rules and values of the caregiver register: no I/O, no Qt."""
