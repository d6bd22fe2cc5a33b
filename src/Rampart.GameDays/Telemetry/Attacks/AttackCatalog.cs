using Rampart.Core.Events;
using Rampart.GameDays.Telemetry.CloudTrail;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;
using Rampart.GameDays.Telemetry.Route53;
using Rampart.GameDays.Telemetry.VpcFlow;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>
/// The attacks the generator can inject. CloudTrail attacks are shaped so the SigmaHQ AWS rules listed with
/// them match (event source, name and the fields their conditions test); network attacks are for behaviour
/// detectors, and DNS rules from SigmaHQ's generic set match once <c>query</c> is mapped to <c>query_name</c>.
/// </summary>
internal static class AttackCatalog
{
    private static readonly ExpectedRule CloudTrailChange = new("4db60cc0-36fb-42b7-9b58-a5b53019fb74", "AWS CloudTrail Important Change");
    private static readonly ExpectedRule GuardDutyDetector = new("d2656e78-c069-4571-8220-9e0ab5913f19", "AWS GuardDuty Detector Deleted Or Updated");
    private static readonly ExpectedRule LoginWithoutMfa = new("77caf516-34e5-4df9-b4db-20744fea0a60", "AWS Successful Console Login Without MFA");
    private static readonly ExpectedRule LoginFailed = new("6393e346-1977-46ef-8987-ad414a145fad", "AWS ConsoleLogin Failed Authentication");
    private static readonly ExpectedRule RootCredentials = new("8ad1600d-e9dc-4251-b0ee-a65268f29add", "AWS Root Credentials");
    private static readonly ExpectedRule BackdoorKeys = new("0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2", "AWS IAM Backdoor Users Keys");
    private static readonly ExpectedRule LoginProfileModified = new("055fb148-60f8-462d-ad16-26926ce050f1", "AWS User Login Profile Was Modified");
    private static readonly ExpectedRule S3BrowserLoginProfile = new("db014773-b1d3-46bd-ba26-133337c0ffee", "AWS IAM S3Browser LoginProfile Creation");
    private static readonly ExpectedRule VersioningDisabled = new("a136ac98-b2bc-4189-a14d-f0d0388e57a7", "AWS S3 Bucket Versioning Disable");
    private static readonly ExpectedRule StartupScript = new("1ab3c5ed-5baf-417b-bb6b-78ca33f6c3df", "AWS EC2 Startup Shell Script Change");
    private static readonly ExpectedRule SnapshotExfiltration = new("abae8fec-57bd-4f87-aff6-6e3db989843d", "AWS Snapshot Backup Exfiltration");
    private static readonly ExpectedRule FlowLogsDeleted = new("e386b9b5-af12-450e-afff-761730fb8a98", "AWS VPC Flow Logs Deleted");
    private static readonly ExpectedRule ConfigDisabled = new("07330162-dba1-4746-8121-a9647d49d297", "AWS Config Disabling Channel/Recorder");
    private static readonly ExpectedRule KmsImport = new("1279262f-1464-422f-ac0d-5b545320c526", "AWS KMS Imported Key Material Usage");
    private static readonly ExpectedRule SecurityGroupChange = new("6fb77778-040f-4015-9440-572aa9b6b580", "Ingress/Egress Security Group Modification");
    private static readonly ExpectedRule MoneroPool = new("b593fd50-7335-4682-a36c-4edcb68e4641", "Monero Crypto Coin Mining Pool Lookup");

    private static readonly UserAgent S3Browser = new(UserAgentFamily.Other, "S3 Browser 11.5.7 https://s3browser.com");

