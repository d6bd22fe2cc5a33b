namespace Rampart.Logs.Sources;

/// <summary>What a JSON value turned out to be.</summary>
internal enum RecordKind
{
    /// <summary>A CloudTrail event.</summary>
    CloudTrail,

    /// <summary>A VPC flow record as JSON.</summary>
    VpcFlow,

    /// <summary>A Route 53 Resolver query log record.</summary>
    Route53Resolver,

    /// <summary>A GuardDuty finding.</summary>
    GuardDuty,

    /// <summary>An object holding an array of records (not as its first property, or it would have been streamed).</summary>
    Container,

    /// <summary>A CloudTrail Lake result row: an array of one-property objects.</summary>
    LakeRow,

    /// <summary>Not an object: skipped with a diagnostic.</summary>
    NotObject,

    /// <summary>A container property that holds no array: skipped with a diagnostic.</summary>
    ContainerNotArray,

    /// <summary>An object of no known source: skipped with a diagnostic.</summary>
    Unrecognised,
}
