"""A monthly cost budget that emails when forecasted spend passes 80 % and actual spend passes 100 %.

AWS Budgets checks cost data a few times a day, so an alert is early warning, not a hard cap.
"""

from __future__ import annotations


def create_monthly_budget(budgets, account_id: str, name: str, limit_usd: str, email: str) -> None:
    """Create a COST budget of `limit_usd` per month with two email notifications."""
    subscriber = {"SubscriptionType": "EMAIL", "Address": email}
    budgets.create_budget(
        AccountId=account_id,
        Budget={
            "BudgetName": name,
            "BudgetLimit": {"Amount": limit_usd, "Unit": "USD"},
            "TimeUnit": "MONTHLY",
            "BudgetType": "COST",
        },
        NotificationsWithSubscribers=[
            {
                "Notification": {
                    "NotificationType": "FORECASTED",  # (1)!
                    "ComparisonOperator": "GREATER_THAN",
                    "Threshold": 80.0,
                    "ThresholdType": "PERCENTAGE",
                },
                "Subscribers": [subscriber],
            },
            {
                "Notification": {
                    "NotificationType": "ACTUAL",
                    "ComparisonOperator": "GREATER_THAN",
                    "Threshold": 100.0,
                    "ThresholdType": "PERCENTAGE",
                },
                "Subscribers": [subscriber],
            },
        ],
    )


def thresholds(budgets, account_id: str, name: str) -> list[tuple[str, float]]:
    """The (notification type, threshold) pairs set on a budget, sorted."""
    notes = budgets.describe_notifications_for_budget(AccountId=account_id, BudgetName=name)["Notifications"]
    return sorted((n["NotificationType"], float(n["Threshold"])) for n in notes)
