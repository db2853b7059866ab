from django.urls import path

from .views import article_edit, articles, evidence, imports, queue, reports, review

app_name = "claims"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("queue/bulk/", queue.queue_bulk, name="queue_bulk"),
    path("articles/", articles.article_list, name="articles"),
    path("articles/new/", articles.article_import, name="article_import"),
    path("articles/<int:pk>/", articles.article_detail, name="article"),
    path("articles/<int:pk>/details/", article_edit.article_edit, name="article_edit"),
    path("articles/<int:pk>/retry/", articles.article_retry, name="article_retry"),
    path("articles/<int:pk>/claims/", articles.article_add_claim, name="article_add_claim"),
    path("imports/", imports.import_list, name="imports"),
    path("imports/new/", imports.import_new, name="import_new"),
    path("imports/<int:pk>/", imports.import_job, name="import_job"),
    path("imports/items/<int:pk>/retry/", imports.import_item_retry, name="import_item_retry"),
    path("claims/<int:pk>/", review.claim_detail, name="claim"),
    path("claims/<int:pk>/start/", review.claim_start, name="claim_start"),
    path("claims/<int:pk>/evidence/", review.claim_evidence, name="claim_evidence"),
    path("claims/<int:pk>/verdict/", review.claim_verdict, name="claim_verdict"),
    path("claims/<int:pk>/approve/", review.claim_approve, name="claim_approve"),
    path("claims/<int:pk>/send-back/", review.claim_send_back, name="claim_send_back"),
    path("claims/<int:pk>/dismiss/", review.claim_dismiss, name="claim_dismiss"),
    path("claims/<int:pk>/reopen/", review.claim_reopen, name="claim_reopen"),
    path("claims/<int:pk>/correct/", review.claim_correct, name="claim_correct"),
    path("claims/<int:pk>/comment/", review.claim_comment, name="claim_comment"),
    path("claims/<int:pk>/assign/", review.claim_assign, name="claim_assign"),
    path("claims/<int:pk>/take/", queue.queue_take, name="claim_take"),
    path("claims/<int:pk>/duplicate/", review.claim_duplicate, name="claim_duplicate"),
    path("claims/<int:pk>/split/", review.claim_split, name="claim_split"),
    path("claims/<int:pk>/merge/", review.claim_merge, name="claim_merge"),
    path("claims/<int:pk>/same-claim/", review.claim_link_same, name="claim_link_same"),
    path("claims/<int:pk>/same-claim/unlink/", review.claim_unlink_same, name="claim_unlink_same"),
    path("claims/<int:pk>/take-verdict/", review.claim_take_verdict, name="claim_take_verdict"),
    path("evidence/<int:pk>/edit/", evidence.evidence_edit, name="evidence_edit"),
    path("evidence/<int:pk>/remove/", evidence.evidence_remove, name="evidence_remove"),
    path("reports/", reports.report, name="report"),
    path("reports/report.pdf", reports.report_pdf, name="report_pdf"),
    path("exports/<str:fmt>/", reports.export, name="export"),
]
