"""Checking links over HTTP: one request per unique URL, politely, cached, and never at private addresses."""
