"""Thin views: parse the request, call a service or selector, render a page or an htmx partial."""
