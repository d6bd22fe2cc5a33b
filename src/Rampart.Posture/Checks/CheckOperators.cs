using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Rampart.Posture.Checks;

/// <summary>The written names of the operators and what each takes as its value.</summary>
internal static class CheckOperators
{
    private static readonly (string Name, CheckOperator Operator, OperatorValue Value, bool ValueRequired, bool OneValue)[] Table =
    [
        ("equals", CheckOperator.EqualTo, OperatorValue.Any, true, false),
        ("not-equals", CheckOperator.NotEqualTo, OperatorValue.Any, true, false),
        ("in", CheckOperator.In, OperatorValue.List, true, true),
        ("not-in", CheckOperator.NotIn, OperatorValue.List, true, true),
        ("exists", CheckOperator.Exists, OperatorValue.None, false, false),
        ("absent", CheckOperator.Absent, OperatorValue.None, false, false),
        ("empty", CheckOperator.Empty, OperatorValue.None, false, false),
        ("not-empty", CheckOperator.NotEmpty, OperatorValue.None, false, false),
        ("gt", CheckOperator.GreaterThan, OperatorValue.Number, true, true),
        ("gte", CheckOperator.GreaterThanOrEqual, OperatorValue.Number, true, true),
        ("lt", CheckOperator.LessThan, OperatorValue.Number, true, true),
        ("lte", CheckOperator.LessThanOrEqual, OperatorValue.Number, true, true),
        ("contains", CheckOperator.Contains, OperatorValue.Scalar, true, false),
        ("starts-with", CheckOperator.StartsWith, OperatorValue.Text, true, true),
        ("matches", CheckOperator.Matches, OperatorValue.Regex, true, true),
        ("older-than-days", CheckOperator.OlderThanDays, OperatorValue.Number, true, true),
        ("newer-than-days", CheckOperator.NewerThanDays, OperatorValue.Number, true, true),
        ("cidr-public", CheckOperator.CidrPublic, OperatorValue.None, false, true),
        ("cidr-contains", CheckOperator.CidrContains, OperatorValue.Cidr, true, true),
        ("ports-include", CheckOperator.PortsInclude, OperatorValue.Ports, true, true),
        ("policy-allows-public", CheckOperator.PolicyAllowsPublic, OperatorValue.None, false, true),
        ("policy-allows-cross-account", CheckOperator.PolicyAllowsCrossAccount, OperatorValue.AccountList, false, true),
        ("policy-denies-insecure-transport", CheckOperator.PolicyDeniesInsecureTransport, OperatorValue.ActionList, false, true),
    ];

    private static readonly FrozenDictionary<string, int> ByName =
        Table.Select((row, i) => (row.Name, i)).ToFrozenDictionary(pair => pair.Name, pair => pair.i, StringComparer.Ordinal);

    /// <summary>Every written name, in the order of the reference.</summary>
    public static ImmutableArray<string> Names { get; } = [.. Table.Select(static row => row.Name)];

    public static bool TryParse(string name, out CheckOperator op)
    {
        if (ByName.TryGetValue(name, out var index))
        {
            op = Table[index].Operator;
            return true;
        }

        op = default;
        return false;
    }

    public static string NameOf(CheckOperator op) => Table[(int)op].Name;

    public static OperatorValue ValueOf(CheckOperator op) => Table[(int)op].Value;

    public static bool ValueRequired(CheckOperator op) => Table[(int)op].ValueRequired;

    /// <summary>Whether the operator judges one value, so that a path projecting a list needs a quantifier.</summary>
    public static bool TakesOneValue(CheckOperator op) => Table[(int)op].OneValue;
}
