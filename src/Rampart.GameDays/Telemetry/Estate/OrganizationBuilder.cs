using System.Globalization;
using Rampart.GameDays.Telemetry.CloudTrail;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>
/// Builds the synthetic estate from a seed: the same seed, account count and regions always give the same
/// accounts, people, workloads, addresses and resources.
/// </summary>
internal static class OrganizationBuilder
{
    private static readonly double[] AccountWeights = [1.0, 0.45, 0.25, 0.35, 0.5, 0.3, 0.15, 0.1];

    // Shares of calls in a region by persona, close to what busy production trails show.
    private const double WorkloadShare = 0.45;
    private const double ServiceShare = 0.08;
    private const double ServiceLinkedShare = 0.10;
    private const double HumanShare = 0.14;
    private const double AutomationShare = 0.18;
    private const double CrossAccountShare = 0.025;
    private const double FederatedShare = 0.004;
    private const double RootShare = 0.0002;

    public static Organization Build(ulong seed, int accountCount, IReadOnlyList<string> regions)
    {
        var random = new DeterministicRandom(DeterministicRandom.Derive(seed, 0xE57A7E));
        var regionNames = regions.ToArray();
        var home = Array.IndexOf(regionNames, "us-east-1");
        if (home < 0)
            home = 0;

        var officeIps = Enumerable.Range(0, 3).Select(_ => IpAddresses.Format(IpAddresses.Public(random, IpAddresses.IspOctets))).ToArray();
        var ciIps = Enumerable.Range(0, 6).Select(_ => IpAddresses.Format(IpAddresses.Public(random, [4, 13, 20, 40, 52]))).ToArray();
        var partnerIps = Enumerable.Range(0, 3).Select(_ => IpAddresses.Format(IpAddresses.Public(random, IpAddresses.AwsOctets))).ToArray();
        var attackerValues = Enumerable.Range(0, 8).Select(_ => IpAddresses.Public(random, IpAddresses.HostingOctets)).ToArray();
        var partnerAccount = AccountId(random);
        var usedIds = new HashSet<string>(StringComparer.Ordinal) { partnerAccount };

        var accounts = new Account[accountCount];
        for (var i = 0; i < accountCount; i++)
        {
            string id;
            do
                id = AccountId(random);
            while (!usedIds.Add(id));
            accounts[i] = BuildAccount(random, i, id, regionNames, home);
        }

        var organization = new Organization
        {
            Accounts = accounts,
            Regions = regionNames,
            HomeRegionIndex = home,
            PartnerAccountId = partnerAccount,
            AttackerIpValues = attackerValues,
            ClientIps = Enumerable.Range(0, 256).Select(_ => IpAddresses.Public(random, IpAddresses.IspOctets)).ToArray(),
        };

        var tables = new Dictionary<string, WeightedTable<CloudTrailApi>?>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            AddPrincipals(random, seed, organization, account, officeIps, ciIps, partnerIps);
            foreach (var region in account.Regions)
                AddWorkloads(random, seed, account, region);
            foreach (var principal in account.Principals.Concat(account.Regions.SelectMany(region => region.Workloads)))
            {
                principal.HomeApis = ApiTable(tables, principal, home: true);
                principal.RegionalApis = ApiTable(tables, principal, home: false);
            }

            foreach (var region in account.Regions)
                region.Callers = Callers(account, region);
        }

