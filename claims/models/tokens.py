"""API tokens: a newsroom system (CMS, wire ingester) acting as one of the workbench's users.

Only a hash of each token is stored; the token itself is shown once, when it is created.
"""
from django.conf import settings
from django.db import models

from .fields import PlainCharField


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = PlainCharField(max_length=100, help_text="What uses it: 'CMS importer', 'wire bot'.")
    prefix = PlainCharField(max_length=8, help_text="The first characters, to recognise the token.")
    key_hash = PlainCharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
