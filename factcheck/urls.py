from django.contrib import admin
from django.urls import include, path

from claims.api import api

admin.site.site_header = "Fact-checking workbench: administration"
admin.site.site_title = "Workbench admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", api.urls),
    path("fact-checks/", include("claims.public_urls")),
    path("", include("claims.urls")),
]
