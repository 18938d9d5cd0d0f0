"""Route 53: a public hosted zone, a health check, failover records and weighted records (boto3).

- `www.example.com` uses **failover** routing: the PRIMARY record carries a health check; when it
  fails, Route 53 answers with the SECONDARY record (for example a static "sorry" site).
- `api.example.com` uses **weighted** routing: a 90/10 split between the current and the new stack,
  the usual canary. Route 53 answers each query with one record, chosen with probability
  weight / sum of weights.

IP addresses are from the documentation ranges (RFC 5737); use your own, or alias records to a load
balancer or CloudFront distribution.
"""

from __future__ import annotations

import uuid


def create_zone(route53, domain: str = "example.com") -> str:
    """Create a public hosted zone and return its ID (without the /hostedzone/ prefix)."""
    zone = route53.create_hosted_zone(
        Name=domain,
        CallerReference=str(uuid.uuid4()),  # makes the request idempotent; must be new for each zone
        HostedZoneConfig={"Comment": "public zone", "PrivateZone": False},
    )
    return zone["HostedZone"]["Id"].split("/")[-1]


# --8<-- [start:health-check]
def create_health_check(route53, fqdn: str, path: str = "/health") -> str:
    """An HTTPS health check: every 30 s, unhealthy after 3 failures in a row."""
    check = route53.create_health_check(
        CallerReference=str(uuid.uuid4()),
        HealthCheckConfig={
            "Type": "HTTPS",
            "FullyQualifiedDomainName": fqdn,
            "Port": 443,
            "ResourcePath": path,
            "RequestInterval": 30,  # 10 (fast, extra cost) or 30 seconds
            "FailureThreshold": 3,  # 1-10 consecutive results flip the status
        },
    )
    return check["HealthCheck"]["Id"]
# --8<-- [end:health-check]


# --8<-- [start:failover]
def failover_records(name: str, primary_ip: str, secondary_ip: str, health_check_id: str) -> list[dict]:
    """Change batch entries for an active-passive pair."""
    common = {"Name": name, "Type": "A", "TTL": 60}  # short TTL: clients follow a failover quickly
    primary = {
        **common,
        "SetIdentifier": "primary",
        "Failover": "PRIMARY",
        "HealthCheckId": health_check_id,  # answered only while this check is healthy
        "ResourceRecords": [{"Value": primary_ip}],
    }
    secondary = {
        **common,
        "SetIdentifier": "secondary",
        "Failover": "SECONDARY",  # no health check: Route 53 treats it as healthy
        "ResourceRecords": [{"Value": secondary_ip}],
    }
    return [{"Action": "UPSERT", "ResourceRecordSet": record} for record in (primary, secondary)]
# --8<-- [end:failover]


# --8<-- [start:weighted]
def weighted_records(name: str, targets: dict[str, tuple[str, int]]) -> list[dict]:
    """Change batch entries for weighted records: {set_identifier: (ip, weight 0-255)}."""
    records = [
        {
            "Name": name,
            "Type": "A",
            "TTL": 60,  # all weighted records with the same name and type must share one TTL
            "SetIdentifier": set_id,
            "Weight": weight,
            "ResourceRecords": [{"Value": ip}],
        }
        for set_id, (ip, weight) in targets.items()
    ]
    return [{"Action": "UPSERT", "ResourceRecordSet": record} for record in records]


def traffic_share(records: list[dict]) -> dict[str, float]:
    """Expected share of DNS answers per set identifier: weight / total weight."""
    weights = {r["SetIdentifier"]: r["Weight"] for r in records}
    total = sum(weights.values())
    if total == 0:  # all zero: Route 53 answers with every record with equal probability
        return {set_id: 1 / len(weights) for set_id in weights}
    return {set_id: weight / total for set_id, weight in weights.items()}
# --8<-- [end:weighted]


def build(route53, domain: str = "example.com") -> dict[str, str]:
    """Create the zone, the health check and both record groups; return their IDs."""
    zone_id = create_zone(route53, domain)
    check_id = create_health_check(route53, f"primary.{domain}")
    changes = failover_records(f"www.{domain}", "192.0.2.10", "198.51.100.10", check_id)
    changes += weighted_records(f"api.{domain}", {"blue": ("192.0.2.20", 90), "green": ("203.0.113.20", 10)})
    route53.change_resource_record_sets(
        HostedZoneId=zone_id, ChangeBatch={"Comment": "failover and weighted", "Changes": changes}
    )
    return {"zone_id": zone_id, "health_check_id": check_id}
