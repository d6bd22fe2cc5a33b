namespace Rampart.Detection.Sigma.Matching;

/// <summary>The part of a timestamp the time modifiers extract.</summary>
internal enum TimePart
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}
