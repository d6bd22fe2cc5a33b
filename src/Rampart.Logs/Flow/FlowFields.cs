using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Rampart.Logs.Flow;

/// <summary>
/// The VPC Flow Logs fields as AWS names them, in the order of AWS's table of available fields (which is also the
/// order of the default format and of "all fields" custom formats), with the version that introduced each.
/// </summary>
internal static class FlowFields
{
    /// <summary>Every known field in AWS order: 14 of version 2, then 3, 4, 5, 7 and 8.</summary>
    public static readonly ImmutableArray<string> All =
    [
        // Version 2: the default format.
        "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol",
        "packets", "bytes", "start", "end", "action", "log-status",

        // Version 3.
        "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr",

        // Version 4.
        "region", "az-id", "sublocation-type", "sublocation-id",

        // Version 5.
        "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path",

        // Version 7.
        "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn", "ecs-container-instance-id",
        "ecs-container-id", "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn",
        "ecs-task-arn", "ecs-task-id",

        // Version 8.
        "reject-reason",
    ];

    /// <summary>The number of fields of the default format.</summary>
    public const int DefaultFieldCount = 14;

    /// <summary>Lines without a header are read by their field count: the default format, or all fields up to version 5, 7 or 8.</summary>
    public static readonly ImmutableArray<int> HeaderlessLayouts = [DefaultFieldCount, 29, 39, 40];

    /// <summary>Fields whose values are whole numbers (or <c>-</c>).</summary>
    public static readonly FrozenSet<string> Numeric = FrozenSet.Create(
        StringComparer.Ordinal,
        "version", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "tcp-flags", "traffic-path");

    /// <summary>Every known field name.</summary>
    public static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// camelCase names (as Panther, Athena tables and other tools write them) to AWS names. Besides each field's
    /// plain camelCase form, Panther writes <c>account</c>, <c>subNetId</c> and <c>status</c> (for log-status).
    /// </summary>
    public static readonly FrozenDictionary<string, string> CamelCaseNames = BuildCamelCaseNames();

    private static FrozenDictionary<string, string> BuildCamelCaseNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in All)
        {
            var camel = ToCamelCase(field);
            if (camel != field)
                names[camel] = field;
        }

        // Plain camelCase for the fields AWS writes as one word.
        names["srcAddr"] = "srcaddr";
        names["dstAddr"] = "dstaddr";
        names["srcPort"] = "srcport";
        names["dstPort"] = "dstport";
        names["pktSrcAddr"] = "pkt-srcaddr";
        names["pktDstAddr"] = "pkt-dstaddr";
        names["account"] = "account-id";
        names["subNetId"] = "subnet-id";
        names["status"] = "log-status";
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ToCamelCase(string field)
    {
        var parts = field.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
