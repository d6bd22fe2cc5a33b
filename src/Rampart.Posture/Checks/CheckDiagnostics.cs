using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Checks;

/// <summary>The catalog of check-file problems: every code and message in one place, tested word for word.</summary>
internal static class CheckDiagnostics
{
    public static Diagnostic Syntax(SourceLocation at, string message) => Error(at, "CHK001", "YAML syntax error: " + message);

    public static Diagnostic NotAMapping(SourceLocation at, string what) => Error(at, "CHK002", $"{what} must be a mapping.");

    public static Diagnostic UnknownKey(SourceLocation at, string key, IEnumerable<string> expected) =>
        Error(at, "CHK003", $"unknown key `{key}`{Suggest(key, expected)}; expected one of {List(expected)}.");

    public static Diagnostic MissingKey(SourceLocation at, string key, string owner) => Error(at, "CHK004", $"{owner} has no `{key}`.");

    public static Diagnostic WrongType(SourceLocation at, string key, string expected) => Error(at, "CHK005", $"`{key}` must be {expected}.");

    public static Diagnostic UnknownSeverity(SourceLocation at, string value) =>
        Error(at, "CHK006", $"unknown severity `{value}`; expected one of `informational`, `low`, `medium`, `high`, `critical`.");

    public static Diagnostic UnknownOperator(SourceLocation at, string op, IEnumerable<string> expected) =>
        Error(at, "CHK007", $"unknown operator `{op}`{Suggest(op, expected)}; expected one of {List(expected)}.");

    public static Diagnostic BadPath(SourceLocation at, string path, string message) => Error(at, "CHK008", $"`{path}` is not valid JMESPath: {message}");

    public static Diagnostic WrongValue(SourceLocation at, string op, string expected) => Error(at, "CHK009", $"`{op}` takes {expected} as its value.");

    public static Diagnostic DuplicateId(SourceLocation at, string id, SourceLocation first) => Error(at, "CHK010", $"duplicate check id `{id}`; first defined at {first}.");

    public static Diagnostic ExampleType(SourceLocation at, string type, IEnumerable<string> types) =>
        Error(at, "CHK011", $"the example's resource type `{type}` is not one the check judges ({List(types)}).");

    public static Diagnostic ConditionShape(SourceLocation at) =>
        Error(at, "CHK012", "a condition has exactly one of `all`, `any`, `not`, or `path` with `op` or with one of `each`, `some`, `none`.");

    public static Diagnostic BadId(SourceLocation at, string id) =>
        Error(at, "CHK013", $"check id `{id}` must be lowercase letters, digits, `-` and `.`, starting with a letter.");

    public static Diagnostic UnknownRoot(SourceLocation at, string path, string root) =>
        Error(at, "CHK014", $"`{path}` starts at `{root}`{Suggest(root, ResourceView.RootFields)}; a path starts at one of {List(ResourceView.RootFields)}.");

    public static Diagnostic NeedsQuantifier(SourceLocation at, string path, string op) =>
        Error(at, "CHK015", $"`{path}` projects a list but `{op}` judges one value; use `some`, `each` or `none` over the list.");

    public static Diagnostic UnknownStatus(SourceLocation at, string status) =>
        Error(at, "CHK016", $"unknown status `{status}`; expected one of `PASS`, `FAIL`, `ERROR`, `NOT_APPLICABLE`.");

    public static Diagnostic NoValue(SourceLocation at, string op) => Error(at, "CHK017", $"`{op}` takes no value.");

    public static Diagnostic BadResourceType(SourceLocation at, string type) =>
        Error(at, "CHK018", $"resource type `{type}` must read `Vendor::Service::Type` (`AWS::S3::Bucket`).");

    public static Diagnostic EmptyList(SourceLocation at, string key) => Error(at, "CHK019", $"`{key}` must not be empty.");

    public static Diagnostic NoExamples(SourceLocation at, string id) =>
        Warning(at, "CHK020", $"check `{id}` has no examples; add at least one that passes and one that fails.");

    public static Diagnostic BadTime(SourceLocation at, string text) => Error(at, "CHK021", $"`{text}` is not an ISO 8601 date and time.");

    public static Diagnostic UnknownPlugin(SourceLocation at, string plugin, IEnumerable<string> expected) =>
        Error(at, "CHK022", $"unknown plugin `{plugin}`{Suggest(plugin, expected)}; expected one of {List(expected)}.");

    public static Diagnostic BadParameters(SourceLocation at, string plugin, string message) => Error(at, "CHK023", $"plugin `{plugin}`: {message}.");

    public static Diagnostic PluginShape(SourceLocation at, string message) => Error(at, "CHK024", message);

    public static Diagnostic PluginSubject(SourceLocation at, string plugin, string subject) =>
        Error(at, "CHK025", $"plugin `{plugin}` judges `{subject}`; the check's `resource` must be `{subject}`.");

    private static Diagnostic Error(SourceLocation at, string code, string message) => new(DiagnosticSeverity.Error, code, message, at);

    private static Diagnostic Warning(SourceLocation at, string code, string message) => new(DiagnosticSeverity.Warning, code, message, at);

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(static n => "`" + n + "`"));

    private static string Suggest(string given, IEnumerable<string> expected)
    {
        var best = expected
            .Select(name => (name, distance: Distance(given.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(pair => pair.distance <= Math.Max(2, pair.name.Length / 3))
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.name)
            .FirstOrDefault();
        return best is null ? "" : $" (did you mean `{best}`?)";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
