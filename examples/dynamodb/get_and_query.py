"""Read one customer's orders from DynamoDB without scanning.

Table design (single table, on-demand):
    pk = "CUSTOMER#{customer_id}"              partition key
    sk = "ORDER#{yyyy-mm-dd}#{order_id}"       sort key, so orders sort by date

`get_order` reads one item and returns only three attributes (a projection).
`iter_orders` walks every page of a Query with a paginator.
`query_orders_page` returns one page plus the key to resume from, the shape an
HTTP API needs for `?limit=…&nextToken=…`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Item = dict[str, dict[str, Any]]


def create_orders_table(client, table_name: str) -> None:
    """Create the table used by the examples (on-demand capacity)."""
    client.create_table(
        TableName=table_name,
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        KeySchema=[
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    client.get_waiter("table_exists").wait(TableName=table_name)


def order_key(customer_id: str, order_date: str, order_id: str) -> Item:
    return {
        "pk": {"S": f"CUSTOMER#{customer_id}"},
        "sk": {"S": f"ORDER#{order_date}#{order_id}"},
    }


def get_order(client, table_name: str, customer_id: str, order_date: str, order_id: str) -> Item | None:
    """Return status, total and date of one order, or None if it does not exist."""
    response = client.get_item(
        TableName=table_name,
        Key=order_key(customer_id, order_date, order_id),
        # "status", "total" and "date" are DynamoDB reserved words, so they need placeholders.
        ProjectionExpression="#status, #total, #date",
        ExpressionAttributeNames={"#status": "status", "#total": "total", "#date": "date"},
    )
    return response.get("Item")


def _query_args(table_name: str, customer_id: str, since: str) -> dict[str, Any]:
    return {
        "TableName": table_name,
        "KeyConditionExpression": "pk = :pk AND sk >= :from",
        "ExpressionAttributeValues": {
            ":pk": {"S": f"CUSTOMER#{customer_id}"},
            ":from": {"S": f"ORDER#{since}"},
        },
        "ProjectionExpression": "sk, #status, #total",
        "ExpressionAttributeNames": {"#status": "status", "#total": "total"},
        "ScanIndexForward": False,  # newest first
    }


def iter_orders(client, table_name: str, customer_id: str, since: str, page_size: int = 25) -> Iterator[Item]:
    """Yield every order of one customer on or after `since` (yyyy-mm-dd), newest first."""
    paginator = client.get_paginator("query")
    pages = paginator.paginate(
        **_query_args(table_name, customer_id, since),
        PaginationConfig={"PageSize": page_size},
    )
    for page in pages:
        yield from page["Items"]


def query_orders_page(
    client,
    table_name: str,
    customer_id: str,
    since: str,
    limit: int,
    start_key: Item | None = None,
) -> tuple[list[Item], Item | None]:
    """Return one page of orders and the key to pass back for the next page (None at the end)."""
    args = _query_args(table_name, customer_id, since)
    args["Limit"] = limit
    if start_key:
        args["ExclusiveStartKey"] = start_key
    response = client.query(**args)
    return response["Items"], response.get("LastEvaluatedKey")
