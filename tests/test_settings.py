"""Production settings come from the environment and pass Django's deployment checks."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DATABASE_URL": "postgres://factcheck@db.internal:5432/factcheck",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "SECRET_KEY": "a-long-random-secret-for-this-test-only-0123456789abcdefghijklmnop",
    "ALLOWED_HOSTS": "factcheck.example",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", *PRODUCTION}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_deploy_check_reports_no_warnings_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_configured_database_without_a_secret_key_refuses_to_start():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_refused_request_is_logged_once_under_debug():
    """Django's own console handler (DEBUG only) and the root's both printed each django record."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Forbidden (Permission denied): /claims/1/')"
    )
    env = {"DEBUG": "1", "DJANGO_SETTINGS_MODULE": "factcheck.settings"}
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", *PRODUCTION}}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Forbidden (Permission denied): /claims/1/") == 1


def _setting(name, env):
    script = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "REDIS_URL", *PRODUCTION}}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                            env={**clean, "DJANGO_SETTINGS_MODULE": "factcheck.settings", **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sessions_are_read_from_redis_in_a_newsroom_and_from_the_database_alone_otherwise():
    # The in-process cache of the embedded default is per process: a sign-out would not reach the others.
    assert _setting("SESSION_ENGINE", {"REDIS_URL": "redis://cache.internal:6379/0"}) == "django.contrib.sessions.backends.cached_db"
    assert _setting("SESSION_ENGINE", {}) == "django.contrib.sessions.backends.db"
