"""Place an order atomically across two DynamoDB tables.

One TransactWriteItems call holds three actions:
1. ConditionCheck on the Customers table: the customer must exist and be ACTIVE.
2. Put the order into the Orders table, only if that order does not exist yet.
3. Update the customer's summary item in the Orders table (order count, total spent).

If any condition fails, DynamoDB cancels the whole transaction: nothing is written.
"""

from __future__ import annotations

from decimal import Decimal


class OrderRejected(Exception):
    """The transaction was cancelled; `reasons` holds one code per action ("None" = that action was fine)."""

    def __init__(self, reasons: list[str]):
        super().__init__(f"transaction cancelled: {reasons}")
        self.reasons = reasons


def place_order(
    client,
    customers_table: str,
    orders_table: str,
    customer_id: str,
    order_id: str,
    amount: Decimal,
) -> None:
    customer_pk = {"S": f"CUSTOMER#{customer_id}"}
    try:
        client.transact_write_items(
            ClientRequestToken=f"order-{order_id}",  # makes a retried call idempotent for 10 minutes
            TransactItems=[
                {
                    "ConditionCheck": {
                        "TableName": customers_table,
                        "Key": {"pk": customer_pk},
                        "ConditionExpression": "attribute_exists(pk) AND account_status = :active",
                        "ExpressionAttributeValues": {":active": {"S": "ACTIVE"}},
                    }
                },
                {
                    "Put": {
                        "TableName": orders_table,
                        "Item": {
                            "pk": customer_pk,
                            "sk": {"S": f"ORDER#{order_id}"},
                            "amount": {"N": str(amount)},
                            "status": {"S": "PLACED"},
                        },
                        "ConditionExpression": "attribute_not_exists(sk)",
                    }
                },
                {
                    "Update": {
                        "TableName": orders_table,
                        "Key": {"pk": customer_pk, "sk": {"S": "SUMMARY"}},
                        "UpdateExpression": "ADD order_count :one, total_spent :amount",
                        "ExpressionAttributeValues": {
                            ":one": {"N": "1"},
                            ":amount": {"N": str(amount)},
                        },
                    }
                },
            ],
        )
    except client.exceptions.TransactionCanceledException as err:
        reasons = [reason.get("Code", "None") for reason in err.response.get("CancellationReasons", [])]
        raise OrderRejected(reasons) from err