    public static IReadOnlyList<AttackScenario> All { get; } =
    [
        new()
        {
            Name = "cloudtrail-stop-logging",
            Description = "A stolen access key stops the trail's logging, then deletes the trail.",
            TechniqueId = "T1562.008",
            TechniqueName = "Impair Defenses: Disable or Modify Cloud Logs",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [CloudTrailChange],
            Span = TimeSpan.FromMinutes(3),
            Build = b =>
            {
                var trail = "arn:aws:cloudtrail:" + b.Region.Name + ":" + b.Account.Id + ":trail/" + b.Account.TrailName;
                b.CloudTrail(0, CloudTrailCatalog.Find("cloudtrail.amazonaws.com", "DescribeTrails"), b.StolenKeyUser, AttackBuilder.AttackerCli);
                b.CloudTrail(22, CloudTrailCatalog.Find("cloudtrail.amazonaws.com", "GetTrailStatus"), b.StolenKeyUser, AttackBuilder.AttackerCli);
                b.CloudTrail(47, AttackApis.StopLogging, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: trail);
                b.CloudTrail(95, AttackApis.DeleteTrail, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: trail);
            },
        },
        new()
        {
            Name = "guardduty-detector-disabled",
            Description = "A stolen access key disables the GuardDuty detector, then deletes it.",
            TechniqueId = "T1562.001",
            TechniqueName = "Impair Defenses: Disable or Modify Tools",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [GuardDutyDetector],
            Span = TimeSpan.FromMinutes(3),
            Build = b =>
            {
                b.CloudTrail(0, CloudTrailCatalog.Find("guardduty.amazonaws.com", "ListDetectors"), b.StolenKeyUser, AttackBuilder.AttackerBoto);
                b.CloudTrail(31, AttackApis.UpdateDetector, b.StolenKeyUser, AttackBuilder.AttackerBoto, resource: b.Region.DetectorId);
                b.CloudTrail(118, AttackApis.DeleteDetector, b.StolenKeyUser, AttackBuilder.AttackerBoto, resource: b.Region.DetectorId);
            },
        },
        new()
        {
            Name = "console-login-without-mfa",
            Description = "Password guessing against an IAM user, then a successful console sign-in without MFA.",
            TechniqueId = "T1078.004",
            TechniqueName = "Valid Accounts: Cloud Accounts",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [LoginWithoutMfa, LoginFailed],
            Span = TimeSpan.FromMinutes(3),
            Global = true,
            Build = b =>
            {
                var login = SignInApis.ConsoleLoginWithoutMfa;
                b.CloudTrail(0, login, b.HumanUser, AttackBuilder.AttackerBrowser, error: SignInApis.FailedAuthentication);
                b.CloudTrail(19, login, b.HumanUser, AttackBuilder.AttackerBrowser, error: SignInApis.FailedAuthentication);
                b.CloudTrail(44, login, b.HumanUser, AttackBuilder.AttackerBrowser, error: SignInApis.FailedAuthentication);
                b.CloudTrail(71, login, b.HumanUser, AttackBuilder.AttackerBrowser);
            },
        },
        new()
        {
            Name = "root-account-usage",
            Description = "Someone signs in as the account root user and looks around IAM.",
            TechniqueId = "T1078.004",
            TechniqueName = "Valid Accounts: Cloud Accounts",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [RootCredentials],
            Span = TimeSpan.FromMinutes(4),
            Global = true,
            Build = b =>
            {
                var root = b.Account.Root;
                b.CloudTrail(0, SignInApis.ConsoleLogin, root, AttackBuilder.AttackerBrowser);
                b.CloudTrail(38, CloudTrailCatalog.Find("iam.amazonaws.com", "GetAccountSummary"), root, UserAgents.ConsoleInternal);
                b.CloudTrail(65, CloudTrailCatalog.Find("iam.amazonaws.com", "ListUsers"), root, UserAgents.ConsoleInternal);
                b.CloudTrail(140, CloudTrailCatalog.Find("iam.amazonaws.com", "GetAccountPasswordPolicy"), root, UserAgents.ConsoleInternal);
            },
        },
        new()
        {
            Name = "iam-backdoor-user",
            Description = "A stolen access key creates an administrator user and access keys for it and for an existing user.",
            TechniqueId = "T1098.001",
            TechniqueName = "Account Manipulation: Additional Cloud Credentials",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [BackdoorKeys],
            Span = TimeSpan.FromMinutes(4),
            Global = true,
            Build = b =>
            {
                const string Backdoor = "svc-support-ops";
                b.CloudTrail(0, CloudTrailCatalog.Find("iam.amazonaws.com", "ListUsers"), b.StolenKeyUser, AttackBuilder.AttackerCli);
                b.CloudTrail(26, AttackApis.CreateUser, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: Backdoor);
                b.CloudTrail(41, AttackApis.AttachUserPolicy, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: Backdoor);
                b.CloudTrail(58, AttackApis.CreateAccessKey, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: Backdoor);
                b.CloudTrail(130, AttackApis.CreateAccessKey, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: b.HumanUser.Name!);
            },
        },
        new()
        {
            Name = "iam-login-profile-backdoor",
            Description = "S3 Browser with a stolen key gives a programmatic user a console password and resets a person's password.",
            TechniqueId = "T1098",
            TechniqueName = "Account Manipulation",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [S3BrowserLoginProfile, LoginProfileModified],
            Span = TimeSpan.FromMinutes(3),
            Global = true,
            Build = b =>
            {
                var target = b.Account.AutomationUsers.FirstOrDefault(user => user != b.StolenKeyUser)?.Name ?? b.HumanUser.Name!;
                b.CloudTrail(0, AttackApis.CreateLoginProfile, b.StolenKeyUser, S3Browser, resource: target);
                b.CloudTrail(64, AttackApis.UpdateLoginProfile, b.StolenKeyUser, S3Browser, resource: b.HumanUser.Name!);
            },
        },
        new()
        {
            Name = "s3-versioning-suspended",
            Description = "Before destroying data, the attacker suspends versioning on a bucket so deleted objects cannot be recovered.",
            TechniqueId = "T1490",
            TechniqueName = "Inhibit System Recovery",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [VersioningDisabled],
            Span = TimeSpan.FromMinutes(2),
            Build = b =>
            {
                var bucket = b.Account.BucketNames[b.Random.Next(b.Account.BucketNames.Length)];
                b.CloudTrail(0, AttackApis.SuspendBucketVersioning, b.StolenKeyUser, AttackBuilder.AttackerBoto, bucket: bucket);
            },
        },
        new()
        {
            Name = "ec2-user-data-modified",
            Description = "An instance is stopped, its user data replaced with a script, and started again so the script runs as root.",
            TechniqueId = "T1059",
            TechniqueName = "Command and Scripting Interpreter",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [StartupScript],
            Span = TimeSpan.FromMinutes(4),
            Build = b =>
            {
                var instance = b.Region.InstanceIds[b.Random.Next(b.Region.InstanceIds.Length)];
                b.CloudTrail(0, AttackApis.StopInstances, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: instance);
                b.CloudTrail(92, AttackApis.ModifyUserData, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: instance);
                b.CloudTrail(118, AttackApis.StartInstances, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: instance);
            },
        },
        new()
        {
            Name = "ebs-snapshot-shared-publicly",
            Description = "An EBS snapshot is made restorable by every AWS account.",
            TechniqueId = "T1537",
            TechniqueName = "Transfer Data to Cloud Account",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [SnapshotExfiltration],
            Span = TimeSpan.FromMinutes(2),
            Build = b =>
            {
                var snapshot = b.Region.SnapshotIds[b.Random.Next(b.Region.SnapshotIds.Length)];
                b.CloudTrail(0, CloudTrailCatalog.Find("ec2.amazonaws.com", "DescribeSnapshots"), b.StolenKeyUser, AttackBuilder.AttackerCli);
                b.CloudTrail(35, AttackApis.ShareSnapshotPublicly, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: snapshot);
                b.CloudTrail(52, AttackApis.DescribeSnapshotAttribute, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: snapshot);
            },
        },
        new()
        {
            Name = "vpc-flow-logs-deleted",
            Description = "The attacker removes a VPC's flow log to blind network monitoring.",
            TechniqueId = "T1562.008",
            TechniqueName = "Impair Defenses: Disable or Modify Cloud Logs",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [FlowLogsDeleted],
            Span = TimeSpan.FromMinutes(2),
            Build = b =>
            {
                b.CloudTrail(0, AttackApis.DescribeFlowLogs, b.StolenKeyUser, AttackBuilder.AttackerCli);
                b.CloudTrail(40, AttackApis.DeleteFlowLogs, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: b.Region.Vpcs[0].FlowLogId);
            },
        },
        new()
        {
            Name = "config-recorder-stopped",
            Description = "AWS Config stops recording and loses its delivery channel, hiding later configuration changes.",
            TechniqueId = "T1562.008",
            TechniqueName = "Impair Defenses: Disable or Modify Cloud Logs",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [ConfigDisabled],
            Span = TimeSpan.FromMinutes(2),
            Build = b =>
            {
                b.CloudTrail(0, CloudTrailCatalog.Find("config.amazonaws.com", "DescribeConfigurationRecorders"), b.StolenKeyUser, AttackBuilder.AttackerCli);
                b.CloudTrail(28, AttackApis.StopConfigurationRecorder, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: b.Region.ConfigRecorderName);
                b.CloudTrail(61, AttackApis.DeleteDeliveryChannel, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: "default");
            },
        },
        new()
        {
            Name = "kms-key-material-imported",
            Description = "Ransomware preparation: a key with attacker-supplied material is created, and an existing key is scheduled for deletion.",
            TechniqueId = "T1486",
            TechniqueName = "Data Encrypted for Impact",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [KmsImport],
            Span = TimeSpan.FromMinutes(4),
            Build = b =>
            {
                var keyId = TextIds.Uuid(b.Random);
                var keyArn = "arn:aws:kms:" + b.Region.Name + ":" + b.Account.Id + ":key/" + keyId;
                b.CloudTrail(0, AttackApis.CreateExternalKey, b.StolenKeyUser, AttackBuilder.AttackerBoto, resource: keyArn, detail: keyId);
                b.CloudTrail(14, AttackApis.GetParametersForImport, b.StolenKeyUser, AttackBuilder.AttackerBoto, resource: keyArn, detail: keyId);
                b.CloudTrail(49, AttackApis.ImportKeyMaterial, b.StolenKeyUser, AttackBuilder.AttackerBoto, resource: keyArn, detail: keyId);
                b.CloudTrail(160, AttackApis.ScheduleKeyDeletion, b.StolenKeyUser, AttackBuilder.AttackerBoto, resource: b.Region.KmsKeyArns[0]);
            },
        },
        new()
        {
            Name = "secrets-mass-read",
            Description = "An instance role's stolen credentials, used from outside AWS, read every secret in the region within two minutes.",
            TechniqueId = "T1555.006",
            TechniqueName = "Credentials from Password Stores: Cloud Secrets Management Stores",
            SourceType = LogSourceTypes.CloudTrail,
            Span = TimeSpan.FromMinutes(3),
            Build = b =>
            {
                var role = b.Region.Workloads.FirstOrDefault(w => w.Ec2RoleDelivery) ?? b.StolenKeyUser;
                b.CloudTrail(0, CloudTrailCatalog.Find("secretsmanager.amazonaws.com", "ListSecrets"), role, AttackBuilder.AttackerBoto);
                var offset = 6;
                foreach (var secret in b.Region.SecretArns)
                {
                    b.CloudTrail(offset, AttackApis.GetSecretValue, role, AttackBuilder.AttackerBoto, resource: secret);
                    offset += 1 + b.Random.Next(4);
                }
            },
        },
        new()
        {
            Name = "security-group-opened-to-world",
            Description = "SSH is opened to 0.0.0.0/0 on a security group.",
            TechniqueId = "T1562.007",
            TechniqueName = "Impair Defenses: Disable or Modify Cloud Firewall",
            SourceType = LogSourceTypes.CloudTrail,
            ExpectedRules = [SecurityGroupChange],
            Span = TimeSpan.FromMinutes(1),
            Build = b => b.CloudTrail(0, AttackApis.OpenSecurityGroup, b.StolenKeyUser, AttackBuilder.AttackerCli, resource: b.Region.SecurityGroupIds[0]),
        },
        new()
        {
            Name = "vpc-port-scan",
            Description = "One internet address probes hundreds of ports on an exposed instance; nearly all are rejected.",
            TechniqueId = "T1046",
            TechniqueName = "Network Service Discovery",
            SourceType = LogSourceTypes.VpcFlow,
            Span = TimeSpan.FromMinutes(3),
            Build = PortScan,
        },
        new()
        {
            Name = "ssh-brute-force",
            Description = "One internet address opens dozens of short SSH sessions to the bastion, each a failed login.",
            TechniqueId = "T1110.001",
            TechniqueName = "Brute Force: Password Guessing",
            SourceType = LogSourceTypes.VpcFlow,
            Span = TimeSpan.FromMinutes(9),
            Build = SshBruteForce,
        },
        new()
        {
            Name = "dns-crypto-mining",
            Description = "A compromised instance resolves Monero mining pools every half minute.",
            TechniqueId = "T1496",
            TechniqueName = "Resource Hijacking",
            SourceType = LogSourceTypes.Route53Resolver,
            ExpectedRules = [MoneroPool],
            Span = TimeSpan.FromMinutes(11),
            Build = CryptoMining,
        },
        new()
        {
            Name = "dns-tor-onion",
            Description = "An instance tries to resolve Tor hidden-service names, which leak to DNS when a proxy is misconfigured.",
            TechniqueId = "T1090.003",
            TechniqueName = "Proxy: Multi-hop Proxy",
            SourceType = LogSourceTypes.Route53Resolver,
            Span = TimeSpan.FromMinutes(3),
            Build = TorLookups,
        },
        new()
        {
            Name = "dns-dga-beaconing",
            Description = "Malware cycles through algorithmically generated domains until one resolves.",
            TechniqueId = "T1568.002",
            TechniqueName = "Dynamic Resolution: Domain Generation Algorithms",
            SourceType = LogSourceTypes.Route53Resolver,
            Span = TimeSpan.FromMinutes(6),
            Build = DgaLookups,
        },
    ];

