"""The letter screens: templates, house style and mailings."""
