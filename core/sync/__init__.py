"""Sync with the district server (DESIGN §4): the protocol's shared pieces and the branch client."""
