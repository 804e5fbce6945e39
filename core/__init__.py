"""Zhibu Desk core: the domain and its storage. Never imports Qt."""
