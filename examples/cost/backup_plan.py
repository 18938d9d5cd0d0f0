"""An AWS Backup plan: daily backups kept 35 days, copied to a vault in another Region,
and assigned to every resource tagged backup=daily.
"""

from __future__ import annotations


def create_daily_plan(backup, vault_name: str, copy_vault_arn: str) -> str:
    """Create the vault and a plan with one daily rule; return the plan id."""
    backup.create_backup_vault(BackupVaultName=vault_name)
    return backup.create_backup_plan(
        BackupPlan={
            "BackupPlanName": "daily-35-days",
            "Rules": [
                {
                    "RuleName": "daily",
                    "TargetBackupVaultName": vault_name,
                    "ScheduleExpression": "cron(0 5 * * ? *)",  # 05:00 UTC every day
                    "StartWindowMinutes": 60,
                    "CompletionWindowMinutes": 180,
                    "Lifecycle": {"DeleteAfterDays": 35},
                    "CopyActions": [  # (1)!
                        {"DestinationBackupVaultArn": copy_vault_arn, "Lifecycle": {"DeleteAfterDays": 35}}
                    ],
                }
            ],
        }
    )["BackupPlanId"]


def assign_by_tag(backup, plan_id: str, role_arn: str, key: str = "backup", value: str = "daily") -> str:
    """Protect every resource tagged key=value with the plan; return the selection id."""
    return backup.create_backup_selection(
        BackupPlanId=plan_id,
        BackupSelection={
            "SelectionName": f"tagged-{key}-{value}",
            "IamRoleArn": role_arn,  # (2)!
            "ListOfTags": [{"ConditionType": "STRINGEQUALS", "ConditionKey": key, "ConditionValue": value}],
        },
    )["SelectionId"]
