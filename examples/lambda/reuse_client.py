"""Create the SDK client once per execution environment and reuse it in every invocation."""

import os

import boto3

BUCKET = os.environ.get("BUCKET_NAME", "amzn-s3-demo-bucket")
s3 = boto3.client("s3")  # INIT phase: runs once; its HTTP connection pool is reused when warm


def lambda_handler(event, context):
    head = s3.head_object(Bucket=BUCKET, Key=event["key"])
    return {"key": event["key"], "size": head["ContentLength"]}
