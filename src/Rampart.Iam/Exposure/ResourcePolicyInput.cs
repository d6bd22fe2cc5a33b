using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Exposure;

/// <summary>A resource's policy given as input (a bucket, key, queue, topic, secret, function or repository policy).</summary>
/// <param name="ResourceArn">The resource's ARN; requests are asked on it (and, for a bucket, on an object in it).</param>
/// <param name="Policy">The policy.</param>
public sealed record ResourcePolicyInput(string ResourceArn, PolicyDocument Policy)
{
    /// <summary>
    /// Reads a resource policy from <paramref name="json"/>: the policy document itself, or what the AWS CLI prints for it
    /// (<c>{"Policy": "…"}</c> from S3, KMS and Lambda; <c>{"Attributes": {"Policy": "…"}}</c> from SQS and SNS;
    /// <c>{"policyText": "…"}</c> from ECR; <c>{"ResourcePolicy": "…", "ARN": "…"}</c> from Secrets Manager). The
    /// resource's ARN is <paramref name="resourceArn"/>, else the one the output names (<c>TopicArn</c>, <c>QueueArn</c>,
    /// <c>ARN</c>). Problems go to <paramref name="diagnostics"/> (<c>RESPOL001</c> unreadable, <c>RESPOL002</c> no ARN);
    /// the result is then null.
    /// </summary>
    public static ResourcePolicyInput? Read(string json, string origin, string? resourceArn, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(json);
        Guard.NotNull(origin);
        Guard.NotNull(diagnostics);
        string text;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            text = json;
            if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("Statement", out _))
            {
                var attributes = root.TryGetProperty("Attributes", out var a) && a.ValueKind == JsonValueKind.Object ? a : root;
                var policy = Text(attributes, "Policy") ?? Text(root, "policyText") ?? Text(root, "ResourcePolicy");
                if (policy is null)
                {
                    diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "RESPOL001",
                        "neither a policy document nor AWS CLI output holding one (Policy, Attributes.Policy, policyText, ResourcePolicy)", new SourceLocation(origin, 1, 1)));
                    return null;
                }

                text = policy;
                resourceArn ??= Text(attributes, "TopicArn") ?? Text(attributes, "QueueArn") ?? Text(root, "ARN");
            }
        }
        catch (JsonException error)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "RESPOL001", "not JSON: " + error.Message,
                new SourceLocation(origin, (error.LineNumber ?? 0) + 1, (error.BytePositionInLine ?? 0) + 1)));
            return null;
        }

        if (string.IsNullOrEmpty(resourceArn))
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "RESPOL002", "the resource's ARN is not in the file; give it", new SourceLocation(origin, 1, 1)));
            return null;
        }

        var parsed = PolicyDocument.Parse(text, origin, PolicyKind.Resource, diagnostics);
        return parsed is null ? null : new ResourcePolicyInput(resourceArn, parsed);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
