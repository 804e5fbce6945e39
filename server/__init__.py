"""The district server of Zhibu Desk (DESIGN §4): sync endpoints, enrollment and the admin tools."""