    private static void PortScan(AttackBuilder b)
    {
        var vpc = b.Region.Vpcs[0];
        var target = vpc.Interfaces.First(eni => eni.Role == EniRole.Web);
        var ports = new HashSet<int> { 21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445, 993, 995, 1433, 1521, 2049, 3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200, 27017 };
        while (ports.Count < 300)
            ports.Add(b.Random.Next(1, 10000));
        var sourcePort = b.Random.Next(40000, 60000);
        var offset = 0;
        foreach (var port in ports.Order())
        {
            var open = port is 80 or 443;
            var row = new FlowRecord { Interface = target, Status = FlowStatus.Ok, Protocol = 6, Accept = open };
            FlowTraffic.Set(ref row, b.AttackerIp, target.PrivateIp, sourcePort, port, open ? 2 : 1, open ? 84 : 44, ingress: true, flags: open ? 3 : 2);
            b.Flow(offset / 2, 0, row);
            offset++;
        }
    }

    private static void SshBruteForce(AttackBuilder b)
    {
        var vpc = b.Region.Vpcs[0];
        var bastion = vpc.Interfaces.First(eni => eni.Role == EniRole.Bastion);
        var offset = 0;
        for (var i = 0; i < 80; i++)
        {
            var packets = 10 + b.Random.Next(16);
            var row = new FlowRecord { Interface = bastion, Status = FlowStatus.Ok, Protocol = 6, Accept = true };
            FlowTraffic.Set(ref row, b.AttackerIp, bastion.PrivateIp, b.Random.Next(32768, 61000), 22, packets, packets * (150 + b.Random.Next(120)), ingress: true, flags: 19);
            b.Flow(offset, 0, row);
            offset += 4 + b.Random.Next(5);
        }
    }

