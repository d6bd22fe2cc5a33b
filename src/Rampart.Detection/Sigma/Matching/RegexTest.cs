using System.Text.RegularExpressions;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// A <c>re</c> value: the .NET regex searches the value (unanchored, as Sigma rules are written).
/// Patterns run on the linear-time engine where they can; on the backtracking engine, a match that
/// runs past the configured timeout counts as no match and is counted.
/// </summary>
internal sealed class RegexTest(Regex regex, TextNormalization normalization) : PerValueTest(normalization)
{
    private int _timeouts;

    public Regex Regex { get; } = regex;

    /// <summary>How many evaluations ran out of time.</summary>
    public int Timeouts => Volatile.Read(ref _timeouts);

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text)
    {
        try
        {
            return Regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return false;
        }
    }
}
