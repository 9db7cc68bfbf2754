"""/api/: the JSON API, its OpenAPI schema (/api/openapi.json) and its docs (/api/docs)."""

from __future__ import annotations

from django.urls import path
from ninja import NinjaAPI, Swagger

from afterword.api import errors, pages
from afterword.api.auth import TokenAuth
from afterword.api.routes import applications, drafts, events, interviews, today
from afterword.api.throttle import ApiThrottle

api = NinjaAPI(
    title="Afterword API",
    version="1",
    description=(
        "Your applications, interviews, news, plan, Today and drafts, with the same checks as "
        "the pages. Sign in with a personal access token from Settings → API tokens: "
        "`Authorization: Bearer aw_…`. Lists are paginated with `limit` and `offset`."
    ),
    auth=TokenAuth(),
    throttle=[ApiThrottle()],
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # The docs page is served from this site's own static files (ninja in INSTALLED_APPS).
    docs=Swagger(settings={"persistAuthorization": False}),
)
errors.install(api)
for module in (applications, interviews, events, today, drafts):
    api.add_router("/", module.router)

urlpatterns = [
    path("api/", api.urls),
    path("settings/api-tokens/", pages.tokens_page, name="api_tokens"),
    path("settings/api-tokens/<int:pk>/revoke/", pages.revoke, name="api_token_revoke"),
]
