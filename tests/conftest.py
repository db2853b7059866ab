"""Shared fixtures: people in each role, signed-in clients, and Celery set up for the test at hand."""
import pytest
from django.conf import settings as django_settings

from factcheck.celery import app as celery_app

from .factories import UserFactory

ON_POSTGRES = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
HAS_BROKER = bool(django_settings.REDIS_URL)


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Production security defaults redirect to HTTPS; the test client and live server speak HTTP.
    settings.SECURE_SSL_REDIRECT = False
    # Slow password hashing is a feature in production and only a cost here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _celery_mode(request):
    """Tasks run inline unless the test asks for a real worker."""
    eager = request.node.get_closest_marker("real_worker") is None
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", role="Reviewer")


@pytest.fixture
def other_reviewer(db):
    return UserFactory(username="oscar", role="Reviewer")


@pytest.fixture
def editor(db):
    return UserFactory(username="edith", role="Editor")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="ada", role="Admin", is_staff=True)


@pytest.fixture
def outsider(db):
    """Signed in, but given no role on the workbench."""
    return UserFactory(username="nobody")


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    return _client_for(client, reviewer)


@pytest.fixture
def editor_client(client, editor):
    return _client_for(client, editor)


@pytest.fixture
def pages(settings):
    """The local web server import tests fetch from, allowed explicitly (the default allows none)."""
    from .pages import LocalPages

    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.FETCH_TIMEOUT = 1.0
    with LocalPages() as local:
        yield local
