"""The register: caregivers, their naasten, contacts and consent (tables and queries)."""
