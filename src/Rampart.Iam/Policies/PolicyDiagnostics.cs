using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Policies;

/// <summary>The catalog of policy diagnostics: stable codes, one message each. Errors make a document unusable; warnings come from the linter.</summary>
public static class PolicyDiagnostics
{
    /// <summary>The text is not JSON.</summary>
    public const string NotJson = "IAM001";

    /// <summary>An element has the wrong JSON type (an object where a string belongs…).</summary>
    public const string WrongType = "IAM002";

    /// <summary>An element the policy language does not have.</summary>
    public const string UnknownElement = "IAM003";

    /// <summary><c>Version</c> is neither <c>2012-10-17</c> nor <c>2008-10-17</c>.</summary>
    public const string BadVersion = "IAM004";

    /// <summary>A required element is missing (<c>Statement</c>, <c>Effect</c>, <c>Action</c>, <c>Resource</c>, <c>Principal</c>).</summary>
    public const string Missing = "IAM005";

    /// <summary><c>Effect</c> is neither <c>Allow</c> nor <c>Deny</c>.</summary>
    public const string BadEffect = "IAM006";

    /// <summary>An element and its <c>Not</c> form are both present.</summary>
    public const string Conflict = "IAM007";

    /// <summary>An element this kind of policy may not hold (<c>Principal</c> in an identity policy…).</summary>
    public const string NotAllowedHere = "IAM008";

    /// <summary>An action is not <c>*</c> or <c>service:name</c>.</summary>
    public const string BadAction = "IAM009";

    /// <summary>A resource is not <c>*</c> or an ARN.</summary>
    public const string BadResource = "IAM010";

    /// <summary>A principal is malformed (an unknown type, a partial wildcard).</summary>
    public const string BadPrincipal = "IAM011";

    /// <summary>A condition operator the policy language does not have.</summary>
    public const string UnknownOperator = "IAM012";

    /// <summary>A condition value that cannot be compared by its operator (a date that is not a date…).</summary>
    public const string BadConditionValue = "IAM013";

    /// <summary>Two statements share a <c>Sid</c>, or a <c>Sid</c> has characters the policy kind forbids.</summary>
    public const string BadSid = "IAM014";

    /// <summary>A policy variable <c>${…}</c> is malformed.</summary>
    public const string BadVariable = "IAM015";

    /// <summary>An element holds an empty list.</summary>
    public const string Empty = "IAM016";

    internal static void Error(IDiagnosticSink sink, string origin, string path, string code, string message) =>
        sink.Report(new Diagnostic(DiagnosticSeverity.Error, code, message, At(origin, path)));

    internal static void Warning(IDiagnosticSink sink, string origin, string path, string code, string message) =>
        sink.Report(new Diagnostic(DiagnosticSeverity.Warning, code, message, At(origin, path)));

    /// <summary>Where a problem is: the document's origin and the JSON path into it, printed as <c>origin:$.Statement[0].Effect</c>.</summary>
    public static SourceLocation At(string origin, string path) => new(origin + ":" + path);
}
