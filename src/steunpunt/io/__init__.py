"""Import and export of files, parsed and validated to DTOs; filled by later issues."""
