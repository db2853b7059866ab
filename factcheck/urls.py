from django.contrib import admin
from django.urls import include, path

from claims.api import api
from claims.views.public import favicon

admin.site.site_header = "Fact-checking workbench: administration"
admin.site.site_title = "Workbench admin"

urlpatterns = [
    path("favicon.ico", favicon),  # asked for by browsers and feed readers whatever the page links
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", api.urls),
    path("fact-checks/", include("claims.public_urls")),
    path("", include("claims.urls")),
]
