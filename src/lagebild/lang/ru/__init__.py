"""Language data for 'ru'."""
