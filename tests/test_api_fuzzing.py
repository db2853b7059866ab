"""Schemathesis reads the API's own OpenAPI document and sends what it describes, the odd and the
valid (the document's example submissions among them), with a real token, through the Django app
in process (WSGI): no answer may be a 5xx. Bounded: a few dozen requests per operation."""
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from claims.api import api
from claims.services.tokens import create_token

# The document /api/openapi.json serves (checked below), loaded once when the tests are collected.
# (Schemathesis's own fixture loader, schemathesis.pytest.from_fixture, does not run under pytest 9.)
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))


@pytest.fixture
def app(db, settings):
    settings.ALLOWED_HOSTS = ["localhost"]  # the host Schemathesis's WSGI requests name
    # As Django's test client does: a request must not close the connection that holds the
    # test's transaction (on PostgreSQL it would; SQLite's in-memory database ignores it).
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    # A handler built now: middleware reads the settings once, when built, and these are the test's.
    yield get_wsgi_application()
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def bearer(editor):
    return {"Authorization": f"Bearer {create_token(user=editor, name='schemathesis')[1]}"}


def test_the_fuzzed_document_is_the_one_the_api_serves(client):
    assert client.get("/api/openapi.json").json() == schema.raw_schema


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_the_api_describes_gets_a_server_error(case, app, bearer):
    case.call_and_validate(app=app, headers=bearer, checks=[not_a_server_error])


def test_the_documents_example_submissions_are_accepted(app, bearer):
    operation = schema["/api/articles"]["POST"]
    examples = operation.definition.raw["requestBody"]["content"]["application/json"]["schema"]
    bodies = schema.raw_schema["components"]["schemas"]["ArticleIn"]["examples"]
    assert bodies and examples
    for body in bodies:
        response = operation.Case(body=body).call(app=app, headers=bearer)
        assert response.status_code == 202, response.text