    private static readonly string[] MiningPools = ["pool.minexmr.com.", "xmr.pool.minergate.com.", "pool.supportxmr.com.", "xmr-eu1.nanopool.org."];

    private static void CryptoMining(AttackBuilder b)
    {
        var vpc = b.Region.Vpcs[0];
        var miner = vpc.Interfaces.First(eni => eni.Role == EniRole.Web);
        var poolIps = MiningPools.Select(_ => IpAddresses.Format(IpAddresses.Public(b.Random, IpAddresses.HostingOctets))).ToArray();
        var offset = 0;
        for (var i = 0; i < 22; i++)
        {
            var pool = i % MiningPools.Length;
            var query = new DnsQuery { Name = MiningPools[pool], Type = "A", ResponseCode = "NOERROR", Source = miner, SourcePort = b.Random.Next(1024, 65535) };
            query.AddAnswer(new DnsAnswer(poolIps[pool], "A"));
            b.Dns(offset, 0, query);
            offset += 25 + b.Random.Next(10);
        }
    }

    private static void TorLookups(AttackBuilder b)
    {
        var vpc = b.Region.Vpcs[b.Region.Vpcs.Length - 1];
        var source = vpc.Interfaces.First(eni => eni.Role == EniRole.App);
        Span<byte> label = stackalloc byte[56];
        for (var i = 0; i < 6; i++)
        {
            for (var c = 0; c < label.Length; c++)
                label[c] = (byte)"abcdefghijklmnopqrstuvwxyz234567"[b.Random.Next(32)];
            var name = System.Text.Encoding.ASCII.GetString(label) + ".onion.";
            b.Dns(i * 20, vpc.Index, new DnsQuery { Name = name, Type = "A", ResponseCode = "NXDOMAIN", Source = source, SourcePort = b.Random.Next(1024, 65535) });
        }
    }