        return organization;
    }

    private static string AccountId(DeterministicRandom random) =>
        random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + random.NextInt64(100_000_000_000).ToString("D11", CultureInfo.InvariantCulture);

    private static Account BuildAccount(DeterministicRandom random, int index, string id, string[] regionNames, int home)
    {
        var purpose = index < Names.AccountPurposes.Length ? Names.AccountPurposes[index] : "workload-" + index.ToString("D2", CultureInfo.InvariantCulture);
        var alias = Names.Company + "-" + purpose;
        var workloads = Shuffle(random, Names.Workloads).Take(random.Next(6, 9)).ToArray();
        var humans = Enumerable.Range(0, random.Next(7, 12)).Select(_ => random.Pick(Names.FirstNames) + "." + random.Pick(Names.LastNames)).Distinct(StringComparer.Ordinal).ToArray();
        var automation = Shuffle(random, Names.AutomationUsers).Take(4).ToArray();
        var roles = workloads.Select(w => w + "-role")
            .Concat(["OrganizationAccountAccessRole", "github-actions-deploy", "datadog-integration", "terraform-plan", "security-audit", "break-glass-admin"])
            .ToArray();
        var buckets = Names.BucketPurposes.Take(random.Next(5, Names.BucketPurposes.Length + 1)).Select(p => alias + "-" + p + "-" + id).ToArray();
        var policies = workloads.Take(4).Select(w => "arn:aws:iam::" + id + ":policy/" + w + "-access")
            .Concat(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/SecurityAudit"])
            .ToArray();
        var weight = index < AccountWeights.Length ? AccountWeights[index] : 0.2;
        var regions = new RegionEstate[regionNames.Length];
        for (var r = 0; r < regionNames.Length; r++)
            regions[r] = BuildRegion(random, index, id, purpose, r, regionNames[r], r == home, workloads);

        return new Account
        {
            Index = index,
            Id = id,
            Alias = alias,
            Weight = weight,
            Regions = regions,
            BucketNames = buckets,
            UserNames = humans.Concat(automation).ToArray(),
            RoleNames = roles,
            PolicyArns = policies,
            TrailName = index == 0 ? "organization-trail" : "management-events",
            TrailBucket = Names.Company + "-cloudtrail-" + id,
        };
    }

    private static RegionEstate BuildRegion(DeterministicRandom random, int accountIndex, string accountId, string purpose, int index, string name, bool isHome, string[] workloads)
    {
        var domain = name == "us-east-1" ? "ec2.internal" : name + ".compute.internal";
        var azPrefix = AzPrefix(name);
        var vpcs = new Vpc[2];
        var instanceIds = new List<string>();
        var natIps = new List<string>();
        for (var v = 0; v < vpcs.Length; v++)
        {
            var second = (uint)((16 + (accountIndex * 16) + (index * 2) + v) & 0xFF);
            var network = (10u << 24) | (second << 16);
            var subnets = Enumerable.Range(0, 3).Select(_ => "subnet-0" + TextIds.Hex(random, 16)).ToArray();
            var roles = v == 0
                ? new[] { EniRole.LoadBalancer, EniRole.LoadBalancer, EniRole.Web, EniRole.Web, EniRole.Web, EniRole.Web, EniRole.App, EniRole.App, EniRole.App, EniRole.App, EniRole.Database, EniRole.Database, EniRole.Cache, EniRole.Bastion, EniRole.NatGateway }
                : new[] { EniRole.App, EniRole.App, EniRole.App, EniRole.Lambda, EniRole.Lambda, EniRole.Lambda, EniRole.Database, EniRole.NatGateway };
            var interfaces = new NetworkInterface[roles.Length];
            for (var e = 0; e < roles.Length; e++)
            {
                var role = roles[e];
                var subnet = e % subnets.Length;
                var host = ((uint)(subnet + 1) << 8) | (uint)random.Next(10, 250);
                var privateIp = network + host;
                var hasPublic = role is EniRole.LoadBalancer or EniRole.Bastion or EniRole.NatGateway or EniRole.Web;
                var publicIp = hasPublic ? IpAddresses.Public(random, IpAddresses.AwsOctets) : 0u;
                string? instance = role is EniRole.Web or EniRole.App or EniRole.Bastion ? "i-0" + TextIds.Hex(random, 16) : null;
                if (instance is not null)
                    instanceIds.Add(instance);
                if (role == EniRole.NatGateway)
                    natIps.Add(IpAddresses.Format(publicIp));
                interfaces[e] = new NetworkInterface
                {
                    Id = "eni-0" + TextIds.Hex(random, 16),
                    PrivateIp = privateIp,
                    PrivateIpText = IpAddresses.Format(privateIp),
                    PublicIp = publicIp,
                    SubnetId = subnets[subnet],
                    InstanceId = instance,
                    AzId = azPrefix + "-az" + (subnet + 1).ToString(CultureInfo.InvariantCulture),
                    Role = role,
                };
            }

            vpcs[v] = new Vpc
            {
                Index = v,
                Id = "vpc-0" + TextIds.Hex(random, 16),
                Network = network,
                SubnetIds = subnets,
                Interfaces = interfaces,
                FlowLogId = "fl-0" + TextIds.Hex(random, 16),
                DefaultFormat = v == 0,
                Weight = v == 0 ? 0.65 : 0.35,
                InternalDomain = domain,
            };
        }

        instanceIds.AddRange(Enumerable.Range(0, 4).Select(_ => "i-0" + TextIds.Hex(random, 16)));
        var keys = Enumerable.Range(0, 3).Select(_ => TextIds.Uuid(random)).ToArray();
        var env = purpose is "prod" or "staging" or "dev" ? purpose : "prod";
        var secrets = new List<string>();
        foreach (var workload in workloads)
        {
            foreach (var secret in new[] { "db-password", "api-key", "signing-key", "oauth-client-secret" })
                secrets.Add("arn:aws:secretsmanager:" + name + ":" + accountId + ":secret:" + env + "/" + workload + "/" + secret + "-" + TextIds.MixedAlphanumeric16(random)[..6]);
        }

        return new RegionEstate
        {
            Index = index,
            Name = name,
            IsHome = isHome,
            Weight = isHome ? 1.0 : Math.Max(0.15, 0.5 / index),
            Vpcs = vpcs,
            NatIps = [.. natIps],
            InstanceIds = [.. instanceIds],
            SecurityGroupIds = Enumerable.Range(0, 6).Select(_ => "sg-0" + TextIds.Hex(random, 16)).ToArray(),
            VolumeIds = Enumerable.Range(0, 8).Select(_ => "vol-0" + TextIds.Hex(random, 16)).ToArray(),
            SnapshotIds = Enumerable.Range(0, 4).Select(_ => "snap-0" + TextIds.Hex(random, 16)).ToArray(),
            ImageIds = Enumerable.Range(0, 3).Select(_ => "ami-0" + TextIds.Hex(random, 16)).ToArray(),
            KmsKeyArns = keys.Select(key => "arn:aws:kms:" + name + ":" + accountId + ":key/" + key).ToArray(),
            SecretArns = [.. secrets],
            LogGroups = workloads.Select(w => "/aws/lambda/" + w + "-handler").Concat(workloads.Take(3).Select(w => "/ecs/" + w)).Append("/aws/rds/instance/" + workloads[0] + "-db/postgresql").ToArray(),
            FunctionNames = workloads.Select(w => w + "-handler").ToArray(),
            TableNames = Names.Tables.Take(random.Next(3, Names.Tables.Length)).ToArray(),
            ParameterNames = workloads.SelectMany(w => Names.ParameterPaths.Take(3).Select(p => "/" + env + "/" + w + "/" + p)).ToArray(),
            RepositoryNames = Names.Repositories,
            ClusterNames = Names.Clusters,
            LoadBalancerArns = workloads.Take(3).Select(w => "arn:aws:elasticloadbalancing:" + name + ":" + accountId + ":loadbalancer/app/" + w + "-alb/" + TextIds.Hex(random, 16)).ToArray(),
            TargetGroupArns = workloads.Take(4).Select(w => "arn:aws:elasticloadbalancing:" + name + ":" + accountId + ":targetgroup/" + w + "-tg/" + TextIds.Hex(random, 16)).ToArray(),
            DbInstanceIds = workloads.Take(2).Select(w => w + "-db").ToArray(),
            QueueUrls = Names.Queues.Select(q => "https://sqs." + name + ".amazonaws.com/" + accountId + "/" + q).ToArray(),
            VpcEndpointId = "vpce-0" + TextIds.Hex(random, 16),
            DetectorId = TextIds.Hex(random, 32),
            ConfigRecorderName = "default",
            AlarmNames = Names.Alarms,
        };
    }

    /// <summary>The short region form AWS uses in availability zone ids: use1, euc1, apse2.</summary>
    private static string AzPrefix(string region)
    {
        var parts = region.Split('-');
        if (parts.Length < 3)
            return region;
        var direction = parts[1] switch
        {
            "east" => "e",
            "west" => "w",
            "central" => "c",
            "north" => "n",
            "south" => "s",
            "northeast" => "ne",
            "southeast" => "se",
            "northwest" => "nw",
            "southwest" => "sw",
            _ => parts[1][..1],
        };
        return parts[0] + direction + parts[^1];
    }

    private static void AddPrincipals(DeterministicRandom random, ulong seed, Organization organization, Account account, string[] officeIps, string[] ciIps, string[] partnerIps)
    {
        var people = new List<Principal>();
        var humanNames = account.UserNames.Where(name => name.Contains('.', StringComparison.Ordinal)).ToArray();
        var iamHumans = humanNames.Take(Math.Max(2, humanNames.Length / 2)).ToArray();
        foreach (var name in iamHumans)
        {
            var principal = Human(random, seed, account, name, officeIps, sso: null);
            people.Add(principal);
            account.HumanUsers.Add(principal);
        }

        foreach (var name in humanNames.Skip(iamHumans.Length))
            people.Add(Human(random, seed, account, name, officeIps, sso: random.Pick(Names.SsoPermissionSets)));

        var automation = new List<Principal>();
        foreach (var name in account.UserNames.Where(name => !name.Contains('.', StringComparison.Ordinal)))
        {
            var agents = name switch
            {
                "terraform" or "ci-deployer" or "jenkins" => Table((random.Pick(UserAgents.Terraform), 0.6), (random.Pick(UserAgents.AwsCli), 0.4)),
                "legacy-sftp" => Table((UserAgents.JavaSdk[1], 1.0)),
                "monitoring-export" => Table((UserAgents.GoSdk[1], 1.0)),
                _ => Table((random.Pick(UserAgents.Boto3), 1.0)),
            };
            var ips = name is "terraform" or "ci-deployer" or "jenkins" ? ciIps : account.Regions[0].NatIps;
            var user = IamUser(random, seed, account, name, Persona.Automation, agents, ips, mfa: false, browser: null);
            automation.Add(user);
            account.AutomationUsers.Add(user);
        }

        automation.Add(Role(random, seed, account, "github-actions-deploy", "GitHubActions", Persona.Automation, Table((random.Pick(UserAgents.Terraform), 0.7), (UserAgents.AwsCli[1], 0.3)), ciIps));
        automation.Add(Role(random, seed, account, "datadog-integration", "DatadogAWSIntegration", Persona.Automation, Table((UserAgents.DatadogIntegration, 1.0)), partnerIps));
        automation.Add(Role(random, seed, account, "terraform-plan", "terraform-plan", Persona.Automation, Table((random.Pick(UserAgents.Terraform), 1.0)), ciIps));

        // Each service-linked role describes what its service manages; AWS Config describes everything.
        var linked = new List<Principal>();
        foreach (var (service, role, session, uses) in new (string, string, string, string[]?)[]
        {
            ("config.amazonaws.com", "AWSServiceRoleForConfig", "AWSConfig-Describe", null),
            ("autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling", "AutoScaling", ["ec2.amazonaws.com", "elasticloadbalancing.amazonaws.com", "autoscaling.amazonaws.com"]),
            ("ecs.amazonaws.com", "AWSServiceRoleForECS", "ecs-service-scheduler", ["ec2.amazonaws.com", "elasticloadbalancing.amazonaws.com", "ecs.amazonaws.com"]),
            ("securityhub.amazonaws.com", "AWSServiceRoleForSecurityHub", "securityhub", ["iam.amazonaws.com", "s3.amazonaws.com", "kms.amazonaws.com", "ec2.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com", "guardduty.amazonaws.com"]),
            ("access-analyzer.amazonaws.com", "AWSServiceRoleForAccessAnalyzer", "access-analyzer", ["iam.amazonaws.com", "s3.amazonaws.com", "kms.amazonaws.com", "lambda.amazonaws.com", "secretsmanager.amazonaws.com", "sqs.amazonaws.com"]),
            ("backup.amazonaws.com", "AWSServiceRoleForBackup", "AWSBackup-AWSServiceRoleForBackup", ["ec2.amazonaws.com", "rds.amazonaws.com", "dynamodb.amazonaws.com", "kms.amazonaws.com"]),
            ("elasticloadbalancing.amazonaws.com", "AWSServiceRoleForElasticLoadBalancing", "ElasticLoadBalancing", ["ec2.amazonaws.com", "elasticloadbalancing.amazonaws.com"]),
        })
        {
            linked.Add(ServiceLinked(random, seed, account, service, role, session, uses));
        }

        var services = new List<Principal>();
        foreach (var (service, uses) in new[]
        {
            ("lambda.amazonaws.com", "sts.amazonaws.com"),
            ("ecs-tasks.amazonaws.com", "sts.amazonaws.com"),
            ("ec2.amazonaws.com", "sts.amazonaws.com"),
            ("states.amazonaws.com", "sts.amazonaws.com"),
            ("cloudtrail.amazonaws.com", "s3.amazonaws.com"),
            ("config.amazonaws.com", "s3.amazonaws.com"),
        })
        {
            services.Add(new Principal
            {
                Kind = PrincipalKind.AwsService,
                Persona = Persona.Service,
                AccountId = account.Id,
                InvokedBy = service,
                Agents = Table((UserAgents.Service(service), 1.0)),
                SourceIps = [service],
                Services = [uses],
                KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + service)),
            });
        }

        var partnerAgents = Table((UserAgents.JavaSdk[0], 0.5), (UserAgents.Boto3[1], 0.5));
        var crossAccount = new List<Principal>
        {
            new()
            {
                Kind = PrincipalKind.AwsAccount,
                Persona = Persona.CrossAccount,
                AccountId = organization.PartnerAccountId,
                PrincipalId = TextIds.IamId(random, "AROA", 17) + ":partner-sync",
                Agents = partnerAgents,
                SourceIps = partnerIps,
                KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + "partner")),
            },
        };

        var root = new Principal
        {
            Kind = PrincipalKind.Root,
            Persona = Persona.Root,
            AccountId = account.Id,
            PrincipalId = account.Id,
            Arn = "arn:aws:iam::" + account.Id + ":root",
            MfaAuthenticated = true,
            Agents = Table((UserAgents.ConsoleInternal, 0.5), (UserAgents.Browsers[0], 0.5)),
            Browser = UserAgents.Browsers[0],
            SourceIps = [officeIps[0]],
            KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + "root")),
        };
        account.Root = root;

        var broker = "federation-broker";
        var federated = new Principal
        {
            Kind = PrincipalKind.FederatedUser,
            Persona = Persona.Federated,
            AccountId = account.Id,
            Name = "report-portal",
            PrincipalId = account.Id + ":report-portal",
            Arn = "arn:aws:sts::" + account.Id + ":federated-user/report-portal",
            IssuerArn = "arn:aws:iam::" + account.Id + ":user/" + broker,
            IssuerId = TextIds.IamId(random, "AIDA", 17),
            IssuerName = broker,
            Agents = Table((UserAgents.JavaSdk[1], 1.0)),
            SourceIps = account.Regions[0].NatIps,
            KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + "federated")),
        };

        Share(people, HumanShare, account.Principals);
        Share(automation, AutomationShare, account.Principals);
        Share(linked, ServiceLinkedShare, account.Principals);
        Share(services, ServiceShare, account.Principals);
        Share(crossAccount, CrossAccountShare, account.Principals);
        Share([federated], FederatedShare, account.Principals);
        Share([root], RootShare, account.Principals);
    }

    /// <summary>Adds principals to <paramref name="target"/> with weights that split <paramref name="share"/> unevenly.</summary>
    private static void Share(List<Principal> principals, double share, List<Principal> target)
    {
        // A few principals do most of the work: weights fall off by rank.
        var raw = principals.Select((_, rank) => 1.0 / (1 + (rank * 0.6))).ToArray();
        var total = raw.Sum();
        for (var i = 0; i < principals.Count; i++)
        {
            principals[i].Weight = share * raw[i] / total;
            target.Add(principals[i]);
        }
    }

    private static Principal Human(DeterministicRandom random, ulong seed, Account account, string name, string[] officeIps, string? sso)
    {
        var browser = random.Pick(UserAgents.Browsers);
        var agents = Table(
            (UserAgents.ConsoleInternal, 0.3),
            (browser, 0.2),
            (random.Pick(UserAgents.AwsCli), 0.35),
            (random.Pick(UserAgents.Boto3), 0.1),
            (random.Pick(UserAgents.Terraform), 0.05));
        var home = random.Chance(0.15) ? IpAddresses.PublicV6(random) : IpAddresses.Format(IpAddresses.Public(random, IpAddresses.IspOctets));
        string[] ips = [random.Pick(officeIps), home];
        if (sso is null)
            return IamUser(random, seed, account, name, Persona.Human, agents, ips, mfa: true, browser);

        var roleName = "AWSReservedSSO_" + sso + "_" + TextIds.Hex(random, 16);
        var roleId = TextIds.IamId(random, "AROA", 17);
        var session = name + "@" + Names.Company + ".example";
        return new Principal
        {
            Kind = PrincipalKind.AssumedRole,
            Persona = Persona.Human,
            AccountId = account.Id,
            PrincipalId = roleId + ":" + session,
            Arn = "arn:aws:sts::" + account.Id + ":assumed-role/" + roleName + "/" + session,
            Name = roleName,
            IssuerArn = "arn:aws:iam::" + account.Id + ":role/aws-reserved/sso.amazonaws.com/" + roleName,
            IssuerId = roleId,
            IssuerName = roleName,
            SessionName = session,
            Agents = agents,
            Browser = browser,
            SourceIps = ips,
            KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + session + roleName)),
        };
    }

    private static Principal IamUser(DeterministicRandom random, ulong seed, Account account, string name, Persona persona, WeightedTable<UserAgent> agents, string[] ips, bool mfa, UserAgent? browser) => new()
    {
        Kind = PrincipalKind.IamUser,
        Persona = persona,
        AccountId = account.Id,
        PrincipalId = TextIds.IamId(random, "AIDA", 17),
        Arn = "arn:aws:iam::" + account.Id + ":user/" + name,
        Name = name,
        AccessKeyId = TextIds.IamId(random, "AKIA", 16),
        MfaAuthenticated = mfa,
        Agents = agents,
        Browser = browser,
        SourceIps = ips,
        KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + "user/" + name)),
    };

    private static Principal Role(DeterministicRandom random, ulong seed, Account account, string role, string session, Persona persona, WeightedTable<UserAgent> agents, string[] ips, int regionIndex = -1, bool ec2 = false, string[]? services = null, double endpointShare = 0)
    {
        var roleId = TextIds.IamId(random, "AROA", 17);
        return new Principal
        {
            Kind = PrincipalKind.AssumedRole,
            Persona = persona,
            AccountId = account.Id,
            PrincipalId = roleId + ":" + session,
            Arn = "arn:aws:sts::" + account.Id + ":assumed-role/" + role + "/" + session,
            Name = role,
            IssuerArn = "arn:aws:iam::" + account.Id + ":role/" + role,
            IssuerId = roleId,
            IssuerName = role,
            SessionName = session,
            Ec2RoleDelivery = ec2,
            Agents = agents,
            SourceIps = ips,
            RegionIndex = regionIndex,
            Services = services,
            VpcEndpointShare = endpointShare,
            KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + role + session)),
        };
    }

    private static Principal ServiceLinked(DeterministicRandom random, ulong seed, Account account, string service, string role, string session, string[]? uses)
    {
        var roleId = TextIds.IamId(random, "AROA", 17);
        return new Principal
        {
            Kind = PrincipalKind.AssumedRole,
            Persona = Persona.ServiceLinked,
            AccountId = account.Id,
            PrincipalId = roleId + ":" + session,
            Arn = "arn:aws:sts::" + account.Id + ":assumed-role/" + role + "/" + session,
            Name = role,
            IssuerArn = "arn:aws:iam::" + account.Id + ":role/aws-service-role/" + service + "/" + role,
            IssuerId = roleId,
            IssuerName = role,
            SessionName = session,
            InvokedBy = service,
            Agents = Table((UserAgents.Service(service), 1.0)),
            SourceIps = [service],
            Services = uses,
            KeySeed = DeterministicRandom.Derive(seed, DeterministicRandom.Hash(account.Id + role)),
        };
    }

    private static readonly string[] Ec2Services = ["s3.amazonaws.com", "kms.amazonaws.com", "ssm.amazonaws.com", "secretsmanager.amazonaws.com", "monitoring.amazonaws.com", "ec2.amazonaws.com", "ecr.amazonaws.com", "sts.amazonaws.com", "autoscaling.amazonaws.com", "logs.amazonaws.com"];
    private static readonly string[] LambdaServices = ["s3.amazonaws.com", "dynamodb.amazonaws.com", "kms.amazonaws.com", "logs.amazonaws.com", "secretsmanager.amazonaws.com", "sqs.amazonaws.com", "sts.amazonaws.com", "lambda.amazonaws.com", "states.amazonaws.com", "config.amazonaws.com"];
    private static readonly string[] EcsServices = ["s3.amazonaws.com", "dynamodb.amazonaws.com", "kms.amazonaws.com", "secretsmanager.amazonaws.com", "ssm.amazonaws.com", "sqs.amazonaws.com", "ecr.amazonaws.com", "ecs.amazonaws.com", "athena.amazonaws.com", "glue.amazonaws.com", "sts.amazonaws.com", "iam.amazonaws.com"];

    private static void AddWorkloads(DeterministicRandom random, ulong seed, Account account, RegionEstate region)
    {
        var workloads = new List<Principal>();
        var instances = region.Vpcs.SelectMany(vpc => vpc.Interfaces).Where(eni => eni.InstanceId is not null).ToArray();
        var roles = account.RoleNames.Where(role => role.EndsWith("-role", StringComparison.Ordinal)).ToArray();
        for (var i = 0; i < roles.Length; i++)
        {
            var role = roles[i];
            var app = role[..^5];
            var sdk = random.Pick(UserAgents.Sdks(random.Next(5)));
            var agents = Table((sdk, 1.0));
            switch (i % 3)
            {
                case 0:
                    var instance = instances[i % instances.Length];
                    // An instance reaches AWS through its one NAT address; only stolen credentials appear elsewhere.
                    string[] natIp = [region.NatIps[i % region.NatIps.Length]];
                    workloads.Add(Role(random, seed, account, role, instance.InstanceId!, Persona.Workload, agents, natIp, region.Index, ec2: true, Ec2Services, endpointShare: 0.3));
                    break;
                case 1:
                    workloads.Add(Role(random, seed, account, role, app + "-handler", Persona.Workload, agents, region.NatIps, region.Index, ec2: false, LambdaServices));
                    break;
                default:
                    workloads.Add(Role(random, seed, account, role, TextIds.Hex(random, 32), Persona.Workload, agents, region.NatIps, region.Index, ec2: false, EcsServices, endpointShare: 0.5));
                    break;
            }
        }

        Share(workloads, WorkloadShare, region.Workloads);
    }

    private static WeightedTable<CloudTrailApi>? ApiTable(Dictionary<string, WeightedTable<CloudTrailApi>?> cache, Principal principal, bool home)
    {
        var signIn = principal.Kind is PrincipalKind.IamUser or PrincipalKind.Root;
        var key = string.Join('|', principal.Persona, home, signIn, principal.Services is null ? "*" : string.Join(',', principal.Services));
        if (cache.TryGetValue(key, out var table))
            return table;
        var entries = CloudTrailCatalog.All
            .Where(api => (api.Callers & principal.Persona) != 0)
            .Where(api => home || !api.Global)
            .Where(api => signIn || api.EventType != "AwsConsoleSignIn")
            .Where(api => principal.Services is null || principal.Services.Contains(api.EventSource, StringComparer.Ordinal))
            .Select(api => (api, api.Weight))
            .ToList();
        table = entries.Count == 0 ? null : new WeightedTable<CloudTrailApi>(entries);
        cache[key] = table;
        return table;
    }

    private static WeightedTable<Principal> Callers(Account account, RegionEstate region)
    {
        var entries = account.Principals.Concat(region.Workloads)
            .Where(principal => (region.IsHome ? principal.HomeApis : principal.RegionalApis) is not null)
            .Select(principal => (principal, principal.Weight));
        return new WeightedTable<Principal>(entries);
    }

    private static WeightedTable<UserAgent> Table(params (UserAgent Agent, double Weight)[] agents) => new(agents);

    private static T[] Shuffle<T>(DeterministicRandom random, T[] items)
    {
        var copy = (T[])items.Clone();
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }
}
