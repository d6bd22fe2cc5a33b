using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Rampart.Core;

/// <summary>
/// The one place programmer errors are thrown from. User input never reaches these checks: it yields
/// <see cref="Diagnostics.Diagnostic"/> values instead.
/// </summary>
public static class Guard
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
    /// <returns>The value, for use in initialisers.</returns>
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> lies in [min, max].</summary>
    /// <returns>The value.</returns>
    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"Expected a value from {min} to {max}.");
        return value;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="value"/> is null or empty.</summary>
    /// <returns>The value.</returns>
    public static string NotEmpty([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value;
    }
}
