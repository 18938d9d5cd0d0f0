"""Run examples/s3/lifecycle_expire_prefix.py against moto."""

from __future__ import annotations

from conftest import load_example

lifecycle = load_example("examples/s3/lifecycle_expire_prefix.py")


def test_rule_shape():
    rule = lifecycle.expire_prefix_rule("logs/tmp/")
    assert rule["ID"] == "expire-logs-tmp-after-30-days"
    assert rule["Filter"] == {"Prefix": "logs/tmp/"}
    assert rule["Expiration"] == {"Days": 30}


def test_lifecycle_is_stored_on_the_bucket(s3_bucket):
    lifecycle.set_expiration(s3_bucket, "amzn-s3-demo-bucket", "tmp/", days=30)
    rules = s3_bucket.get_bucket_lifecycle_configuration(Bucket="amzn-s3-demo-bucket")["Rules"]
    assert len(rules) == 1
    (rule,) = rules
    assert rule["Status"] == "Enabled"
    assert rule["Filter"]["Prefix"] == "tmp/"
    assert rule["Expiration"]["Days"] == 30
    assert rule["NoncurrentVersionExpiration"]["NoncurrentDays"] == 1
    assert rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] == 7
