"""Text fields that follow the workbench's input rule (claims.input_rules) wherever a model is
validated: full_clean in the services, and the admin's forms."""
from django.db import models

from ..input_rules import require_plain_text


class PlainCharField(models.CharField):
    default_validators = [require_plain_text]


class PlainTextField(models.TextField):
    default_validators = [require_plain_text]


class PlainURLField(models.URLField):
    default_validators = [*models.URLField.default_validators, require_plain_text]
