using System.Globalization;
using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Sigma;

/// <summary>
/// The catalog of diagnostics the Sigma loader and compiler report: every code and message lives here,
/// so that codes stay stable and messages are worded once. docs/sigma.md lists them.
/// </summary>
public static class SigmaDiagnostics
{
    /// <summary>The file is not valid YAML. Error; the documents of the file that parse are still read.</summary>
    public const string YamlSyntax = "RULE001";

    /// <summary>A rule file or placeholders file could not be read. Error.</summary>
    public const string FileUnreadable = "RULE002";

    /// <summary>A file is larger than <see cref="SigmaOptions.MaxFileBytes"/>. Error; the file is skipped.</summary>
    public const string FileTooLarge = "RULE003";

    /// <summary>YAML nests deeper than <see cref="SigmaOptions.MaxYamlDepth"/>. Error; the document is skipped.</summary>
    public const string YamlTooDeep = "RULE004";

    /// <summary>A document is not a mapping. Error.</summary>
    public const string NotAMapping = "RULE005";

    /// <summary>A required attribute is missing. Error; the rule is rejected.</summary>
    public const string MissingAttribute = "RULE006";

    /// <summary>A required attribute has the wrong YAML shape. Error; the rule is rejected.</summary>
    public const string WrongType = "RULE007";

    /// <summary>An optional attribute has the wrong YAML shape; it was read as well as possible. Warning.</summary>
    public const string WrongOptionalType = "RULE008";

    /// <summary>The id is not a UUID. Warning.</summary>
    public const string InvalidId = "RULE009";

    /// <summary>The rule has no id. Warning.</summary>
    public const string MissingId = "RULE010";

    /// <summary>Two loaded rules share an id. Warning.</summary>
    public const string DuplicateId = "RULE011";

    /// <summary>A value modifier is unknown. Error; the rule is rejected.</summary>
    public const string UnknownModifier = "RULE012";

    /// <summary>A value modifier cannot be used where it is. Error; the rule is rejected.</summary>
    public const string InvalidModifier = "RULE013";

    /// <summary>The condition does not parse. Error; the rule is rejected.</summary>
    public const string ConditionSyntax = "RULE014";

    /// <summary>The condition names a search identifier that detection does not define. Error.</summary>
    public const string UndefinedIdentifier = "RULE015";

    /// <summary>A <c>1 of</c>/<c>all of</c> pattern matches no search identifier. Error.</summary>
    public const string PatternMatchesNothing = "RULE016";

    /// <summary>A <c>re</c> value is not a valid regular expression. Error.</summary>
    public const string InvalidRegex = "RULE017";

    /// <summary>The rule uses v1 aggregation (<c>| count()</c>, <c>| near</c>, <c>timeframe</c>). Warning; the rule is skipped.</summary>
    public const string UnsupportedAggregation = "RULE018";

    /// <summary>A correlation rule is malformed: missing or invalid type, rules, timespan or condition. Error.</summary>
    public const string InvalidCorrelation = "RULE019";

    /// <summary>The rule's log source is not one Rampart reads. Info; the rule is skipped.</summary>
    public const string LogSourceSkipped = "RULE020";

    /// <summary>A generic rule uses a field the log source mapping cannot supply. Warning; the item never matches.</summary>
    public const string UnmappedField = "RULE021";

    /// <summary>A placeholder has no configured values. Warning; the rule is skipped.</summary>
    public const string UnknownPlaceholder = "RULE022";

    /// <summary>A value has the wrong shape or type for its modifiers. Error; the rule is rejected.</summary>
    public const string InvalidValue = "RULE023";

    /// <summary>A search identifier has a shape Sigma does not define. Error; the rule is rejected.</summary>
    public const string InvalidSearchIdentifier = "RULE024";

    /// <summary>The level is not one of Sigma's five. Error; the rule is rejected.</summary>
    public const string InvalidLevel = "RULE025";

    /// <summary>The status is not one of Sigma's. Warning.</summary>
    public const string InvalidStatus = "RULE026";

    /// <summary>A tag does not follow Sigma's tag format. Warning.</summary>
    public const string InvalidTag = "RULE027";

