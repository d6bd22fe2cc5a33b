using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>IAM: mostly reads by people, infrastructure code and posture tools; a trickle of changes.</summary>
internal static class IamApis
{
    private const string Iam = "iam.amazonaws.com";
    private const Persona Readers = Persona.Human | Persona.Automation | Persona.ServiceLinked | Persona.Root;
    private const Persona Writers = Persona.Human | Persona.Automation;

    public static IEnumerable<CloudTrailApi> All()
    {
        yield return Apis.Read(Iam, "ListUsers", 1.2, Readers);
        yield return Apis.Read(Iam, "ListRoles", 1.5, Readers, Params.Number("maxItems", 1000));
        yield return Apis.Read(Iam, "ListPolicies", 0.8, Readers, Params.Fixed(("scope", "Local"), ("onlyAttached", false)));
        yield return Apis.Read(Iam, "GetUser", 1.0, Readers, Params.One("userName", User));
        yield return Apis.Read(Iam, "GetRole", 2.0, Readers | Persona.Workload, Params.One("roleName", Role));
        yield return Apis.Read(Iam, "ListAttachedRolePolicies", 1.2, Readers, Params.One("roleName", Role));
        yield return Apis.Read(Iam, "ListRolePolicies", 0.8, Readers, Params.One("roleName", Role));
        yield return Apis.Read(Iam, "GetRolePolicy", 0.5, Readers, Params.Two("roleName", Role, "policyName", _ => "inline-access"));
        yield return Apis.Read(Iam, "GetPolicy", 0.8, Readers, Params.One("policyArn", Policy));
        yield return Apis.Read(Iam, "GetPolicyVersion", 0.7, Readers, Params.Two("policyArn", Policy, "versionId", c => "v" + (1 + c.Random.Next(4)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        yield return Apis.Read(Iam, "ListAccessKeys", 0.6, Readers, Params.One("userName", User));
        yield return Apis.Read(Iam, "ListMFADevices", 0.4, Readers, Params.One("userName", User));
        yield return Apis.Read(Iam, "ListGroupsForUser", 0.4, Readers, Params.One("userName", User));
        yield return Apis.Read(Iam, "GetAccountPasswordPolicy", 0.3, Readers);
        yield return Apis.Read(Iam, "GetAccountSummary", 0.3, Readers);
        yield return Apis.Read(Iam, "ListInstanceProfilesForRole", 0.4, Readers, Params.One("roleName", Role));
        yield return Apis.Read(Iam, "GenerateCredentialReport", 0.1, Persona.ServiceLinked | Persona.Automation);
        yield return Apis.Read(Iam, "GetCredentialReport", 0.1, Persona.ServiceLinked | Persona.Automation);
        yield return Apis.Read(Iam, "ListOpenIDConnectProviders", 0.1, Readers);
        yield return Apis.Change(Iam, "CreateRole", 0.02, Writers, CreateRoleRequest, CreateRoleResponse);
        yield return Apis.Change(Iam, "AttachRolePolicy", 0.03, Writers, Params.Two("roleName", Role, "policyArn", Policy));
        yield return Apis.Change(Iam, "PutRolePolicy", 0.02, Writers, PutRolePolicyRequest);
        yield return Apis.Change(Iam, "TagRole", 0.03, Writers, TagRoleRequest);
        yield return Apis.Change(Iam, "UpdateAssumeRolePolicy", 0.01, Writers, Params.Two("roleName", Role, "policyDocument", _ => TrustPolicy));
        yield return Apis.Change(Iam, "CreatePolicyVersion", 0.01, Writers, CreatePolicyVersionRequest, CreatePolicyVersionResponse);
    }

    private const string TrustPolicy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": \"lambda.amazonaws.com\"\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}";

    private const string ReadPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::reports-archive\",\"arn:aws:s3:::reports-archive/*\"]}]}";

    private static string User(CloudTrailContext context) => context.Pick(context.Account.UserNames);

    private static string Role(CloudTrailContext context) => context.Pick(context.Account.RoleNames);

    private static string Policy(CloudTrailContext context) => context.Pick(context.Account.PolicyArns);

    private static void CreateRoleRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = "svc-" + context.Pick(Names.Workloads) + "-" + context.Random.Next(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("roleName"u8, context.Resource);
        writer.WriteString("assumeRolePolicyDocument"u8, TrustPolicy);
        writer.WriteString("description"u8, "Execution role managed by Terraform");
        writer.WriteEndObject();
    }

    private static void CreateRoleResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteStartObject("role"u8);
        writer.WriteString("path"u8, "/"u8);
        writer.WriteString("roleName"u8, context.Resource);
        Span<byte> id = stackalloc byte[21];
        "AROA"u8.CopyTo(id);
        Generation.TextIds.WriteIamAlphabet(id[4..], context.Random);
        writer.WriteString("roleId"u8, id);
        writer.WriteString("arn"u8, "arn:aws:iam::" + context.Account.Id + ":role/" + context.Resource);
        context.WriteIamDate(writer, "createDate"u8, context.Time);
        writer.WriteString("assumeRolePolicyDocument"u8, "%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%22Statement%22%3A%20%5B%0A%20%20%20%20%7B%0A%20%20%20%20%20%20%22Effect%22%3A%20%22Allow%22%2C%0A%20%20%20%20%20%20%22Principal%22%3A%20%7B%0A%20%20%20%20%20%20%20%20%22Service%22%3A%20%22lambda.amazonaws.com%22%0A%20%20%20%20%20%20%7D%2C%0A%20%20%20%20%20%20%22Action%22%3A%20%22sts%3AAssumeRole%22%0A%20%20%20%20%7D%0A%20%20%5D%0A%7D"u8);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void PutRolePolicyRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("roleName"u8, Role(context));
        writer.WriteString("policyName"u8, "inline-access"u8);
        writer.WriteString("policyDocument"u8, ReadPolicy);
        writer.WriteEndObject();
    }

    private static void TagRoleRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("roleName"u8, Role(context));
        writer.WriteStartArray("tags"u8);
        writer.WriteStartObject();
        writer.WriteString("key"u8, "cost-center"u8);
        writer.WriteString("value"u8, context.Pick(Names.CostCenters));
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void CreatePolicyVersionRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("policyArn"u8, Policy(context));
        writer.WriteString("policyDocument"u8, ReadPolicy);
        writer.WriteBoolean("setAsDefault"u8, true);
        writer.WriteEndObject();
    }

    private static void CreatePolicyVersionResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteStartObject("policyVersion"u8);
        writer.WriteString("versionId"u8, "v" + context.Random.Next(2, 6).ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteBoolean("isDefaultVersion"u8, true);
        context.WriteIamDate(writer, "createDate"u8, context.Time);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
