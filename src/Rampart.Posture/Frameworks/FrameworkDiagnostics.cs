using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Frameworks;

/// <summary>The catalog of framework-file problems: stable codes and their messages, in one place.</summary>
internal static class FrameworkDiagnostics
{
    public static Diagnostic Unreadable(SourceLocation at, string reason) =>
        Error("FW001", $"the file cannot be read: {reason}", at);

    public static Diagnostic YamlSyntax(SourceLocation at, string message) =>
        Error("FW002", $"invalid YAML: {message}", at);

    public static Diagnostic UnknownKey(SourceLocation at, string key, string where, IEnumerable<string> expected) =>
        Error("FW003", $"unknown key `{key}` in {where}; expected one of {string.Join(", ", expected.Select(name => $"`{name}`"))}.", at);

    public static Diagnostic WrongType(SourceLocation at, string key, string expected) =>
        Error("FW004", $"`{key}` must be {expected}.", at);

    public static Diagnostic MissingKey(SourceLocation at, string key, string where) =>
        Error("FW005", $"{where} has no `{key}`.", at);

    public static Diagnostic DuplicateControl(SourceLocation at, string id, SourceLocation first) =>
        Error("FW006", $"control `{id}` is declared twice (first at line {first.Line}); this one is skipped.", at);

    public static Diagnostic DuplicateSection(SourceLocation at, string id) =>
        Error("FW007", $"section `{id}` is declared twice; this one is skipped.", at);

    public static Diagnostic UnknownSection(SourceLocation at, string control, string section) =>
        Error("FW008", $"control `{control}` names section `{section}`, which is not declared under `sections`.", at);

    public static Diagnostic BadSeverity(SourceLocation at, string value) =>
        Error("FW009", $"severity `{value}` is not one of `informational`, `low`, `medium`, `high`, `critical`.", at);

    public static Diagnostic BadFrameworkId(SourceLocation at, string id) =>
        Error("FW010", $"framework id `{id}` must be lowercase letters, digits, `.` and `-`, starting with a letter or digit.", at);

    public static Diagnostic MissingReason(SourceLocation at, string control) =>
        Error("FW011", $"control `{control}` is not automated and gives no `reason`.", at);

    public static Diagnostic ReasonOnAutomated(SourceLocation at, string control) =>
        Warning("FW012", $"control `{control}` is automated; its `reason` is ignored.", at);

    public static Diagnostic DuplicateCheck(SourceLocation at, string control, string check) =>
        Warning("FW013", $"control `{control}` lists check `{check}` twice.", at);

    public static Diagnostic DuplicateFramework(SourceLocation at, string id, string firstPath) =>
        Error("FW014", $"framework `{id}` is already loaded from {firstPath}; this file is skipped.", at);

    public static Diagnostic TooLarge(SourceLocation at, long size, long limit) =>
        Error("FW015", $"the file is {size} bytes, more than the limit of {limit}.", at);

    private static Diagnostic Error(string code, string message, SourceLocation at) =>
        new(DiagnosticSeverity.Error, code, message, at);

    private static Diagnostic Warning(string code, string message, SourceLocation at) =>
        new(DiagnosticSeverity.Warning, code, message, at);
}
