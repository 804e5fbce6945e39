"""Pairing young members with elderly members (结对帮扶): who needs help and who can help,
pairings and suggestions, the skills checklist, the visit log and progress."""
