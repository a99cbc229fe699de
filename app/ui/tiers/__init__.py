"""Tiers on screen: the tiers page (policy, review, at-risk call list, review runs) and a
member's tier."""
