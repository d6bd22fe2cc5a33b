using System.Collections.Immutable;

namespace Rampart.Detection.Tests.SigmaHQ;

/// <summary>
/// SigmaHQ rules whose behaviour, run unmodified, differs from what their title says. Each entry says
/// why; docs/sigmahq-conformance.md explains them at length. The conformance tests use these lists
/// instead of silently tolerating a rule that cannot fire.
/// </summary>
internal static class SigmaHqQuirks
{
    public const string DeleteSamlProvider = "ccd6a6c8-bb4e-4a91-9d2a-07e632819374";
    public const string Route53TransferLockDisabled = "3940b5f1-3f46-44aa-b746-ebe615b879e0";
    public const string Route53TransferredToAnotherAccount = "b056de1a-6e6e-4e40-a67e-97c9808cf41b";
    public const string BackdoorUsersKeys = "0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2";
    public const string UpdateLoginProfile = "055fb148-60f8-462d-ad16-26926ce050f1";
    public const string AssumeRoleMisuse = "905d389b-b853-46d0-9d3d-dea0d3a3cd49";
    public const string VmExportFailure = "54b9a76a-3c71-4673-b4b3-2edb4566ea7b";
    public const string BucketDeleted = "39c9f26d-6e3b-4dbb-9c7a-4154b0281112";
    public const string GuardDutyDetectorDeletedOrUpdated = "d2656e78-c069-4571-8220-9e0ab5913f19";
    public const string SsmSendCommand = "38e7f511-3f74-41d4-836e-f57dfa18eead";
    public const string VpcFlowLogsDeleted = "e386b9b5-af12-450e-afff-761730fb8a98";
    public const string ConsoleLoginFromUnexpectedPlaces = "313e72de-0c0d-4d65-8c95-87f4d546eceb";

    /// <summary>
    /// Rules that no real CloudTrail record can make fire. Their fixtures hold only near misses (the
    /// first line being the event the rule was written for), and the completeness test accepts that.
    /// </summary>
    public static readonly ImmutableDictionary<string, string> NeverFire = new Dictionary<string, string>
    {
        [DeleteSamlProvider] = "the selection also requires a top-level 'status: success' field, which CloudTrail records do not have",
        [Route53TransferLockDisabled] = "it requires eventSource route53.amazonaws.com, but Route 53 Domains calls are recorded with eventSource route53domains.amazonaws.com",
        [Route53TransferredToAnotherAccount] = "it requires eventSource route53.amazonaws.com, but Route 53 Domains calls are recorded with eventSource route53domains.amazonaws.com",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Rules whose filter can never match, so they fire on every event their selection picks.</summary>
    public static readonly ImmutableDictionary<string, string> FilterNeverApplies = new Dictionary<string, string>
    {
        [BackdoorUsersKeys] = "the filter compares userIdentity.arn with the literal text 'responseElements.accessKey.userName', not with that field",
        [UpdateLoginProfile] = "the fieldref filter asks userIdentity.arn to equal requestParameters.userName, and a full ARN never equals a bare user name",
        [ConsoleLoginFromUnexpectedPlaces] = "the filters test src_country and src_ip, which CloudTrail records do not have (the address is in sourceIPAddress and there is no country), so the placeholder allow-lists never exclude a sign-in",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The rules that write <c>errorCode: null</c> to mean the call succeeded (CloudTrail omits errorCode then).</summary>
    public static readonly ImmutableArray<string> ErrorCodeNullMeansSuccess =
        [BucketDeleted, GuardDutyDetectorDeletedOrUpdated, SsmSendCommand, VpcFlowLogsDeleted];
}
