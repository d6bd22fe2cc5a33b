using System.Text.Json.Nodes;

namespace Rampart.Iam.Accounts;

/// <summary>
/// Policy documents for <see cref="SyntheticAccount"/>: the shapes real accounts hold (service wildcards, statements
/// scoped to resources, conditions on tags, regions, MFA, source addresses, and the trust policies of service, cross-account,
/// SAML and OIDC roles). Written for this project as plausible examples, not copies of AWS's documents.
/// </summary>
internal static class SyntheticPolicies
{
    public const string Version = "2012-10-17";

    public static JsonObject Document(params JsonObject[] statements) =>
        new() { ["Version"] = Version, ["Statement"] = new JsonArray([.. statements]) };

    public static JsonObject Allow(JsonNode actions, JsonNode resources, JsonObject? condition = null, string? sid = null) =>
        Statement("Allow", "Action", actions, resources, condition, sid);

    public static JsonObject Deny(JsonNode actions, JsonNode resources, JsonObject? condition = null, string? sid = null) =>
        Statement("Deny", "Action", actions, resources, condition, sid);

    public static JsonObject AllowNot(JsonNode notActions, JsonNode resources, JsonObject? condition = null, string? sid = null) =>
        Statement("Allow", "NotAction", notActions, resources, condition, sid);

    public static JsonObject DenyNot(JsonNode notActions, JsonNode resources, JsonObject? condition = null, string? sid = null) =>
        Statement("Deny", "NotAction", notActions, resources, condition, sid);

    public static JsonArray List(params string[] values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);

    public static JsonObject Condition(string op, string key, JsonNode value) => new() { [op] = new JsonObject { [key] = value } };

    /// <summary>AWS managed policies the generator attaches: name, path, document.</summary>
    public static IReadOnlyList<(string Name, string Path, Func<JsonObject> Document)> AwsManaged { get; } =
    [
        ("AdministratorAccess", "/", () => Document(Allow("*", "*"))),
        ("PowerUserAccess", "/", () => Document(
            AllowNot(List("iam:*", "organizations:*", "account:*"), "*"),
            Allow(List("iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles", "organizations:DescribeOrganization", "account:ListRegions"), "*"))),
        ("ReadOnlyAccess", "/", () => Document(Allow(
            List("cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:LookupEvents", "cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*", "dynamodb:Describe*", "dynamodb:List*", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "ec2:Describe*", "ec2:Get*", "iam:Get*", "iam:List*", "iam:GenerateCredentialReport", "kms:Describe*", "kms:List*", "lambda:Get*", "lambda:List*", "logs:Describe*", "logs:Get*", "logs:FilterLogEvents", "rds:Describe*", "s3:Get*", "s3:List*", "sqs:Get*", "sqs:List*", "sns:Get*", "sns:List*"),
            "*"))),
        ("SecurityAudit", "/", () => Document(Allow(
            List("access-analyzer:List*", "acm:Describe*", "cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "cloudtrail:GetTrailStatus", "config:Describe*", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "guardduty:Get*", "guardduty:List*", "iam:GetAccountAuthorizationDetails", "iam:GenerateCredentialReport", "iam:GetCredentialReport", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetEncryptionConfiguration", "s3:ListAllMyBuckets"),
            "*"))),
        ("AmazonS3ReadOnlyAccess", "/", () => Document(Allow(List("s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"), "*"))),
        ("AmazonS3FullAccess", "/", () => Document(Allow(List("s3:*", "s3-object-lambda:*"), "*"))),
        ("AmazonEC2FullAccess", "/", () => Document(
            Allow(List("ec2:*", "elasticloadbalancing:*", "cloudwatch:*", "autoscaling:*"), "*"),
            Allow("iam:CreateServiceLinkedRole", "*", Condition("StringEquals", "iam:AWSServiceName", List("autoscaling.amazonaws.com", "ec2scheduled.amazonaws.com", "elasticloadbalancing.amazonaws.com"))))),
        ("IAMFullAccess", "/", () => Document(Allow(List("iam:*", "organizations:DescribeAccount", "organizations:DescribeOrganization", "organizations:ListAccounts"), "*"))),
        ("Billing", "/job-function/", () => Document(Allow(List("aws-portal:*", "budgets:*", "ce:*", "cur:*", "purchase-orders:*", "tax:*", "account:GetAccountInformation"), "*"))),
        ("ViewOnlyAccess", "/job-function/", () => Document(Allow(List("cloudfront:List*", "dynamodb:ListTables", "ec2:DescribeInstances", "ec2:DescribeVolumes", "iam:ListUsers", "iam:ListRoles", "lambda:ListFunctions", "rds:DescribeDBInstances", "s3:ListAllMyBuckets"), "*"))),
        ("AWSLambdaBasicExecutionRole", "/service-role/", () => Document(Allow(List("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"), "*"))),
        ("AmazonSSMManagedInstanceCore", "/", () => Document(
            Allow(List("ssm:DescribeAssociation", "ssm:GetDocument", "ssm:ListAssociations", "ssm:UpdateInstanceInformation", "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel", "ec2messages:GetMessages", "ec2messages:AcknowledgeMessage", "ec2messages:SendReply"), "*"))),
        ("AmazonECSTaskExecutionRolePolicy", "/service-role/", () => Document(Allow(
            List("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"),
            "*"))),
        ("AWSSupportServiceRolePolicy", "/aws-service-role/", () => Document(Allow(List("support:*", "trustedadvisor:Describe*", "ec2:Describe*", "iam:Get*", "iam:List*"), "*"))),
    ];

    public static JsonObject ServiceTrust(string service) =>
        Document(new JsonObject { ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["Service"] = service }, ["Action"] = "sts:AssumeRole" });

    public static JsonObject CrossAccountTrust(string account, string externalId) =>
        Document(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{account}:root" },
            ["Action"] = "sts:AssumeRole",
            ["Condition"] = Condition("StringEquals", "sts:ExternalId", externalId),
        });

    public static JsonObject SamlTrust(string account, string provider) =>
        Document(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Federated"] = $"arn:aws:iam::{account}:saml-provider/{provider}" },
            ["Action"] = List("sts:AssumeRoleWithSAML", "sts:TagSession"),
            ["Condition"] = Condition("StringEquals", "SAML:aud", "https://signin.aws.amazon.com/saml"),
        });

    public static JsonObject GitHubTrust(string account, string repository) =>
        Document(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Federated"] = $"arn:aws:iam::{account}:oidc-provider/token.actions.githubusercontent.com" },
            ["Action"] = "sts:AssumeRoleWithWebIdentity",
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["token.actions.githubusercontent.com:aud"] = "sts.amazonaws.com" },
                ["StringLike"] = new JsonObject { ["token.actions.githubusercontent.com:sub"] = $"repo:{repository}:ref:refs/heads/main" },
            },
        });

    private static JsonObject Statement(string effect, string actionKey, JsonNode actions, JsonNode resources, JsonObject? condition, string? sid)
    {
        var statement = new JsonObject();
        if (sid is not null)
            statement["Sid"] = sid;
        statement["Effect"] = effect;
        statement[actionKey] = actions;
        statement["Resource"] = resources;
        if (condition is not null)
            statement["Condition"] = condition;
        return statement;
    }
}
