using System.Text.RegularExpressions;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// A <c>re</c> value: the .NET regex searches the value (unanchored, as Sigma rules are written).
/// Patterns run on the linear-time engine where they can; on the backtracking engine, a match that
/// runs past the configured timeout counts as no match and is counted. Values without the text every
/// match contains are rejected before the regex runs, and values met lately are answered from memory.
/// </summary>
internal sealed class RegexTest(Regex regex, RequiredLiteral? requiredLiteral, TextNormalization normalization) : PerValueTest(normalization)
{
    private readonly RecentAnswers _recent = new();
    private int _timeouts;

    public Regex Regex { get; } = regex;

    /// <summary>Text every match contains (<see cref="RequiredLiteral"/>): values without all of it are rejected without running the regex.</summary>
    public RequiredLiteral? RequiredLiteral { get; } = requiredLiteral;

    /// <summary>How many evaluations ran out of time.</summary>
    public int Timeouts => Volatile.Read(ref _timeouts);

    protected override bool DecidesOnAscii => RequiredLiteral is not null;

    protected override bool RejectsAscii(ReadOnlySpan<byte> ascii) => !RequiredLiteral!.IsIn(ascii);

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text)
    {
        if (_recent.TryGet(text, out var known))
            return known;
        try
        {
            var result = (RequiredLiteral is not { } literal || literal.IsIn(text)) && Regex.IsMatch(text);
            _recent.Keep(text, result);
            return result;
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return false;
        }
    }
}