    /// <summary>A date is not <c>YYYY-MM-DD</c> (or <c>YYYY/MM/DD</c>). Warning; the date is ignored.</summary>
    public const string InvalidDate = "RULE028";

    /// <summary>The rule has no level; it is treated as medium. Info.</summary>
    public const string MissingLevel = "RULE029";

    /// <summary>A <c>related</c> entry is malformed. Warning.</summary>
    public const string InvalidRelated = "RULE030";

    /// <summary>A value expands into more than <see cref="SigmaOptions.MaxValueExpansions"/> variants. Error.</summary>
    public const string TooManyExpansions = "RULE031";

    /// <summary>The condition nests deeper than <see cref="SigmaOptions.MaxConditionDepth"/>. Error.</summary>
    public const string ConditionTooDeep = "RULE032";

    /// <summary><c>all</c> is applied to a single value. Warning.</summary>
    public const string AllWithSingleValue = "RULE033";

    /// <summary>The title is longer than 256 characters. Warning.</summary>
    public const string TitleTooLong = "RULE034";

    /// <summary>A v1 collection <c>action</c> is unknown or misplaced. Error.</summary>
    public const string InvalidCollectionAction = "RULE035";

    /// <summary>A Sigma filter document was recognised; the detection engine does not apply filters. Info.</summary>
    public const string FilterNotEvaluated = "RULE036";

    /// <summary>A path given to load does not exist. Error.</summary>
    public const string PathNotFound = "RULE037";

    /// <summary>The placeholders file has an entry of the wrong shape. Error; the entry is ignored.</summary>
    public const string InvalidPlaceholderFile = "RULE038";

    /// <summary>A <c>cidr</c> value is not an IP network. Error.</summary>
    public const string InvalidCidr = "RULE039";

    /// <summary>Detection defines no search identifier. Error.</summary>
    public const string NoSearchIdentifiers = "RULE040";

    /// <summary>YAML aliases refer to their own container or expand beyond <see cref="SigmaOptions.MaxYamlNodes"/>. Error; the document is skipped.</summary>
    public const string YamlAliasTooLarge = "RULE041";

    /// <summary>A correlation refers to a rule id or name no loaded rule has. Error.</summary>
    public const string UnresolvedCorrelationReference = "RULE042";

    /// <summary>Correlations refer to each other in a cycle. Error.</summary>
    public const string CorrelationCycle = "RULE043";

    /// <summary>A rule looks values up in a threat-intelligence list that is not loaded. Info; the rule is skipped when none of the lists of the lookup is loaded.</summary>
    public const string UnknownIntelList = "RULE044";

    /// <summary>Every modifier name, in the order messages list them.</summary>
    internal const string ModifierList =
        "contains, startswith, endswith, all, exists, cased, neq, windash, re, i, m, s, base64, base64offset, " +
        "utf16le, utf16be, utf16, wide, lt, lte, gt, gte, minute, hour, day, week, month, year, cidr, expand, fieldref, intel";

    internal static Diagnostic YamlSyntaxError(SourceLocation at, string detail) =>
        Error(YamlSyntax, at, $"invalid YAML: {detail}");

    internal static Diagnostic FileUnreadableError(SourceLocation at, string reason) =>
        Error(FileUnreadable, at, $"cannot read the file: {reason}");

    internal static Diagnostic FileTooLargeError(SourceLocation at, long size, int limit) =>
        Error(FileTooLarge, at, $"the file is {Number(size)} bytes, more than the limit of {Number(limit)}; it is skipped.");

    internal static Diagnostic YamlTooDeepError(SourceLocation at, int limit) =>
        Error(YamlTooDeep, at, $"YAML nests deeper than the limit of {Number(limit)} levels; the document is skipped.");

    internal static Diagnostic RecursiveAliasError(SourceLocation at, string anchor) =>
        Error(YamlAliasTooLarge, at, $"alias '*{anchor}' refers to a node that contains it; the document is skipped.");

    internal static Diagnostic AliasExpansionError(SourceLocation at, int limit) =>
        Error(YamlAliasTooLarge, at, $"YAML aliases expand the document beyond the limit of {Number(limit)} nodes; the document is skipped.");

