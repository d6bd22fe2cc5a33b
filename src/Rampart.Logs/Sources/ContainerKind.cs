namespace Rampart.Logs.Sources;

/// <summary>An array that holds records rather than being one.</summary>
internal enum ContainerKind
{
    /// <summary>Not inside a container.</summary>
    None,

    /// <summary>CloudTrail's <c>{"Records":[…]}</c>.</summary>
    Records,

    /// <summary>GuardDuty's <c>{"findings":[…]}</c> or <c>{"Findings":[…]}</c> (the CLI's get-findings output).</summary>
    Findings,

    /// <summary>CloudTrail Lake's <c>{"QueryResultRows":[[{column: value}, …], …]}</c> (the get-query-results output).</summary>
    QueryResultRows,

    /// <summary>A top-level JSON array of records of any source.</summary>
    Array,
}
