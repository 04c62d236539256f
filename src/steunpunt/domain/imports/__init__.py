"""Reading old registers: messy spreadsheet rows into the register's own form values."""
