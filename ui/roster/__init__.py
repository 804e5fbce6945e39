"""The roster page (花名册): the member table, its dialogs, export and printing."""
