"""The branch roster (花名册): members, party groups, import and export."""
