"""The caregiver screens: list, form, naasten and contact moments."""
