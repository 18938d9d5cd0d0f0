"""Run the DynamoDB samples in examples/dynamodb/ against moto."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import load_example

get_and_query = load_example("examples/dynamodb/get_and_query.py")
transaction = load_example("examples/dynamodb/transaction.py")


@pytest.fixture
def ddb(aws):
    return aws("dynamodb")


def _put_order(ddb, customer, date, order_id, total, status="SHIPPED"):
    item = get_and_query.order_key(customer, date, order_id)
    item.update(
        {
            "status": {"S": status},
            "total": {"N": str(total)},
            "date": {"S": date},
            "shipping_address": {"S": "1 Main St"},
            "lines": {"L": [{"S": "sku-1"}, {"S": "sku-2"}]},
        }
    )
    ddb.put_item(TableName="orders", Item=item)


@pytest.fixture
def orders(ddb):
    get_and_query.create_orders_table(ddb, "orders")
    for day in range(1, 8):
        _put_order(ddb, "c1", f"2026-11-0{day}", f"o{day}", 10 * day)
    _put_order(ddb, "c2", "2026-11-05", "x1", 99)
    return ddb


def test_get_order_returns_only_projected_attributes(orders):
    item = get_and_query.get_order(orders, "orders", "c1", "2026-11-03", "o3")
    assert set(item) == {"status", "total", "date"}
    assert item["total"] == {"N": "30"}
    assert item["status"] == {"S": "SHIPPED"}


def test_get_order_missing_returns_none(orders):
    assert get_and_query.get_order(orders, "orders", "c1", "2026-01-01", "nope") is None


def test_iter_orders_pages_through_everything_newest_first(orders):
    items = list(get_and_query.iter_orders(orders, "orders", "c1", since="2026-11-03", page_size=2))
    assert [i["sk"]["S"] for i in items] == [f"ORDER#2026-11-0{d}#o{d}" for d in range(7, 2, -1)]
    assert all(set(i) == {"sk", "status", "total"} for i in items)


def test_query_orders_page_resumes_from_last_key(orders):
    seen, start_key, pages = [], None, 0
    while True:
        items, start_key = get_and_query.query_orders_page(
            orders, "orders", "c1", since="2026-11-01", limit=3, start_key=start_key
        )
        seen += [i["sk"]["S"] for i in items]
        pages += 1
        if start_key is None:
            break
    assert pages >= 3
    assert len(seen) == 7 == len(set(seen))
    assert not any("x1" in sk for sk in seen)  # another customer's order never appears


@pytest.fixture
def two_tables(ddb):
    ddb.create_table(
        TableName="customers",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    get_and_query.create_orders_table(ddb, "orders")
    ddb.put_item(TableName="customers", Item={"pk": {"S": "CUSTOMER#c1"}, "account_status": {"S": "ACTIVE"}})
    ddb.put_item(
        TableName="customers", Item={"pk": {"S": "CUSTOMER#c2"}, "account_status": {"S": "SUSPENDED"}}
    )
    return ddb


def _summary(ddb, customer):
    return ddb.get_item(
        TableName="orders", Key={"pk": {"S": f"CUSTOMER#{customer}"}, "sk": {"S": "SUMMARY"}}
    ).get("Item")


def test_transaction_writes_to_both_items(two_tables):
    transaction.place_order(two_tables, "customers", "orders", "c1", "o1", Decimal("12.50"))
    transaction.place_order(two_tables, "customers", "orders", "c1", "o2", Decimal("7.50"))
    summary = _summary(two_tables, "c1")
    assert summary["order_count"] == {"N": "2"}
    assert Decimal(summary["total_spent"]["N"]) == Decimal("20")
    order = two_tables.get_item(TableName="orders", Key={"pk": {"S": "CUSTOMER#c1"}, "sk": {"S": "ORDER#o1"}})
    assert order["Item"]["status"] == {"S": "PLACED"}


def test_failed_condition_check_cancels_everything(two_tables):
    with pytest.raises(transaction.OrderRejected) as excinfo:
        transaction.place_order(two_tables, "customers", "orders", "c2", "o9", Decimal("5"))
    assert excinfo.value.reasons[0] == "ConditionalCheckFailed"
    # Neither the Put nor the Update happened.
    assert two_tables.scan(TableName="orders")["Count"] == 0
    assert _summary(two_tables, "c2") is None


def test_unknown_customer_is_rejected(two_tables):
    with pytest.raises(transaction.OrderRejected):
        transaction.place_order(two_tables, "customers", "orders", "nobody", "o1", Decimal("1"))
    assert two_tables.scan(TableName="orders")["Count"] == 0
