using Rampart.Core.Diagnostics;
using Rampart.Posture.Assessment;
using Rampart.Posture.Checks;
using Rampart.Posture.Inventory.Importers;
using Rampart.Posture.Muting;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Assessment;

/// <summary>
/// The shipped checks on real recorded AWS responses (custodian-placebo in ../shared/datasets), each expectation read off
/// the recording by hand.
/// </summary>
public sealed class RecordedResponseCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    // DescribeSnapshotAttribute_3: snap-af0eb71b grants createVolumePermission to Group "all"; _2 shares snap-7f9496cf with
    // one other account only, which is not public.
    [InlineData("test_ebs_cross_account", "ebs-snapshot-not-public", "snapshot/snap-af0eb71b", "FAIL")]
    [InlineData("test_ebs_cross_account", "ebs-snapshot-not-public", "snapshot/snap-7f9496cf", "PASS")]
    [InlineData("test_ebs_cross_account", "ebs-snapshot-not-public", "snapshot/snap-07459fee", "PASS")]
    // GetPublicAccessBlock_1 is NoSuchPublicAccessBlockConfiguration; _2 leaves IgnorePublicAcls false.
    [InlineData("test_s3_check_public_block", "s3-bucket-public-access-block", ":::644160558196-us-east-1-s3-logs", "FAIL")]
    [InlineData("test_s3_check_public_block", "s3-bucket-public-access-block", ":::644160558196-us-east-2-s3-logs", "FAIL")]
    // The account has no password policy (NoSuchEntity).
    [InlineData("test_account_missing_password_policy", "iam-password-policy-min-length", "password-policy", "FAIL")]
    // The trail sends to CloudWatch Logs and is multi-region, but has no KMS key and no log file validation.
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudtrail-cloudwatch-logs", "trail/tf-trail-40313", "PASS")]
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudtrail-account-multi-region", "/global/644160558196", "PASS")]
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudtrail-kms-encryption", "trail/tf-trail-40313", "FAIL")]
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudtrail-log-file-validation", "trail/tf-trail-40313", "FAIL")]
    // The chain trail → log group → filter `{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != Yes) }` →
    // metric no_mfa_console_signin_metric_1 → alarm NoMFAConsoleLoginAlarm_40313 → topic with SubscriptionsConfirmed "1".
    // No other filter exists, so every other indicator fails at the filter.
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudwatch-alarm-console-login-without-mfa", "/global/644160558196", "PASS")]
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudwatch-alarm-root-usage", "/global/644160558196", "FAIL")]
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudwatch-alarm-unauthorized-api-calls", "/global/644160558196", "FAIL")]
    // The trail's bucket was not recorded: judging it would be a guess.
    [InlineData("test_cloudtrail_success_log_metric_filter", "cloudtrail-bucket-access-logging", "trail/tf-trail-40313", "ERROR")]
    // DescribeFlowLogs: vpc-065087ed31e016b80 has an ACTIVE flow log of ALL traffic; vpc-0d2f08cdd14782e56 has none.
    [InlineData("test_vpc_flow_logs", "vpc-flow-logs-enabled", "vpc/vpc-065087ed31e016b80", "PASS")]
    [InlineData("test_vpc_flow_logs", "vpc-flow-logs-enabled", "vpc/vpc-0d2f08cdd14782e56", "FAIL")]
    // ListVirtualMFADevices_1: test_mfa_device2 is assigned to arn:aws:iam::644160558196:root, so root's MFA is virtual.
    [InlineData("test_account_virtual_mfa", "iam-root-hardware-mfa", "/global/644160558196", "FAIL")]
    // GetAccountSummary_1 alone: root's MFA is known, but not whether it is virtual.
    [InlineData("test_account_root_mfa", "iam-root-hardware-mfa", "/global/644160558196", "ERROR")]
    // GetAccountSummary_1: AccountAccessKeysPresent 0, AccountMFAEnabled 1.
    [InlineData("test_account_root_api_keys", "iam-account-summary-root-no-access-keys", "global/account-summary", "PASS")]
    [InlineData("test_account_root_api_keys", "iam-account-summary-root-mfa", "global/account-summary", "PASS")]
    // DescribeTrails_1: skunk-trails validates its log files and has a KMS key, but sends nothing to CloudWatch Logs.
    [InlineData("test_account_trail", "cloudtrail-log-file-validation", "trail/skunk-trails", "PASS")]
    [InlineData("test_account_trail", "cloudtrail-kms-encryption", "trail/skunk-trails", "PASS")]
    [InlineData("test_account_trail", "cloudtrail-cloudwatch-logs", "trail/skunk-trails", "FAIL")]
    // s3-control GetPublicAccessBlock_1 is NoSuchPublicAccessBlockConfiguration for account 644160558196.
    [InlineData("test_account_filter_s3_public_block_missing", "s3-account-public-access-block", "AccountPublicAccessBlock/644160558196/global/644160558196", "FAIL")]
    // ListDetectors_1 names one detector; GetDetector_1 says it is ENABLED.
    [InlineData("test_account_guard_duty_filter", "guardduty-enabled", "us-east-1/guardduty", "PASS")]
    public void TheShippedChecksJudgeRecordedResponsesAsTheRecordingsSay(string recording, string check, string resourceEnd, string status)
    {
        var folder = Datasets.Require("posture/custodian-placebo/" + recording);
        var inventory = InventoryImporters.Import([folder], NullDiagnosticSink.Instance);
        var pack = CheckPack.Compile(CheckLoader.LoadDirectory(RepositoryPaths.Combine("content", "checks")).Checks);

        var report = AssessmentRunner.Run(inventory, pack, MuteList.Empty, Now);

        var result = Assert.Single(report.Results, r => r.Result.CheckId == check && r.Result.ResourceKey.EndsWith(resourceEnd, StringComparison.Ordinal));
        Assert.Equal(status, result.Status);
    }
}
