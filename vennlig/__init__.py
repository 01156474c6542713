"""Vennlig: a kind, fast customer-service desk."""
