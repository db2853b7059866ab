"""Error pages are pages of the workbench: they fit a phone, carry the stylesheet and lead back."""
import pytest
from django.test import RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_a_missing_claim_answers_with_a_page_that_fits_a_phone(reviewer_client):
    response = reviewer_client.get("/claims/999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'name="viewport"' in page and "css/app.css" in page
    assert "There is nothing here" in page and 'href="/"' in page


def test_the_server_error_page_renders_without_a_request_context():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert 'name="viewport"' in page and "Something went wrong on our side" in page
