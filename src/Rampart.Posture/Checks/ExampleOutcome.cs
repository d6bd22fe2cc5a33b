namespace Rampart.Posture.Checks;

/// <summary>What running one example gave.</summary>
/// <param name="CheckId">The check.</param>
/// <param name="Example">The example.</param>
/// <param name="Actual">The result the check gave.</param>
public sealed record ExampleOutcome(string CheckId, CheckExample Example, CheckResult Actual)
{
    /// <summary>Whether the check gave the expected status.</summary>
    public bool Passed => Actual.Status == Example.Expected;

    /// <summary><c>path:line:column: check id: example "name" expected FAIL, got PASS</c>, for failing examples.</summary>
    public override string ToString() =>
        $"{Example.Location}: {CheckId}: example \"{Example.Name}\" expected {Example.Expected.ToText()}, got {Actual.Status.ToText()}"
        + (Actual.Error is null ? "" : " (" + Actual.Error + ")");
}
