using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Iam.Access;
using static Rampart.Iam.Escalation.EscalationTargetKind;

namespace Rampart.Iam.Escalation;

/// <summary>
/// The catalogue of single-step escalation methods Rampart tries, as data. Written for Rampart from AWS's documentation of
/// each action; the list and its wording are our own.
/// </summary>
public static class EscalationMethods
{
    /// <summary>The check id of a finding whose path takes more than one step.</summary>
    public const string PathId = "iam-escalation-path";

    private const string Role = "{target}";
    private const string Function = "arn:{partition}:lambda:{region}:{account}:function:{name}";
    private const string Instance = "arn:{partition}:ec2:{region}:{account}:instance/{name}";
    private const string NewRole = "arn:{partition}:iam::{account}:role/{name}";
    private const string NewUser = "arn:{partition}:iam::{account}:user/{name}";
    private const string Lambda = "lambda.amazonaws.com";
    private const string Ec2 = "ec2.amazonaws.com";
    private const string Glue = "glue.amazonaws.com";
    private const string SageMaker = "sagemaker.amazonaws.com";
    private const string CodeBuild = "codebuild.amazonaws.com";
    private const string CloudFormation = "cloudformation.amazonaws.com";

    /// <summary>Every method, in the order they are tried.</summary>
    public static ImmutableArray<EscalationMethod> All { get; } =
    [
        // Changing one's own or another principal's permissions.
        new("iam-escalation-create-policy-version",
            "iam:CreatePolicyVersion on a customer managed policy attached to the principal (or to one it can become, or serving as its permissions boundary) writes a new default version that allows everything.",
            PolicyOfTarget, [new("iam:CreatePolicyVersion", "{target}")])
        { Step = "write a new default version of policy {0} that allows everything" },
        new("iam-escalation-set-default-policy-version",
            "iam:SetDefaultPolicyVersion on a customer managed policy attached to the principal makes another of its versions the one in force.",
            OtherPolicyVersion, [new("iam:SetDefaultPolicyVersion", "{target}")])
        {
            Step = "make another version of policy {0} the default",
            Assumption = "the export holds only the default version of each policy, so what the other versions allow is not known",
        },
        new("iam-escalation-attach-user-policy",
            "iam:AttachUserPolicy on a user attaches AdministratorAccess to it.",
            TargetPolicy, [new("iam:AttachUserPolicy", "{target}")])
        { AppliesTo = AccessPrincipalKind.User, Step = "attach AdministratorAccess to user {0}" },
        new("iam-escalation-attach-group-policy",
            "iam:AttachGroupPolicy on a group the user is in attaches AdministratorAccess to the group.",
            GroupPolicyOfTarget, [new("iam:AttachGroupPolicy", "{target}")])
        { AppliesTo = AccessPrincipalKind.User, Step = "attach AdministratorAccess to group {0}" },
        new("iam-escalation-attach-role-policy",
            "iam:AttachRolePolicy on a role attaches AdministratorAccess to it.",
            TargetPolicy, [new("iam:AttachRolePolicy", "{target}")])
        { AppliesTo = AccessPrincipalKind.Role, Step = "attach AdministratorAccess to role {0}" },
        new("iam-escalation-put-user-policy",
            "iam:PutUserPolicy on a user writes an inline policy that allows everything.",
            TargetPolicy, [new("iam:PutUserPolicy", "{target}")])
        { AppliesTo = AccessPrincipalKind.User, Step = "write an inline policy allowing everything on user {0}" },
        new("iam-escalation-put-group-policy",
            "iam:PutGroupPolicy on a group the user is in writes an inline policy that allows everything.",
            GroupPolicyOfTarget, [new("iam:PutGroupPolicy", "{target}")])
        { AppliesTo = AccessPrincipalKind.User, Step = "write an inline policy allowing everything on group {0}" },
        new("iam-escalation-put-role-policy",
            "iam:PutRolePolicy on a role writes an inline policy that allows everything.",
            TargetPolicy, [new("iam:PutRolePolicy", "{target}")])
        { AppliesTo = AccessPrincipalKind.Role, Step = "write an inline policy allowing everything on role {0}" },
        new("iam-escalation-add-user-to-group",
            "iam:AddUserToGroup on a group whose policies allow everything the user lacks.",
            GroupMembership, [new("iam:AddUserToGroup", "{target}")])
        { AppliesTo = AccessPrincipalKind.User, Step = "add the user to group {0}" },
        new("iam-escalation-delete-user-permissions-boundary",
            "iam:DeleteUserPermissionsBoundary on a user removes the boundary that held its policies back.",
            RemoveBoundary, [new("iam:DeleteUserPermissionsBoundary", "{target}")])
        { AppliesTo = AccessPrincipalKind.User, Step = "remove the permissions boundary of user {0}" },
        new("iam-escalation-delete-role-permissions-boundary",
            "iam:DeleteRolePermissionsBoundary on a role removes the boundary that held its policies back.",
            RemoveBoundary, [new("iam:DeleteRolePermissionsBoundary", "{target}")])
        { AppliesTo = AccessPrincipalKind.Role, Step = "remove the permissions boundary of role {0}" },
        new("iam-escalation-put-user-permissions-boundary",
            "iam:PutUserPermissionsBoundary on a user replaces its boundary with AdministratorAccess.",
            ReplaceBoundary, [new("iam:PutUserPermissionsBoundary", "{target}")])
        { AppliesTo = AccessPrincipalKind.User, Step = "replace the permissions boundary of user {0} with AdministratorAccess" },
        new("iam-escalation-put-role-permissions-boundary",
            "iam:PutRolePermissionsBoundary on a role replaces its boundary with AdministratorAccess.",
            ReplaceBoundary, [new("iam:PutRolePermissionsBoundary", "{target}")])
        { AppliesTo = AccessPrincipalKind.Role, Step = "replace the permissions boundary of role {0} with AdministratorAccess" },
        new("iam-escalation-create-role-attach-policy",
            "iam:CreateRole and iam:AttachRolePolicy: create a role that trusts the principal, attach AdministratorAccess, assume it (a trust policy naming the principal needs no identity permission to assume).",
            NewPrincipal, [new("iam:CreateRole", NewRole), new("iam:AttachRolePolicy", NewRole)])
        { Step = "create a role trusting itself with AdministratorAccess attached, and assume it" },
        new("iam-escalation-create-role-put-policy",
            "iam:CreateRole and iam:PutRolePolicy: create a role that trusts the principal, write an inline policy allowing everything, assume it.",
            NewPrincipal, [new("iam:CreateRole", NewRole), new("iam:PutRolePolicy", NewRole)])
        { Step = "create a role trusting itself with an inline policy allowing everything, and assume it" },
        new("iam-escalation-create-user-attach-policy",
            "iam:CreateUser, iam:AttachUserPolicy and iam:CreateAccessKey: create a user with AdministratorAccess and keys for it.",
            NewPrincipal, [new("iam:CreateUser", NewUser), new("iam:AttachUserPolicy", NewUser), new("iam:CreateAccessKey", NewUser)])
        { Step = "create a user with AdministratorAccess attached and an access key" },
        new("iam-escalation-create-user-put-policy",
            "iam:CreateUser, iam:PutUserPolicy and iam:CreateAccessKey: create a user with an inline policy allowing everything and keys for it.",
            NewPrincipal, [new("iam:CreateUser", NewUser), new("iam:PutUserPolicy", NewUser), new("iam:CreateAccessKey", NewUser)])
        { Step = "create a user with an inline policy allowing everything and an access key" },

        // Becoming another principal.
        new("iam-escalation-assume-role",
            "sts:AssumeRole on a role whose trust policy lets the principal in.",
            AssumeRole, [new("sts:AssumeRole", Role)])
        { Step = "assume role {0}" },
        new("iam-escalation-update-assume-role-policy",
            "iam:UpdateAssumeRolePolicy on a role rewrites its trust policy to name the principal, which may then assume it.",
            RoleTrust, [new("iam:UpdateAssumeRolePolicy", Role)])
        { AppliesTo = AccessPrincipalKind.Role, Step = "rewrite the trust policy of role {0} to name itself, and assume it" },
        new("iam-escalation-create-access-key",
            "iam:CreateAccessKey on another user creates keys to sign requests as that user.",
            UserCredentials, [new("iam:CreateAccessKey", "{target}")])
        {
            AppliesTo = AccessPrincipalKind.User, Step = "create an access key for user {0}",
            Assumption = "IAM refuses a third key: the user must have fewer than two",
        },
        new("iam-escalation-create-login-profile",
            "iam:CreateLoginProfile on another user sets a console password for a user that has none.",
            UserCredentials, [new("iam:CreateLoginProfile", "{target}")])
        {
            AppliesTo = AccessPrincipalKind.User, Step = "set a console password for user {0}",
            Assumption = "the user must have no console password yet (the credential report says; the authorization details do not); MFA on the user would still stop a console sign-in",
        },
        new("iam-escalation-update-login-profile",
            "iam:UpdateLoginProfile on another user changes its console password.",
            UserCredentials, [new("iam:UpdateLoginProfile", "{target}")])
        {
            AppliesTo = AccessPrincipalKind.User, Step = "change the console password of user {0}",
            Assumption = "the user must have a console password (the credential report says; the authorization details do not); MFA on the user would still stop a console sign-in",
        },

        // Passing a role to code the principal runs.
        PassRole("iam-escalation-passrole-lambda", Lambda,
            "iam:PassRole, lambda:CreateFunction and lambda:InvokeFunction: create a function that runs as the role, and invoke it.",
            "pass role {0} to a new Lambda function and invoke it",
            A("lambda:CreateFunction", Function), A("lambda:InvokeFunction", Function)),
        PassRole("iam-escalation-passrole-lambda-event-source", Lambda,
            "iam:PassRole, lambda:CreateFunction and lambda:CreateEventSourceMapping: create a function that runs as the role, and have a stream or queue trigger it.",
            "pass role {0} to a new Lambda function triggered by an event source",
            A("lambda:CreateFunction", Function), A("lambda:CreateEventSourceMapping", "*")),
        PassRole("iam-escalation-passrole-ec2", Ec2,
            "iam:PassRole and ec2:RunInstances: launch an instance with the role's instance profile and user data that uses its credentials.",
            "launch an EC2 instance with role {0}",
            A("ec2:RunInstances", "arn:{partition}:ec2:{region}:{account}:instance/*"),
            A("ec2:RunInstances", "arn:{partition}:ec2:{region}::image/ami-0{name}"),
            A("ec2:RunInstances", "arn:{partition}:ec2:{region}:{account}:subnet/subnet-0{name}"),
            A("ec2:RunInstances", "arn:{partition}:ec2:{region}:{account}:network-interface/*"),
            A("ec2:RunInstances", "arn:{partition}:ec2:{region}:{account}:security-group/sg-0{name}"),
            A("ec2:RunInstances", "arn:{partition}:ec2:{region}:{account}:volume/*")) with { NeedsInstanceProfile = true },
        PassRole("iam-escalation-passrole-autoscaling", Ec2,
            "iam:PassRole, autoscaling:CreateLaunchConfiguration and autoscaling:CreateAutoScalingGroup: have Auto Scaling launch instances with the role's instance profile.",
            "have Auto Scaling launch instances with role {0}",
            A("autoscaling:CreateLaunchConfiguration", "arn:{partition}:autoscaling:{region}:{account}:launchConfiguration:*:launchConfigurationName/{name}"),
            A("autoscaling:CreateAutoScalingGroup", "arn:{partition}:autoscaling:{region}:{account}:autoScalingGroup:*:autoScalingGroupName/{name}")) with { NeedsInstanceProfile = true },
        PassRole("iam-escalation-passrole-ecs", "ecs-tasks.amazonaws.com",
            "iam:PassRole, ecs:RegisterTaskDefinition and ecs:RunTask: run a container whose task role is the role.",
            "run an ECS task with task role {0}",
            A("ecs:RegisterTaskDefinition", "arn:{partition}:ecs:{region}:{account}:task-definition/{name}:1"),
            A("ecs:RunTask", "arn:{partition}:ecs:{region}:{account}:task-definition/{name}:1")) with
        { Assumption = "the account must have an ECS cluster (or the principal may create one)" },
        PassRole("iam-escalation-passrole-glue-dev-endpoint", Glue,
            "iam:PassRole and glue:CreateDevEndpoint: create a development endpoint running as the role and log in to it.",
            "create a Glue development endpoint with role {0}",
            A("glue:CreateDevEndpoint", "*")),
        PassRole("iam-escalation-passrole-glue-job", Glue,
            "iam:PassRole, glue:CreateJob and glue:StartJobRun: create and run a job whose script runs as the role.",
            "create and run a Glue job with role {0}",
            A("glue:CreateJob", "arn:{partition}:glue:{region}:{account}:job/{name}"),
            A("glue:StartJobRun", "arn:{partition}:glue:{region}:{account}:job/{name}")),
        PassRole("iam-escalation-passrole-cloudformation", CloudFormation,
            "iam:PassRole and cloudformation:CreateStack: create a stack whose service role is the role, with a template that creates what the attacker wants.",
            "create a CloudFormation stack with service role {0}",
            A("cloudformation:CreateStack", "arn:{partition}:cloudformation:{region}:{account}:stack/{name}/*")),
        PassRole("iam-escalation-passrole-sagemaker-notebook", SageMaker,
            "iam:PassRole, sagemaker:CreateNotebookInstance and sagemaker:CreatePresignedNotebookInstanceUrl: create a notebook running as the role and open it.",
            "create a SageMaker notebook with role {0} and open it",
            A("sagemaker:CreateNotebookInstance", "arn:{partition}:sagemaker:{region}:{account}:notebook-instance/{name}"),
            A("sagemaker:CreatePresignedNotebookInstanceUrl", "arn:{partition}:sagemaker:{region}:{account}:notebook-instance/{name}")),
        PassRole("iam-escalation-passrole-sagemaker-training-job", SageMaker,
            "iam:PassRole and sagemaker:CreateTrainingJob: run a training container of the attacker's as the role.",
            "run a SageMaker training job with role {0}",
            A("sagemaker:CreateTrainingJob", "arn:{partition}:sagemaker:{region}:{account}:training-job/{name}")),
        PassRole("iam-escalation-passrole-codebuild", CodeBuild,
            "iam:PassRole, codebuild:CreateProject and codebuild:StartBuild: create a build project whose service role is the role and run a build.",
            "create and run a CodeBuild project with service role {0}",
            A("codebuild:CreateProject", "arn:{partition}:codebuild:{region}:{account}:project/{name}"),
            A("codebuild:StartBuild", "arn:{partition}:codebuild:{region}:{account}:project/{name}")),
        PassRole("iam-escalation-passrole-datapipeline", "datapipeline.amazonaws.com",
            "iam:PassRole, datapipeline:CreatePipeline, datapipeline:PutPipelineDefinition and datapipeline:ActivatePipeline: run a pipeline whose activities run shell commands as the role.",
            "run a Data Pipeline with role {0}",
            A("datapipeline:CreatePipeline", "*"),
            A("datapipeline:PutPipelineDefinition", "arn:{partition}:datapipeline:{region}:{account}:pipeline/df-{name}"),
            A("datapipeline:ActivatePipeline", "arn:{partition}:datapipeline:{region}:{account}:pipeline/df-{name}")),
        PassRole("iam-escalation-passrole-step-functions", "states.amazonaws.com",
            "iam:PassRole, states:CreateStateMachine and states:StartExecution: run a state machine that calls AWS APIs as the role.",
            "run a Step Functions state machine with role {0}",
            A("states:CreateStateMachine", "arn:{partition}:states:{region}:{account}:stateMachine:{name}"),
            A("states:StartExecution", "arn:{partition}:states:{region}:{account}:stateMachine:{name}")),

        // Running code in resources that already exist and run as a role.
        Existing("iam-escalation-lambda-update-code", Lambda, "Lambda functions", "function",
            "lambda:UpdateFunctionCode on an existing function replaces its code, which runs as the function's role when next invoked.",
            "replace the code of a Lambda function running as role {0}",
            A("lambda:UpdateFunctionCode", Function)),
        Existing("iam-escalation-ssm-send-command", Ec2, "EC2 instances", "instance",
            "ssm:SendCommand to an instance runs shell commands on it, where its role's credentials are.",
            "run a command through Systems Manager on an instance with role {0}",
            A("ssm:SendCommand", Instance), A("ssm:SendCommand", "arn:{partition}:ssm:{region}::document/AWS-RunShellScript")) with { NeedsInstanceProfile = true },
        Existing("iam-escalation-ssm-start-session", Ec2, "EC2 instances", "instance",
            "ssm:StartSession on an instance opens a shell on it, where its role's credentials are.",
            "open a Session Manager shell on an instance with role {0}",
            A("ssm:StartSession", Instance)) with { NeedsInstanceProfile = true },
        Existing("iam-escalation-ec2-instance-connect", Ec2, "EC2 instances", "instance",
            "ec2-instance-connect:SendSSHPublicKey on an instance lets the principal log in over SSH, where its role's credentials are.",
            "log in over SSH with EC2 Instance Connect to an instance with role {0}",
            A("ec2-instance-connect:SendSSHPublicKey", Instance)) with
        { NeedsInstanceProfile = true, Assumption = ExistingResource("EC2 instances", Ec2, "instance") + "; the instance must also be reachable over SSH" },
        Existing("iam-escalation-glue-update-dev-endpoint", Glue, "Glue development endpoints", "development endpoint",
            "glue:UpdateDevEndpoint on an existing development endpoint adds the principal's SSH key to it, which runs as the endpoint's role.",
            "add an SSH key to a Glue development endpoint with role {0}",
            A("glue:UpdateDevEndpoint", "arn:{partition}:glue:{region}:{account}:devEndpoint/{name}")),
        Existing("iam-escalation-codebuild-start-build", CodeBuild, "CodeBuild projects", "project",
            "codebuild:StartBuild on an existing project with a buildspec override runs the principal's commands as the project's service role.",
            "start a build with its own commands in a CodeBuild project with service role {0}",
            A("codebuild:StartBuild", "arn:{partition}:codebuild:{region}:{account}:project/{name}")),
        Existing("iam-escalation-cloudformation-update-stack", CloudFormation, "CloudFormation stacks", "stack",
            "cloudformation:UpdateStack on an existing stack with a service role changes its template, which the service role then carries out.",
            "update a CloudFormation stack with service role {0}",
            A("cloudformation:UpdateStack", "arn:{partition}:cloudformation:{region}:{account}:stack/{name}/*")),
        Existing("iam-escalation-sagemaker-notebook-url", SageMaker, "SageMaker notebook instances", "notebook instance",
            "sagemaker:CreatePresignedNotebookInstanceUrl on an existing notebook opens it, and its code runs as the notebook's role.",
            "open a SageMaker notebook with role {0}",
            A("sagemaker:CreatePresignedNotebookInstanceUrl", "arn:{partition}:sagemaker:{region}:{account}:notebook-instance/{name}")),
    ];

    private static readonly FrozenDictionary<string, EscalationMethod> ById = All.ToFrozenDictionary(method => method.Id, StringComparer.Ordinal);

    /// <summary>The method with this id, or null.</summary>
    public static EscalationMethod? Find(string id) => ById.GetValueOrDefault(Core.Guard.NotNull(id));

    private static MethodAction A(string action, string resource) => new(action, resource);

    private static string ExistingResource(string resources, string service, string resource) =>
        $"the export does not list the account's {resources}; every role {service} may assume is taken as one an existing {resource} might run as";

    private static EscalationMethod PassRole(string id, string service, string description, string step, params MethodAction[] actions) =>
        new(id, description, PassRoleToService, [new MethodAction("iam:PassRole", Role), .. actions]) { ServicePrincipal = service, Step = step };

    private static EscalationMethod Existing(string id, string service, string resources, string resource, string description, string step, params MethodAction[] actions) =>
        new(id, description, ServiceResource, [.. actions])
        {
            ServicePrincipal = service,
            Step = step,
            Assumption = ExistingResource(resources, service, resource),
        };
}
