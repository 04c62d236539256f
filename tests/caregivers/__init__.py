"""The register: caregivers, their naasten, contacts and consent (tests)."""