    internal static Diagnostic NotAMappingError(SourceLocation at) =>
        Error(NotAMapping, at, "a Sigma document must be a mapping of attributes such as title, logsource and detection.");

    internal static Diagnostic MissingAttributeError(SourceLocation at, string name) =>
        Error(MissingAttribute, at, $"the rule has no '{name}', which is required.");

    internal static Diagnostic WrongTypeError(SourceLocation at, string name, string expected) =>
        Error(WrongType, at, $"'{name}' must be {expected}.");

    internal static Diagnostic WrongOptionalTypeWarning(SourceLocation at, string name, string expected, string outcome) =>
        Warning(WrongOptionalType, at, $"'{name}' should be {expected}; {outcome}.");

    internal static Diagnostic InvalidIdWarning(SourceLocation at, string id) =>
        Warning(InvalidId, at, $"id '{id}' is not a UUID such as 929a690e-bef0-4204-a928-ef5e620d6fcc.");

    internal static Diagnostic MissingIdWarning(SourceLocation at, string generated) =>
        Warning(MissingId, at, $"the rule has no id; Rampart calls it '{generated}'.");

    internal static Diagnostic DuplicateIdWarning(SourceLocation at, string id, SourceLocation other) =>
        Warning(DuplicateId, at, $"id '{id}' is also used by the rule at {other}.");

    internal static Diagnostic UnknownModifierError(SourceLocation at, string modifier) =>
        Error(UnknownModifier, at, $"unknown modifier '{modifier}'; expected one of {ModifierList}.");

    internal static Diagnostic InvalidModifierError(SourceLocation at, string modifier, string reason) =>
        Error(InvalidModifier, at, $"modifier '{modifier}' {reason}.");

    internal static Diagnostic ConditionSyntaxError(SourceLocation at, string detail) =>
        Error(ConditionSyntax, at, $"invalid condition: {detail}.");

    internal static Diagnostic UndefinedIdentifierError(SourceLocation at, string identifier) =>
        Error(UndefinedIdentifier, at, $"the condition refers to '{identifier}', which detection does not define.");

    internal static Diagnostic PatternMatchesNothingError(SourceLocation at, string pattern) =>
        Error(PatternMatchesNothing, at, $"'{pattern}' matches no search identifier of detection.");

    internal static Diagnostic InvalidRegexError(SourceLocation at, string pattern, string reason) =>
        Error(InvalidRegex, at, $"'{pattern}' is not a valid regular expression: {reason}");

    internal static Diagnostic UnsupportedAggregationWarning(SourceLocation at, string reason) =>
        Warning(UnsupportedAggregation, at, $"the rule is not supported: {reason}; Sigma v2 expresses this as a correlation rule. The rule is skipped.");

    internal static Diagnostic InvalidCorrelationError(SourceLocation at, string detail) =>
        Error(InvalidCorrelation, at, $"invalid correlation: {detail}");

    internal static Diagnostic UnresolvedCorrelationReferenceError(SourceLocation at, string title, string reference) =>
        Error(UnresolvedCorrelationReference, at, $"correlation '{title}' refers to '{reference}', which is the id or name of no loaded rule; the correlation is skipped.");

    internal static Diagnostic CorrelationCycleError(SourceLocation at, string title) =>
        Error(CorrelationCycle, at, $"correlation '{title}' refers back to itself through other correlations; the correlation is skipped.");

    internal static Diagnostic LogSourceSkippedInfo(SourceLocation at, string logSource) =>
        Info(LogSourceSkipped, at, $"log source {logSource} is not one Rampart reads; the rule is skipped.");

    internal static Diagnostic UnmappedFieldWarning(SourceLocation at, string field, string category, string sourceType) =>
        Warning(UnmappedField, at, $"field '{field}' of log source category '{category}' has no mapping onto {sourceType} records; it never matches.");

    internal static Diagnostic UnknownPlaceholderWarning(SourceLocation at, string name) =>
        Warning(UnknownPlaceholder, at, $"placeholder '%{name}%' has no values configured; the rule is skipped until the placeholders file defines it.");

