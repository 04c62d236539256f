"""Files the program ships with: icons and, later, fonts and letter templates."""
