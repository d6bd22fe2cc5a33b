using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Core;
using static Rampart.Iam.Accounts.SyntheticPolicies;

namespace Rampart.Iam.Accounts;

/// <summary>
/// Writes a plausible <c>aws iam get-account-authorization-details</c> output for tests and benchmarks: groups for
/// administrators, developers, auditors and teams; customer managed policies with wildcards, resource scoping, conditions
/// and older versions; inline policies; users with groups, tags and some permissions boundaries; roles for services (with
/// instance profiles for EC2), for other accounts (with an external id), for SAML and GitHub federation, and service-linked
/// roles. The same arguments always give the same text; no clock is read.
/// </summary>
internal static class SyntheticAccount
{
    private static readonly DateTimeOffset Start = new(2016, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames =
        ["alice", "bob", "carmen", "dmitri", "emeka", "fatima", "giulia", "hiro", "ines", "jamal", "kofi", "lena", "mateo", "nadia", "oskar", "priya", "quentin", "rosa", "sven", "tariq", "uma", "viktor", "wen", "ximena", "yusuf", "zoe"];

    private static readonly string[] LastNames =
        ["adeyemi", "bauer", "costa", "dubois", "eriksen", "fischer", "garcia", "haddad", "ivanova", "jensen", "kim", "lopez", "moreau", "nguyen", "okafor", "patel", "quinn", "rossi", "sato", "tanaka", "ueda", "varga", "weber", "xu", "yilmaz", "zhang"];

    private static readonly string[] Teams = ["payments", "search", "identity", "data", "platform", "mobile", "growth", "risk", "ledger", "notifications"];

    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];

    private static readonly string[] Services =
        ["lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com", "glue.amazonaws.com", "states.amazonaws.com", "codebuild.amazonaws.com"];

