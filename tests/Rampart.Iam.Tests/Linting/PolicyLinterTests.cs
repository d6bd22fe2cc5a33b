using Rampart.Core.Diagnostics;
using Rampart.Iam.Linting;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Tests.Linting;

/// <summary>Each warning of the linter, word for word with its JSON path, and policies that must give none.</summary>
public sealed class PolicyLinterTests
{
    // Severity first, so a note (IAM117) is told from a warning.
    private static string[] Lint(string json, PolicyKind kind = PolicyKind.Identity)
    {
        var bag = new DiagnosticBag();
        var document = PolicyDocument.Parse(json, "p.json", kind, bag);
        Assert.True(document is not null, string.Join("\n", bag.ToImmutableArray()));
        PolicyLinter.Default.Lint(document, bag);
        return [.. bag.ToImmutableArray().Select(d => $"{d.Severity} {d}")];
    }

    [Fact]
    public void AnIdentityPolicyWithKnownActionsKeysAndOperatorsGivesNoWarnings()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/${aws:username}/*"],
              "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*"]}, "Bool": {"aws:SecureTransport": "true"}, "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}},
             {"Sid": "Tags", "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "arn:aws:ec2:*:*:instance/*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}, "StringEquals": {"ec2:CreateAction": "RunInstances"}}},
             {"Sid": "Tagged", "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}, "StringEquals": {"aws:RequestTag/team": "red"}}},
             {"Sid": "List", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::*"},
             {"Sid": "Kms", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::reports", "kms:ViaService": "s3.eu-west-1.amazonaws.com"}, "ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:*:*:log-group:*"}}},
             {"Sid": "Secrets", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*", "Condition": {"StringEquals": {"secretsmanager:ResourceTag/team": "red"}}},
             {"Sid": "Fence", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}, "ForAllValues:StringEquals": {"aws:CalledVia": ["cloudformation.amazonaws.com"]}}},
             {"Sid": "Everything", "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "home/"}, "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin-*"}}}
            ]}
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ATrustPolicyWithWebIdentityProviderKeysGivesNoWarnings()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity",
              "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo/app:*"}}},
             {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x-1"}}}
            ]}
            """, PolicyKind.Trust);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ABucketPolicyWithTheUsualGuardsGivesNoWarnings()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
             {"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::reports/AWSLogs/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}, "ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:111122223333:trail/*"}}}
            ]}
            """, PolicyKind.Resource);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void WithoutAVersionPolicyVariablesAreLiteralText()
    {
        var diagnostics = Lint("""
            {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::home/${aws:username}/*"], "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*", "shared/*"]}}}]}
            """);

        Assert.Equal(
        [
            "Warning p.json:$: IAM101: the policy has no Version, so AWS reads it as 2008-10-17, which takes policy variables as literal text; add \"Version\": \"2012-10-17\"",
            "Warning p.json:$.Statement[0].Resource[1]: IAM102: resource 'arn:aws:s3:::home/${aws:username}/*' holds a policy variable, but without a Version (read as 2008-10-17) variables are literal text; use \"Version\": \"2012-10-17\"",
            "Warning p.json:$.Statement[0].Condition.StringLike['s3:prefix'][0]: IAM102: StringLike value '${aws:username}/*' holds a policy variable, but without a Version (read as 2008-10-17) variables are literal text; use \"Version\": \"2012-10-17\"",
        ], diagnostics);
    }

    [Fact]
    public void UnderVersion2008PolicyVariablesAreLiteralText()
    {
        var diagnostics = Lint("""
            {"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}
            """);

        Assert.Equal(
        [
            "Warning p.json:$.Statement.Resource: IAM102: resource 'arn:aws:s3:::home/${aws:username}/*' holds a policy variable, but under Version 2008-10-17 variables are literal text; use \"Version\": \"2012-10-17\"",
        ], diagnostics);
    }

    [Fact]
    public void UnknownServicesActionsAndPatternsAreNamedWithTheNearestKnownName()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec:DescribeInstances", "s3:GetObjects", "s3:Fetch*", "*:Frobnicate*", "s3:GetObject", "s3:getobject", "s3:Get*", "iam:PassRole"], "Resource": "*"},
             {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
             {"Effect": "Allow", "Action": "deepracer:ListModels", "Resource": "*", "Condition": {"Bool": {"deepracer:MultiUser": "true"}}}]}
            """);

        Assert.Equal(
        [
            "Warning p.json:$.Statement[0].Action[0]: IAM103: action 'ec:DescribeInstances': no documented AWS service has the prefix 'ec'; did you mean 'ec2:DescribeInstances'?",
            "Warning p.json:$.Statement[0].Action[1]: IAM104: action 's3:GetObjects': Amazon S3 has no documented action 'GetObjects'; did you mean 's3:GetObject'?",
            "Warning p.json:$.Statement[0].Action[2]: IAM105: action pattern 's3:Fetch*' matches no action of Amazon S3 ('s3')",
            "Warning p.json:$.Statement[0].Action[3]: IAM105: action pattern '*:Frobnicate*' matches no action of any service",
            "Warning p.json:$.Statement[0].Action[4]: IAM115: action 's3:GetObject' is matched already by 's3:Get*' at $.Statement[0].Action[6]",
            "Warning p.json:$.Statement[0].Action[5]: IAM115: action 's3:getobject' is listed already at $.Statement[0].Action[4]",
            "Warning p.json:$.Statement[1].NotAction: IAM114: Allow with NotAction allows every action but those listed, of every service, including actions AWS adds later; list the actions to allow, or use NotAction with Deny",
            "Warning p.json:$.Statement[2].Action: IAM103: action 'deepracer:ListModels': no documented AWS service has the prefix 'deepracer'",
        ], diagnostics);
    }

    [Fact]
    public void UnknownConditionKeysAndKeysNoActionOfTheStatementSupportsAreReported()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports", "Condition": {"StringLike": {"s3:prefx": "home/*"}, "StringEquals": {"aws:ResourceTags/team": "red", "s3:RequestObjectTag/team": "x"}}},
             {"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "home/"}, "StringNotEquals": {"s3:x-amz-acl": "private"}}},
             {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"s3:prefx": "home/", "ec2:Region": "eu-west-1"}}}
            ]}
            """);

        Assert.Equal(
        [
            "Warning p.json:$.Statement[0].Condition.StringLike['s3:prefx']: IAM106: AWS documents no condition key 's3:prefx', global or of a service; did you mean 's3:prefix'?",
            "Warning p.json:$.Statement[0].Condition.StringEquals['aws:ResourceTags/team']: IAM106: AWS documents no condition key 'aws:ResourceTags/team', global or of a service; did you mean 'aws:ResourceTag/team'?",
            "Warning p.json:$.Statement[1].Condition.StringEquals['s3:prefix']: IAM107: condition key 's3:prefix' is not supported by the statement's action (ec2:DescribeInstances), so requests never carry it and StringEquals never holds: the statement never allows anything",
            "Warning p.json:$.Statement[1].Condition.StringNotEquals['s3:x-amz-acl']: IAM107: condition key 's3:x-amz-acl' is not supported by the statement's action (ec2:DescribeInstances), so requests never carry it and StringNotEquals always holds",
            "Warning p.json:$.Statement[2].Condition.StringEquals['s3:prefx']: IAM106: AWS documents no condition key 's3:prefx', global or of a service; did you mean 's3:prefix'?",
        ], diagnostics);
    }

    [Fact]
    public void OperatorsOfAnotherTypeThanTheirKeyAreReported()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports", "Condition": {
               "DateGreaterThan": {"aws:SourceIp": "2026-01-01T00:00:00Z"}, "Bool": {"aws:username": "true"}, "IpAddress": {"aws:SourceVpc": "10.0.0.0/8"},
               "ArnLike": {"aws:username": "bob", "aws:RequestTag/owner": "arn:aws:iam::111122223333:role/x"}, "NumericLessThan": {"s3:prefix": "3"}, "StringEquals": {"aws:SecureTransport": "true"},
               "StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/x"}, "NumericLessThanIfExists": {"s3:max-keys": "10"}, "Null": {"aws:SourceIp": "false"}}}
            ]}
            """);

        Assert.Equal(
        [
            "Warning p.json:$.Statement[0].Condition.DateGreaterThan['aws:SourceIp']: IAM108: DateGreaterThan compares dates, but 'aws:SourceIp' is an IP address key; use IpAddress or NotIpAddress",
            "Warning p.json:$.Statement[0].Condition.Bool['aws:username']: IAM108: Bool compares Booleans, but 'aws:username' is a string key; use a String operator (StringEquals, StringLike…)",
            "Warning p.json:$.Statement[0].Condition.IpAddress['aws:SourceVpc']: IAM108: IpAddress compares IP addresses, but 'aws:SourceVpc' is a string key; use a String operator (StringEquals, StringLike…)",
            "Warning p.json:$.Statement[0].Condition.ArnLike['aws:username']: IAM108: ArnLike compares ARNs, but 'aws:username' is a string key; use a String operator (StringEquals, StringLike…)",
            "Warning p.json:$.Statement[0].Condition.NumericLessThan['s3:prefix']: IAM108: NumericLessThan compares numbers, but 's3:prefix' is a string key; use a String operator (StringEquals, StringLike…)",
            "Warning p.json:$.Statement[0].Condition.StringEquals['aws:SecureTransport']: IAM108: StringEquals compares strings, but 'aws:SecureTransport' is a Boolean key; use Bool",
        ], diagnostics);
    }

    [Fact]
    public void SetOperatorsMustFitWhetherTheKeyHasSeveralValuesAndForAllValuesInAnAllowHoldsWhenTheKeyIsAbsent()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}, "ForAnyValue:StringEquals": {"aws:SourceVpc": "vpc-1"}, "ForAllValues:StringLike": {"aws:username": "a*"}}},
             {"Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"ForAllValues:StringNotEquals": {"aws:TagKeys": ["team"]}, "StringEquals": {"aws:PrincipalOrgPaths": "o-1/r-1/ou-1/"}}},
             {"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}, "Null": {"aws:TagKeys": "false"}}}
            ]}
            """);

        Assert.Equal(
        [
            "Warning p.json:$.Statement[0].Condition.ForAllValues:StringEquals['aws:TagKeys']: IAM109: ForAllValues:StringEquals holds when 'aws:TagKeys' is absent from the request, so this Allow also applies to requests without it; add \"Null\": {\"aws:TagKeys\": \"false\"} if the key must be present",
            "Warning p.json:$.Statement[0].Condition.ForAnyValue:StringEquals['aws:SourceVpc']: IAM110: ForAnyValue: tests keys with several values, but 'aws:SourceVpc' has one value; use StringEquals",
            "Warning p.json:$.Statement[0].Condition.ForAllValues:StringLike['aws:username']: IAM110: ForAllValues: tests keys with several values, but 'aws:username' has one value, and ForAllValues: also holds when it is absent; use StringLike",
            "Warning p.json:$.Statement[1].Condition.StringEquals['aws:PrincipalOrgPaths']: IAM111: 'aws:PrincipalOrgPaths' has several values; write ForAnyValue:StringEquals or ForAllValues:StringEquals to say whether one value or every value must match",
        ], diagnostics);
    }

    [Fact]
    public void ResourcesTheStatementsActionsCannotTakeAreReported()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "iam:ListRoles"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::*"]},
             {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s4:::reports/*", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", "arn:aws:s3:::reports/*"]},
             {"Effect": "Allow", "Action": "codestar-connections:UseConnection", "Resource": "arn:aws:codeconnections:eu-west-1:111122223333:connection/abc"}
            ]}
            """);

        Assert.Equal(
        [
            "Warning p.json:$.Statement[0].Resource[0]: IAM112: resource 'arn:aws:s3:::reports' never matches: every action of the statement (s3:ListAllMyBuckets, iam:ListRoles) has no resource-level permissions and takes only \"Resource\": \"*\"",
            "Warning p.json:$.Statement[1].Resource[0]: IAM113: resource 'arn:aws:s4:::reports/*': no documented AWS service has ARNs of 's4'; did you mean 's3'?",
            "Info p.json:$.Statement[1].Resource[1]: IAM117: resource 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders' is an ARN of 'dynamodb', but AWS documents no action of s3 that takes dynamodb resources: it matches only if the service checks them undocumented",
        ], diagnostics);
    }

    [Fact]
    public void AWildcardInAnExactStringOperatorIsALiteralCharacter()
    {
        var diagnostics = Lint("""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/ops", "arn:aws:iam::*:role/admin-*"]}, "StringNotEquals": {"aws:ResourceTag/team": "*"}, "StringLike": {"aws:ResourceTag/x": "a*"}, "StringEqualsIgnoreCase": {"aws:username": "${*}x"}}}
            ]}
            """);

        Assert.Equal(
        [
            "Warning p.json:$.Statement[0].Condition.StringEquals['aws:PrincipalArn'][1]: IAM116: StringEquals compares exactly, so '*' in 'arn:aws:iam::*:role/admin-*' is a literal character, not a wildcard; use StringLike to match patterns",
            "Warning p.json:$.Statement[0].Condition.StringNotEquals['aws:ResourceTag/team']: IAM116: StringNotEquals compares exactly, so '*' in '*' is a literal character, not a wildcard; use StringNotLike to match patterns",
        ], diagnostics);
    }
}