    internal static Diagnostic InvalidValueError(SourceLocation at, string detail) =>
        Error(InvalidValue, at, detail);

    internal static Diagnostic InvalidSearchIdentifierError(SourceLocation at, string identifier) =>
        Error(InvalidSearchIdentifier, at, $"search identifier '{identifier}' must be a mapping of fields, a list of such mappings, or a list of keywords.");

    internal static Diagnostic InvalidLevelError(SourceLocation at, string level) =>
        Error(InvalidLevel, at, $"level '{level}' is not one of informational, low, medium, high, critical.");

    internal static Diagnostic InvalidStatusWarning(SourceLocation at, string status) =>
        Warning(InvalidStatus, at, $"status '{status}' is not one of stable, test, experimental, deprecated, unsupported.");

    internal static Diagnostic InvalidTagWarning(SourceLocation at, string tag) =>
        Warning(InvalidTag, at, $"tag '{tag}' is not of the form namespace.name in lower-case letters, digits, '_', '-' and '.'.");

    internal static Diagnostic InvalidDateWarning(SourceLocation at, string name, string value) =>
        Warning(InvalidDate, at, $"'{name}' value '{value}' is not a date of the form YYYY-MM-DD; it is ignored.");

    internal static Diagnostic MissingLevelInfo(SourceLocation at) =>
        Info(MissingLevel, at, "the rule has no level; Rampart treats it as medium.");

    internal static Diagnostic InvalidRelatedWarning(SourceLocation at, string detail) =>
        Warning(InvalidRelated, at, $"related entry ignored: {detail}.");

    internal static Diagnostic TooManyExpansionsError(SourceLocation at, int limit) =>
        Error(TooManyExpansions, at, $"the value expands into more than {Number(limit)} variants.");

    internal static Diagnostic ConditionTooDeepError(SourceLocation at, int limit) =>
        Error(ConditionTooDeep, at, $"the condition nests deeper than the limit of {Number(limit)} levels.");

    internal static Diagnostic AllWithSingleValueWarning(SourceLocation at) =>
        Warning(AllWithSingleValue, at, "modifier 'all' applies to a list of values; with a single value it changes nothing.");

    internal static Diagnostic TitleTooLongWarning(SourceLocation at, int length) =>
        Warning(TitleTooLong, at, $"the title is {Number(length)} characters long; Sigma allows at most 256.");

    internal static Diagnostic InvalidCollectionActionError(SourceLocation at, string detail) =>
        Error(InvalidCollectionAction, at, detail);

    internal static Diagnostic FilterNotEvaluatedInfo(SourceLocation at, string title) =>
        Info(FilterNotEvaluated, at, $"Sigma filter '{title}' is recognised but not applied: the detection engine does not run filters yet.");

    internal static Diagnostic PathNotFoundError(SourceLocation at) =>
        Error(PathNotFound, at, "no such file or directory.");

    internal static Diagnostic InvalidPlaceholderFileError(SourceLocation at, string detail) =>
        Error(InvalidPlaceholderFile, at, detail);

    internal static Diagnostic UnknownIntelListInfo(SourceLocation at, string name) =>
        Info(UnknownIntelList, at, $"threat-intelligence list '{name}' is not loaded; the lookup finds nothing in it, and the rule is skipped when none of its lists is loaded (--intel {name}=PATH|URL).");

    internal static Diagnostic InvalidCidrError(SourceLocation at, string value) =>
        Error(InvalidCidr, at, $"'{value}' is not an IPv4 or IPv6 network such as 10.0.0.0/8 or 2001:db8::/32.");

    internal static Diagnostic NoSearchIdentifiersError(SourceLocation at) =>
        Error(NoSearchIdentifiers, at, "detection defines no search identifier besides its condition.");

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Diagnostic Error(string code, SourceLocation at, string message) => new(DiagnosticSeverity.Error, code, message, at);

    private static Diagnostic Warning(string code, SourceLocation at, string message) => new(DiagnosticSeverity.Warning, code, message, at);

    private static Diagnostic Info(string code, SourceLocation at, string message) => new(DiagnosticSeverity.Info, code, message, at);
}
