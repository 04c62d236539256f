"""Bestand › Importeren and Bestand › Import ongedaan maken (the screens of the import)."""
