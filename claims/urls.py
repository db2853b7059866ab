from django.urls import path

from .views import articles, exports, queue, review

app_name = "claims"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("articles/", articles.article_list, name="articles"),
    path("articles/new/", articles.article_import, name="article_import"),
    path("articles/<int:pk>/", articles.article_detail, name="article"),
    path("articles/<int:pk>/retry/", articles.article_retry, name="article_retry"),
    path("articles/<int:pk>/claims/", articles.article_add_claim, name="article_add_claim"),
    path("claims/<int:pk>/", review.claim_detail, name="claim"),
    path("claims/<int:pk>/start/", review.claim_start, name="claim_start"),
    path("claims/<int:pk>/evidence/", review.claim_evidence, name="claim_evidence"),
    path("claims/<int:pk>/verdict/", review.claim_verdict, name="claim_verdict"),
    path("claims/<int:pk>/approve/", review.claim_approve, name="claim_approve"),
    path("claims/<int:pk>/send-back/", review.claim_send_back, name="claim_send_back"),
    path("claims/<int:pk>/dismiss/", review.claim_dismiss, name="claim_dismiss"),
    path("claims/<int:pk>/reopen/", review.claim_reopen, name="claim_reopen"),
    path("exports/verdicts.csv", exports.verdicts_csv, name="export_csv"),
    path("exports/claimreview.jsonld", exports.verdicts_claimreview, name="export_claimreview"),
]
