"""The register: caregivers, their naasten, contacts and consent (rules and values)."""
