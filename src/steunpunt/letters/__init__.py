"""PDF rendering with ReportLab from plain data (letters, labels, reports); filled by later issues."""
