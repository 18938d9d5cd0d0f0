"""Every heading and bullet topic of the original notes has a home that search finds.

The terms below were picked by hand from ../shared/source-notes.txt, one or more
per heading and bullet (spelling corrected). Each must occur in the built search
index, which is exactly what the site's search looks in."""

from __future__ import annotations

import html
import json
import re

import pytest

NOTES_TOPICS = {
    "cloud computing services": ["IaaS", "PaaS", "SaaS", "Infrastructure as a service", "Software as a service"],
    "EC2 instance": ["Reserved Instances", "Spot Instances", "defined duration", "Spot blocks", "2-minute",
                     "General purpose", "Compute optimized", "Memory optimized", "Accelerated computing",
                     "Storage optimized", "Instance features"],
    "boto3": ["botocore", "client", "resource", "waiter", "collections", "paginator", "instance_running"],
    "ec2 vs Lambda": ["event-driven", "hosting websites", "high-performance computing", "disaster recovery",
                      "Automating tasks", "Processing objects uploaded", "real-time log", "filtering"],
    "Lambda triggers": ["API Gateway", "AWS IoT", "Alexa Skills Kit", "Alexa Smart Home",
                        "Application Load Balancer", "CloudFront", "CloudWatch Events", "CloudWatch Logs",
                        "CodeCommit", "Cognito Sync", "Kinesis", "EventBridge"],
    "cold start": ["cold start", "dummy request", "warmer", "provisioned concurrency", "execution environment"],
    "Lambda layer": ["layer", "/opt", "custom runtime", "250 MB", "Application Security"],
    "chalice": ["Chalice", "chalice local"],
    "performance optimization": ["Keep-Alive", "in parallel", "function size", "Power Tuning"],
    "advantages and limitations": ["Reduced cost", "resilien", "More Complex Call Patterns",
                                   "No Control Over Environment", "ephemeral", "deployment package"],
    "event source mappings": ["event source mapping", "Amazon MQ", "Amazon MSK", "self-managed Apache Kafka"],
    "Lambda examples": ["lambda_handler", "first_name", "event object", "context object", "NoneType",
                        "synchronous", "asynchronous", "--invocation-type", "Maximum age of event",
                        "Retry attempts", "raw-in-base64-out", "response.json"],
    "context properties": ["function_name", "function_version", "invoked_function_arn", "memory_limit_in_mb",
                           "aws_request_id", "log_group_name", "log_stream_name", "cognito_identity_id",
                           "cognito_identity_pool_id", "client_context", "installation_id", "app_title",
                           "app_version_name", "app_version_code", "app_package_name"],
    "Lambda vs Glue": ["Scala", "Data Catalog", "DataBrew", "Elastic Views", "Schema Registry",
                       "Step Functions", "distributed"],
    "AWS Glue": ["add-job", "workflows", "connector", "JDBC", "DocumentDB", "MongoDB", "Kafka", "Network"],
    "ETL jobs": ["Cognito", "Athena", "query API"],
    "RDS Proxy": ["RDS Proxy", "connection pool"],
    "dead letter queue": ["dead-letter queue", "redrive"],
    "Redshift": ["materialized view", "precomputed", "COPY", "CSV", "Skyvia", "IAM_ROLE"],
    "DynamoDB": ["key-value", "document", "LSI", "GSI", "DynamoDB Streams", "24 hours", "projection expression",
                 "ProjectionExpression", "GetItem", "Query", "Scan"],
    "Athena": ["interactive query", "partition", "bucketing", "BZIP2", "DEFLATE", "gzip", "LZ4", "LZO",
               "Snappy", "zlib", "ZSTD", "file size", "columnar", "Parquet", "workgroup"],
    "migration": ["on-premises"],
    "IAM": ["IAM role", "user group", "identity-based", "resource-based", "managed policies", "inline",
            "resource-level permissions", "trust policy", "VPC endpoint", "Key Management Service", "Effect",
            "Action", "Resource", "Principal", "Condition", "aws:SourceAccount", "aws:SourceArn",
            "multi-factor", "IAM Identity Center"],
    "RDS vs DynamoDB": ["relational", "NoSQL", "joins", "transactions", "TransactWriteItems"],
    "SNS vs SQS": ["push", "poll", "decouple", "fan-out"],
    "AWS limits": ["environment variables", "4 KB", "concurrency", "throttl", "1,000"],
    "CloudFormation": ["intrinsic function", "Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt",
                       "Fn::GetAZs", "Fn::ImportValue", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Sub",
                       "Fn::Transform", "Fn::If", "Ref"],
    "stack vs StackSet": ["StackSet", "stack instance"],
    "list files in S3": ["objects.filter", "Delimiter", "Prefix", "fruit/apple.txt", "fruit/banana.txt",
                         "CommonPrefixes"],
    "Secrets Manager": ["rotat", "fine-grained", "audit", "API keys", "OAuth", "replica", "GetSecretValue"],
    "S3 storage classes": ["S3 Standard", "Intelligent-Tiering", "Standard-IA", "One Zone-IA",
                           "Glacier Instant Retrieval", "Glacier Flexible Retrieval", "Glacier Deep Archive",
                           "S3 on Outposts", "Express One Zone", "lifecycle", "30 days"],
    "account security tools": ["GuardDuty", "VPC Flow Logs", "DNS logs", "privilege escalation",
                               "credentials used from outside AWS", "malicious IP", "cryptocurrency mining", "Macie",
                               "personally identifiable information", "AWS Config", "CloudTrail",
                               "CloudTrail Insights", "Security Hub"],
    "application security tools": ["Amazon Inspector", "CIS", "CVE", "AWS Shield", "DDoS", "AWS WAF",
                                   "rate-based", "AppSync"],
    "start/stop EC2": ["CloudWatch alarm", "SNS topic", "start_instances", "EventBridge Scheduler"],
    "Local Zones": ["Local Zones", "single-digit millisecond", "data residency"],
    "interview bank": ["Route 53", "100 requests per second", "endpoint", "customer ID", "GET", "exception",
                       "multiprocessing", "thread", "closest to zero", "handler", "15 minutes", "403",
                       "Forbidden", "download", "upload", "access token"],
}


@pytest.fixture(scope="module")
def index_text(site_dir) -> str:
    data = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in data["docs"])
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()


@pytest.mark.parametrize("heading", sorted(NOTES_TOPICS))
def test_notes_topic_is_searchable(index_text, heading):
    missing = [term for term in NOTES_TOPICS[heading] if term.lower() not in index_text]
    assert missing == [], f"notes section '{heading}': not found by search: {missing}"
