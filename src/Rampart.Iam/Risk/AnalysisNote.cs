namespace Rampart.Iam.Risk;

/// <summary>
/// What an analysis could not do and why (an input missing, a policy left out): the analysis narrows, it does not fail.
/// </summary>
/// <param name="Scope">What was narrowed: a check id, a category name, or <c>analysis</c>.</param>
/// <param name="Message">For a person: what was skipped and what input would enable it.</param>
public sealed record AnalysisNote(string Scope, string Message);
