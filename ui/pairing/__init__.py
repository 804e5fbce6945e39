"""The pairing page (结对帮扶): young members teaching elderly members to use WeChat."""
