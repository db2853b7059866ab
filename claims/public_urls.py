from django.urls import path

from .views import public

app_name = "public"

urlpatterns = [
    path("", public.fact_check_list, name="fact_checks"),
    path("<int:pk>/", public.fact_check, name="fact_check"),
    path("feed.rss", public.FactCheckRss(), name="feed_rss"),
    path("feed.json", public.json_feed, name="feed_json"),
]