    /// <summary>Generates the export as indented JSON text.</summary>
    /// <param name="users">How many users, 0 to 1,000,000.</param>
    /// <param name="roles">How many roles, 0 to 1,000,000.</param>
    /// <param name="seed">Picks the names, shapes and dates; the same seed gives the same text.</param>
    /// <param name="urlEncodedDocuments">Write policy documents as URL-encoded strings, as the raw IAM API returns them, instead of objects as the AWS CLI prints them.</param>
    public static string Generate(int users, int roles, int seed, bool urlEncodedDocuments = false)
    {
        Guard.InRange(users, 0, 1_000_000);
        Guard.InRange(roles, 0, 1_000_000);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            new Generator(seed, urlEncodedDocuments, writer).Write(users, roles);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private sealed class Generator
    {
#pragma warning disable CA5394 // Deterministic test data, not security: a seeded Random is the point.
        private readonly Random _random;
        private readonly bool _urlEncoded;
        private readonly string _account;
        private readonly string[] _partners;
        private readonly string _company;
        private readonly List<CustomerPolicy> _customer = [];
        private readonly Dictionary<string, int> _attachments = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _boundaryUses = new(StringComparer.Ordinal);
        private readonly List<GroupPlan> _groups = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly Utf8JsonWriter _writer;

        public Generator(int seed, bool urlEncoded, Utf8JsonWriter writer)
        {
            _writer = writer;
            _random = new Random(seed);
            _urlEncoded = urlEncoded;
            _account = Digits(12);
            _partners = [Digits(12), Digits(12), Digits(12)];
            _company = Pick(["acme", "globex", "initech", "umbrella", "hooli", "stark"]);
        }

        public void Write(int users, int roles)
        {
            PlanPolicies(Math.Max(12, (users + roles) / 15));
            PlanGroups(Math.Max(6, users / 20));
            _writer.WriteStartObject();
            _writer.WriteStartArray("UserDetailList");
            for (var i = 0; i < users; i++)
                WriteUser(i);
            _writer.WriteEndArray();
            _writer.WriteStartArray("GroupDetailList");
            foreach (var group in _groups)
                WriteGroup(group);
            _writer.WriteEndArray();
            _writer.WriteStartArray("RoleDetailList");
            for (var i = 0; i < roles; i++)
                WriteRole(i);
            _writer.WriteEndArray();
            _writer.WriteStartArray("Policies");
            WritePolicies();
            _writer.WriteEndArray();
            _writer.WriteBoolean("IsTruncated", false);
            _writer.WriteEndObject();
        }

        private void PlanPolicies(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var team = Teams[i % Teams.Length];
                var bucket = $"{_company}-{Pick(["prod", "staging", "dev"])}-{team}-{Pick(["data", "logs", "artifacts", "exports"])}";
                var region = Pick(Regions);
                var (name, document) = (i % 12) switch
                {
                    0 => ($"{team}-s3-read", Document(Allow(List("s3:GetObject", "s3:ListBucket"), List($"arn:aws:s3:::{bucket}", $"arn:aws:s3:::{bucket}/*")))),
                    1 => ($"{team}-s3-write-encrypted", Document(
                        Allow(List("s3:PutObject", "s3:AbortMultipartUpload"), $"arn:aws:s3:::{bucket}/*", Condition("StringEquals", "s3:x-amz-server-side-encryption", "aws:kms"), "WriteEncryptedOnly"))),
                    2 => ($"{team}-dynamodb-own-items", Document(Allow(
                        List("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"),
                        $"arn:aws:dynamodb:{region}:{_account}:table/{team}-*",
                        Condition("ForAllValues:StringEquals", "dynamodb:LeadingKeys", List("${aws:PrincipalTag/team}"))))),
                    3 => ($"{team}-ec2-operate-tagged", Document(
                        Allow(List("ec2:StartInstances", "ec2:StopInstances", "ec2:RebootInstances"), $"arn:aws:ec2:{region}:{_account}:instance/*", Condition("StringEquals", "aws:ResourceTag/team", team)),
                        Allow("ec2:Describe*", "*"))),
                    4 => ($"{team}-{Pick(["sqs", "logs", "sns", "events"])}-full", Document(Allow(Pick(["sqs:*", "logs:*", "sns:*", "events:*"]), "*"))),
                    5 => ("deny-outside-approved-regions", Document(DenyNot(
                        List("iam:*", "sts:*", "organizations:*", "support:*", "cloudfront:*", "route53:*"),
                        "*",
                        Condition("StringNotEquals", "aws:RequestedRegion", List(Regions[0], Regions[2])),
                        "DenyOutsideRegions"))),
                    6 => ("require-mfa", Document(
                        Allow(List("iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices"), "arn:aws:iam::*:user/${aws:username}", sid: "AllowManageOwnMfa"),
                        DenyNot(List("iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "sts:GetSessionToken"), "*", Condition("BoolIfExists", "aws:MultiFactorAuthPresent", "false"), "DenyWithoutMfa"))),
                    7 => ("office-networks-only", Document(Deny("*", "*", new JsonObject
                    {
                        ["NotIpAddress"] = new JsonObject { ["aws:SourceIp"] = List($"203.0.113.{_random.Next(0, 256)}/32", "198.51.100.0/24") },
                        ["Bool"] = new JsonObject { ["aws:ViaAWSService"] = "false" },
                    }))),
                    8 => ($"{team}-kms-decrypt", Document(Allow(
                        List("kms:Decrypt", "kms:GenerateDataKey"),
                        $"arn:aws:kms:{region}:{_account}:key/{Guid(_random)}",
                        Condition("StringEquals", "kms:ViaService", $"s3.{region}.amazonaws.com")))),
                    9 => ($"{team}-pass-app-roles", Document(Allow("iam:PassRole", $"arn:aws:iam::{_account}:role/{team}-*", Condition("StringEquals", "iam:PassedToService", List("lambda.amazonaws.com", "ecs-tasks.amazonaws.com"))))),
                    10 => ($"{team}-secrets-read", Document(Allow(List("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), $"arn:aws:secretsmanager:{region}:{_account}:secret:{team}/*"))),
                    _ => ("developer-boundary", Document(
                        Allow(List("s3:*", "dynamodb:*", "lambda:*", "logs:*", "cloudwatch:*", "sqs:*", "sns:*", "ec2:Describe*"), "*"),
                        Deny(List("iam:*", "organizations:*", "account:*"), "*", sid: "NoIdentityChanges"))),
                };
                if (!_customer.Exists(policy => policy.Name == name))
                    _customer.Add(new CustomerPolicy(name, i % 12 == 11 ? "/boundaries/" : Pick(["/", "/", $"/{team}/"]), document, 1 + (_random.Next(4) == 0 ? _random.Next(1, 4) : 0), Date(0, 900)));
            }
        }

        private void PlanGroups(int count)
        {
            _groups.Add(new GroupPlan("Administrators", [Aws("AdministratorAccess")], []));
            _groups.Add(new GroupPlan("Developers", [Aws("PowerUserAccess"), .. Customer(2)], []));
            _groups.Add(new GroupPlan("ReadOnly", [Aws("ReadOnlyAccess")], []));
            _groups.Add(new GroupPlan("Security", [Aws("SecurityAudit"), Aws("ViewOnlyAccess")], [("security-tooling", Document(Allow(List("guardduty:*", "securityhub:*", "access-analyzer:*"), "*")))]));
            _groups.Add(new GroupPlan("Billing", [Aws("Billing")], []));
            for (var i = _groups.Count; i < count; i++)
            {
                var team = Teams[i % Teams.Length];
                var name = i < Teams.Length + 5 ? $"team-{team}" : $"team-{team}-{i}";
                List<(string, JsonObject)> inline = _random.Next(3) == 0
                    ? [($"{team}-cloudwatch", Document(Allow(List("cloudwatch:PutMetricData", "cloudwatch:GetMetricData"), "*", Condition("StringEquals", "cloudwatch:namespace", $"{_company}/{team}"))))]
                    : [];
                _groups.Add(new GroupPlan(name, [.. Customer(1 + _random.Next(3))], inline));
            }
        }

        private void WriteUser(int index)
        {
            var name = UniqueName(index);
            var contractor = _random.Next(8) == 0;
            var service = !contractor && _random.Next(12) == 0;
            if (service)
                name = $"svc-{Pick(Teams)}-{Pick(["ci", "deploy", "backup", "etl"])}-{index}";
            var path = contractor ? "/contractors/" : service ? "/service-accounts/" : "/";
            _writer.WriteStartObject();
            _writer.WriteString("Path", path);
            _writer.WriteString("UserName", name);
            _writer.WriteString("UserId", "AIDA" + Id());
            _writer.WriteString("Arn", $"arn:aws:iam::{_account}:user{path}{name}");
            _writer.WriteString("CreateDate", Date(0, 2900));
            _writer.WriteStartArray("UserPolicyList");
            if (_random.Next(5) == 0)
            {
                var bucket = $"{_company}-scratch-{name.Replace('.', '-')}";
                WriteInline($"{name}-scratch", Document(Allow(List("s3:GetObject", "s3:PutObject", "s3:DeleteObject"), $"arn:aws:s3:::{bucket}/*"), Allow("s3:ListBucket", $"arn:aws:s3:::{bucket}")));
            }

            _writer.WriteEndArray();
            _writer.WriteStartArray("GroupList");
            var groups = service ? [] : PickGroups(contractor);
            foreach (var group in groups)
                _writer.WriteStringValue(group);
            _writer.WriteEndArray();
            _writer.WriteStartArray("AttachedManagedPolicies");
            if (service)
                WriteAttached(Customer(1 + _random.Next(2)));
            else if (_random.Next(4) == 0)
                WriteAttached(_random.Next(3) == 0 ? [Aws("AmazonS3ReadOnlyAccess")] : Customer(1));
            _writer.WriteEndArray();
            if (contractor)
                WriteBoundary(CustomerArn("developer-boundary"));
            WriteTags(("team", Pick(Teams)), ("cost-center", "cc-" + _random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)), contractor ? ("contract-end", Date(3000, 3400)[..10]) : default);
            _writer.WriteEndObject();
        }

        private void WriteGroup(GroupPlan group)
        {
            _writer.WriteStartObject();
            _writer.WriteString("Path", "/");
            _writer.WriteString("GroupName", group.Name);
            _writer.WriteString("GroupId", "AGPA" + Id());
            _writer.WriteString("Arn", $"arn:aws:iam::{_account}:group/{group.Name}");
            _writer.WriteString("CreateDate", Date(0, 400));
            _writer.WriteStartArray("GroupPolicyList");
            foreach (var (name, document) in group.Inline)
                WriteInline(name, document);
            _writer.WriteEndArray();
            _writer.WriteStartArray("AttachedManagedPolicies");
            WriteAttached(group.Attached);
            _writer.WriteEndArray();
            _writer.WriteEndObject();
        }

        private void WriteRole(int index)
        {
            var kind = index < 2 ? 5 : _random.Next(10);
            var team = Pick(Teams);
            string name, path = "/";
            JsonObject trust;
            List<string> attached = [];
            List<(string, JsonObject)> inline = [];
            string? profile = null;
            switch (kind)
            {
                case 0 or 1 or 2 or 3:
                    var service = Services[kind == 3 ? 3 + _random.Next(3) : kind];
                    var prefix = service[..service.IndexOf('.', StringComparison.Ordinal)];
                    name = $"{team}-{prefix}-{index}";
                    path = _random.Next(3) == 0 ? "/service-role/" : "/";
                    trust = ServiceTrust(service);
                    attached.Add(prefix switch
                    {
                        "lambda" => Aws("AWSLambdaBasicExecutionRole"),
                        "ec2" => Aws("AmazonSSMManagedInstanceCore"),
                        "ecs-tasks" => Aws("AmazonECSTaskExecutionRolePolicy"),
                        _ => Customer(1)[0],
                    });
                    if (_random.Next(2) == 0)
                        attached.AddRange(Customer(1));
                    if (_random.Next(3) == 0)
                        inline.Add(($"{name}-queue", Document(Allow(List("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"), $"arn:aws:sqs:{Pick(Regions)}:{_account}:{team}-*"))));
                    if (prefix == "ec2")
                        profile = name;
                    break;
                case 4 or 6:
                    var partner = Pick(_partners);
                    name = $"{Pick(["vendor-audit", "partner-sync", "ci-deployer", "observability"])}-{index}";
                    trust = CrossAccountTrust(partner, Guid(_random));
                    attached.Add(_random.Next(2) == 0 ? Aws("SecurityAudit") : Aws("ReadOnlyAccess"));
                    break;
                case 5 or 7:
                    name = $"{Pick(["sso-admin", "sso-developer", "sso-readonly", "sso-billing"])}-{index}";
                    trust = SamlTrust(_account, Pick(["Okta", "AzureAD", "Google"]));
                    attached.Add(name.StartsWith("sso-admin", StringComparison.Ordinal) ? Aws("AdministratorAccess")
                        : name.StartsWith("sso-developer", StringComparison.Ordinal) ? Aws("PowerUserAccess")
                        : name.StartsWith("sso-billing", StringComparison.Ordinal) ? Aws("Billing")
                        : Aws("ReadOnlyAccess"));
                    break;
                case 8:
                    name = $"github-{team}-deploy-{index}";
                    trust = GitHubTrust(_account, $"{_company}/{team}-service");
                    attached.AddRange(Customer(2));
                    inline.Add(("deploy-artifacts", Document(Allow(List("s3:PutObject", "s3:GetObject"), $"arn:aws:s3:::{_company}-prod-{team}-artifacts/*"))));
                    break;
                default:
                    var linked = Pick(["support", "trustedadvisor", "elasticloadbalancing"]);
                    name = $"AWSServiceRoleFor{char.ToUpperInvariant(linked[0])}{linked[1..]}{index}";
                    path = $"/aws-service-role/{linked}.amazonaws.com/";
                    trust = ServiceTrust($"{linked}.amazonaws.com");
                    attached.Add(Aws("AWSSupportServiceRolePolicy"));
                    break;
            }

            _writer.WriteStartObject();
            _writer.WriteString("Path", path);
            _writer.WriteString("RoleName", name);
            _writer.WriteString("RoleId", "AROA" + Id());
            var arn = $"arn:aws:iam::{_account}:role{path}{name}";
            _writer.WriteString("Arn", arn);
            _writer.WriteString("CreateDate", Date(200, 2900));
            _writer.WritePropertyName("AssumeRolePolicyDocument");
            WriteDocument(trust);
            _writer.WriteStartArray("InstanceProfileList");
            if (profile is not null)
            {
                _writer.WriteStartObject();
                _writer.WriteString("Path", "/");
                _writer.WriteString("InstanceProfileName", profile);
                _writer.WriteString("InstanceProfileId", "AIPA" + Id());
                _writer.WriteString("Arn", $"arn:aws:iam::{_account}:instance-profile/{profile}");
                _writer.WriteString("CreateDate", Date(200, 2900));
                _writer.WriteStartArray("Roles");
                _writer.WriteStartObject();
                _writer.WriteString("RoleName", name);
                _writer.WriteString("Arn", arn);
                _writer.WriteEndObject();
                _writer.WriteEndArray();
                _writer.WriteEndObject();
            }

            _writer.WriteEndArray();
            _writer.WriteStartArray("RolePolicyList");
            foreach (var (policyName, document) in inline)
                WriteInline(policyName, document);
            _writer.WriteEndArray();
            _writer.WriteStartArray("AttachedManagedPolicies");
            WriteAttached(attached);
            _writer.WriteEndArray();
            if (kind is 8 && _random.Next(2) == 0)
                WriteBoundary(CustomerArn("developer-boundary"));
            WriteTags(("team", team), default, default);
            _writer.WriteStartObject("RoleLastUsed");
            if (_random.Next(4) != 0)
            {
                _writer.WriteString("LastUsedDate", Date(2900, 3000));
                _writer.WriteString("Region", Pick(Regions));
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
        }

        private void WritePolicies()
        {
            foreach (var policy in _customer)
            {
                var arn = CustomerArn(policy.Name);
                if (_attachments.ContainsKey(arn) || _boundaryUses.ContainsKey(arn))
                    WritePolicy(policy.Name, policy.Path, arn, policy.Document, policy.Versions, policy.Created);
            }

            foreach (var (name, path, document) in AwsManaged)
            {
                var arn = $"arn:aws:iam::aws:policy{path}{name}";
                if (_attachments.ContainsKey(arn))
                    WritePolicy(name, path, arn, document(), 1 + (name.Length % 5), "2015-02-06T18:39:46+00:00");
            }
        }

        private void WritePolicy(string name, string path, string arn, JsonObject document, int versions, string created)
        {
            _writer.WriteStartObject();
            _writer.WriteString("PolicyName", name);
            _writer.WriteString("PolicyId", "ANPA" + Id());
            _writer.WriteString("Arn", arn);
            _writer.WriteString("Path", path);
            var defaultVersion = "v" + versions.ToString(CultureInfo.InvariantCulture);
            _writer.WriteString("DefaultVersionId", defaultVersion);
            _writer.WriteNumber("AttachmentCount", _attachments.GetValueOrDefault(arn));
            _writer.WriteNumber("PermissionsBoundaryUsageCount", _boundaryUses.GetValueOrDefault(arn));
            _writer.WriteBoolean("IsAttachable", true);
            _writer.WriteString("CreateDate", created);
            _writer.WriteString("UpdateDate", created);
            _writer.WriteStartArray("PolicyVersionList");
            WriteVersion(defaultVersion, true, document);
            if (versions > 1)
            {
                // An older version, narrower than the one in force: readers must take the default, not the first.
                var older = Document(Allow("s3:ListAllMyBuckets", "*"));
                WriteVersion("v" + (versions - 1).ToString(CultureInfo.InvariantCulture), false, older);
            }

            _writer.WriteEndArray();
            _writer.WriteEndObject();
        }

        private void WriteVersion(string id, bool isDefault, JsonObject document)
        {
            _writer.WriteStartObject();
            _writer.WritePropertyName("Document");
            WriteDocument(document);
            _writer.WriteString("VersionId", id);
            _writer.WriteBoolean("IsDefaultVersion", isDefault);
            _writer.WriteString("CreateDate", Date(0, 900));
            _writer.WriteEndObject();
        }

        private void WriteInline(string name, JsonObject document)
        {
            _writer.WriteStartObject();
            _writer.WriteString("PolicyName", name);
            _writer.WritePropertyName("PolicyDocument");
            WriteDocument(document);
            _writer.WriteEndObject();
        }

        private void WriteDocument(JsonObject document)
        {
            if (_urlEncoded)
                _writer.WriteStringValue(Uri.EscapeDataString(document.ToJsonString()));
            else
                document.WriteTo(_writer);
        }

        private void WriteAttached(IEnumerable<string> arns)
        {
            foreach (var arn in arns.Distinct(StringComparer.Ordinal))
            {
                _attachments[arn] = _attachments.GetValueOrDefault(arn) + 1;
                _writer.WriteStartObject();
                _writer.WriteString("PolicyName", IamArn.LastSegment(arn));
                _writer.WriteString("PolicyArn", arn);
                _writer.WriteEndObject();
            }
        }

        private void WriteBoundary(string arn)
        {
            _boundaryUses[arn] = _boundaryUses.GetValueOrDefault(arn) + 1;
            _writer.WriteStartObject("PermissionsBoundary");
            _writer.WriteString("PermissionsBoundaryType", "Policy");
            _writer.WriteString("PermissionsBoundaryArn", arn);
            _writer.WriteEndObject();
        }

        private void WriteTags(params (string Key, string Value)[] tags)
        {
            _writer.WriteStartArray("Tags");
            foreach (var (key, value) in tags)
            {
                if (key is null)
                    continue;
                _writer.WriteStartObject();
                _writer.WriteString("Key", key);
                _writer.WriteString("Value", value);
                _writer.WriteEndObject();
            }

            _writer.WriteEndArray();
        }

        private List<string> PickGroups(bool contractor)
        {
            if (contractor)
                return [_groups[5 + _random.Next(_groups.Count - 5)].Name];
            var roll = _random.Next(100);
            var first = roll < 4 ? "Administrators" : roll < 55 ? "Developers" : roll < 75 ? "ReadOnly" : roll < 82 ? "Security" : roll < 86 ? "Billing" : null;
            List<string> groups = first is null ? [] : [first];
            var teams = _random.Next(3);
            for (var i = 0; i < teams; i++)
            {
                var team = _groups[5 + _random.Next(_groups.Count - 5)].Name;
                if (!groups.Contains(team))
                    groups.Add(team);
            }

            return groups;
        }

        private string UniqueName(int index)
        {
            var name = $"{FirstNames[_random.Next(FirstNames.Length)]}.{LastNames[_random.Next(LastNames.Length)]}";
            if (!_names.Add(name))
            {
                name += index.ToString(CultureInfo.InvariantCulture);
                _names.Add(name);
            }

            return name;
        }

        private List<string> Customer(int count)
        {
            var picked = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var policy = _customer[_random.Next(_customer.Count)];
                if (policy.Name != "developer-boundary")
                    picked.Add(CustomerArn(policy.Name));
            }

            if (picked.Count == 0)
                picked.Add(CustomerArn(_customer[0].Name));
            return picked;
        }

        private string CustomerArn(string name)
        {
            var policy = _customer.Find(candidate => candidate.Name == name) ?? _customer[0];
            return $"arn:aws:iam::{_account}:policy{policy.Path}{policy.Name}";
        }

        private static string Aws(string name)
        {
            foreach (var (candidate, path, _) in AwsManaged)
            {
                if (candidate == name)
                    return $"arn:aws:iam::aws:policy{path}{name}";
            }

            throw new ArgumentException("no such AWS managed policy in the generator: " + name, nameof(name));
        }

        private string Date(int fromDay, int toDay) =>
            Start.AddDays(_random.Next(fromDay, toDay)).AddSeconds(_random.Next(0, 86_400)).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

        private string Digits(int count)
        {
            var digits = new char[count];
            digits[0] = (char)('1' + _random.Next(9));
            for (var i = 1; i < count; i++)
                digits[i] = (char)('0' + _random.Next(10));
            return new string(digits);
        }

        private string Id()
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var id = new char[17];
            for (var i = 0; i < id.Length; i++)
                id[i] = alphabet[_random.Next(alphabet.Length)];
            return new string(id);
        }

        private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];

        private static string Guid(Random random)
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }
#pragma warning restore CA5394
    }

    private sealed record CustomerPolicy(string Name, string Path, JsonObject Document, int Versions, string Created);

    private sealed record GroupPlan(string Name, List<string> Attached, List<(string Name, JsonObject Document)> Inline);
}
