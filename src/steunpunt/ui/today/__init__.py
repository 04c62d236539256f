"""The worklist start screen ("Vandaag")."""
