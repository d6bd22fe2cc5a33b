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

    // Warnings, from the linter: the document is valid but probably does not do what its author meant.

    /// <summary>The document has no <c>Version</c>, so AWS reads it as <c>2008-10-17</c>.</summary>
    public const string MissingVersion = "IAM101";

    /// <summary>A <c>${…}</c> policy variable in a document whose version (<c>2008-10-17</c> or none) takes it as literal text.</summary>
    public const string LiteralVariable = "IAM102";

    /// <summary>An action names a service prefix the catalog does not have.</summary>
    public const string UnknownService = "IAM103";

    /// <summary>An action without wildcards that its service does not have.</summary>
    public const string UnknownAction = "IAM104";

    /// <summary>An action pattern with wildcards that matches no action in the catalog.</summary>
    public const string PatternMatchesNothing = "IAM105";

    /// <summary>A condition key that no service defines and that is not a global key.</summary>
    public const string UnknownConditionKey = "IAM106";

    /// <summary>A condition key that exists but that none of the statement's actions supports.</summary>
    public const string UnsupportedConditionKey = "IAM107";

    /// <summary>A condition operator of another type than its key (a date operator on a string key…).</summary>
    public const string OperatorTypeMismatch = "IAM108";

    /// <summary><c>ForAllValues:</c> in an <c>Allow</c> statement, which holds when the key is absent.</summary>
    public const string ForAllValuesWithAllow = "IAM109";

    /// <summary><c>ForAllValues:</c> or <c>ForAnyValue:</c> on a key that has one value.</summary>
    public const string SetOperatorOnSingleValuedKey = "IAM110";

    /// <summary>An operator without <c>ForAllValues:</c> or <c>ForAnyValue:</c> on a key that has several values.</summary>
    public const string PlainOperatorOnMultivaluedKey = "IAM111";

    /// <summary>Every action of the statement takes only <c>"Resource": "*"</c>, yet the statement names other resources.</summary>
    public const string WildcardOnlyActionsWithResource = "IAM112";

    /// <summary>A resource ARN whose service segment is no AWS service's.</summary>
    public const string UnknownArnService = "IAM113";

    /// <summary><c>NotAction</c> in an <c>Allow</c> statement: every other action, of every service, present and future.</summary>
    public const string AllowWithNotAction = "IAM114";

    /// <summary>An action repeated in its statement, or already matched by another pattern of the statement.</summary>
    public const string RedundantAction = "IAM115";

    /// <summary>A wildcard in the value of an exact string operator (<c>StringEquals</c>), where it is a literal character.</summary>
    public const string WildcardInExactOperator = "IAM116";

    /// <summary>
    /// A note (<see cref="DiagnosticSeverity.Info"/>): a resource ARN of a service none of the statement's services documents
    /// resources of. AWS does not document every resource a service checks, so this is worth a look, not a verdict.
    /// </summary>
    public const string ResourceServiceNotDocumented = "IAM117";

    internal static void Error(IDiagnosticSink sink, string origin, string path, string code, string message) =>
        sink.Report(new Diagnostic(DiagnosticSeverity.Error, code, message, At(origin, path)));

    internal static void Warning(IDiagnosticSink sink, string origin, string path, string code, string message) =>
        sink.Report(new Diagnostic(DiagnosticSeverity.Warning, code, message, At(origin, path)));

    internal static void Info(IDiagnosticSink sink, string origin, string path, string code, string message) =>
        sink.Report(new Diagnostic(DiagnosticSeverity.Info, code, message, At(origin, path)));

    /// <summary>Where a problem is: the document's origin and the JSON path into it, printed as <c>origin:$.Statement[0].Effect</c>.</summary>
    public static SourceLocation At(string origin, string path) => new(origin + ":" + path);
}
