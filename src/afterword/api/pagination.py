"""Pages of a list: ``limit`` (1-100, default 50) and ``offset``, both bounded.

ninja's own offset has no upper bound, and a database refuses an offset past its integer range
with an error: an offset beyond any list is refused here first, with a message naming it.
"""

from __future__ import annotations

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_OFFSET = 1_000_000


class Pages(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)