    private static readonly string[] DgaSuffixes = ["top", "xyz", "biz", "info", "ru", "cc"];

    private static void DgaLookups(AttackBuilder b)
    {
        var vpc = b.Region.Vpcs[b.Region.Vpcs.Length - 1];
        var source = vpc.Interfaces.First(eni => eni.Role == EniRole.App);
        Span<byte> label = stackalloc byte[20];
        var offset = 0;
        for (var i = 0; i < 40; i++)
        {
            var length = 12 + b.Random.Next(8);
            for (var c = 0; c < length; c++)
                label[c] = (byte)"abcdefghijklmnopqrstuvwxyz0123456789"[b.Random.Next(c == 0 ? 26 : 36)];
            var name = System.Text.Encoding.ASCII.GetString(label[..length]) + "." + DgaSuffixes[b.Random.Next(DgaSuffixes.Length)] + ".";
            var resolved = i is 23 or 37;
            var query = new DnsQuery { Name = name, Type = "A", ResponseCode = resolved ? "NOERROR" : "NXDOMAIN", Source = source, SourcePort = b.Random.Next(1024, 65535) };
            if (resolved)
                query.AddAnswer(new DnsAnswer(IpAddresses.Format(IpAddresses.Public(b.Random, IpAddresses.HostingOctets)), "A"));
            b.Dns(offset, vpc.Index, query);
            offset += 3 + b.Random.Next(12);
        }
    }
}
