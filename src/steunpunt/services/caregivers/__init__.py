"""The register: caregivers, their naasten, contacts and consent (use cases)."""
